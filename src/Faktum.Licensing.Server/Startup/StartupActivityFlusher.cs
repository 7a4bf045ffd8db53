using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Startup;

/// <summary>Writes <see cref="StartupActivity"/> to the database every minute and once more when the server stops.</summary>
internal sealed partial class StartupActivityFlusher(StartupActivity activity, IServiceScopeFactory scopes, TimeProvider time, ILogger<StartupActivityFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: StopAsync flushes once more
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await activity.FlushAsync(scope.ServiceProvider.GetRequiredService<LicensingDbContext>(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.FlushFailed(logger, exception); // the counts stay in memory for the next flush
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 720, EventName = "StartupActivityFlushFailed", Level = LogLevel.Warning, Message = "Could not write the start-up check counts; they are kept for the next attempt")]
        public static partial void FlushFailed(ILogger logger, Exception exception);
    }
}
