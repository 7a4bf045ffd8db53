using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Observability;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Privacy;

/// <summary>
/// The scheduled retention purge (<c>FaktumServer:Retention</c>): on every instance, once at start and then every
/// <c>Retention:Interval</c> on the server's <see cref="TimeProvider"/>, one <see cref="RetentionPurge"/> pass. A pass
/// that fails (the database away) is logged and tried again at the next interval.
/// </summary>
internal sealed partial class RetentionService(
    IServiceScopeFactory scopes,
    IOptions<FaktumServerOptions> options,
    ServerMetrics metrics,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var interval = options.Value.Retention.Interval;
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be away for a while: log it and try again at the next interval.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.PassFailed(logger, exception, interval);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    internal async Task<RetentionPurgeResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var purge = scope.ServiceProvider.GetRequiredService<RetentionPurge>();
            var result = await purge.RunAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            metrics.RetentionPurged(result);
            if (result.Total > 0)
            {
                Log.Purged(logger, result.OneTimePasswords, result.Mails, result.IdempotencyRecords, result.UnconfirmedRegistrations);
            }

            return result;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 900, EventName = "RetentionPurged", Level = LogLevel.Information,
            Message = "Retention purge: {Passwords} one-time password record(s), {Mails} mail record(s), {Answers} idempotency answer(s), {Registrations} unconfirmed registration(s)")]
        public static partial void Purged(ILogger logger, int passwords, int mails, int answers, int registrations);

        [LoggerMessage(EventId = 901, EventName = "RetentionPassFailed", Level = LogLevel.Warning, Message = "The retention purge failed; next try in {Wait}")]
        public static partial void PassFailed(ILogger logger, Exception exception, TimeSpan wait);
    }
}
