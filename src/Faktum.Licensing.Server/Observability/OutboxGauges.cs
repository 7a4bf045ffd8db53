using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Observability;

/// <summary>
/// The mail outbox as two observable gauges: <c>faktum.outbox.depth</c> (queued mails) and
/// <c>faktum.outbox.oldest_age</c> (seconds since the oldest queued mail was queued). A gauge's callback must not wait for
/// the database, so the outbox is sampled every <c>Observability:OutboxSampleInterval</c> and the gauges read the sample.
/// </summary>
internal sealed partial class OutboxGauges : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<FaktumServerOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxGauges> _logger;
    private volatile Sample? _sample;

    public OutboxGauges(ServerMetrics metrics, IServiceScopeFactory scopes, IOptions<FaktumServerOptions> options, TimeProvider time, ILogger<OutboxGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _scopes = scopes;
        _options = options;
        _time = time;
        _logger = logger;
        metrics.Meter.CreateObservableGauge("faktum.outbox.depth", () => _sample?.Depth ?? 0L, "{mail}", "Mails queued in the outbox (pending).");
        metrics.Meter.CreateObservableGauge(
            "faktum.outbox.oldest_age",
            () => _sample?.Oldest is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0d,
            "s",
            "Age of the oldest queued mail.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scope = _scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
                    var pending = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxMessageStatus.Pending);
                    var depth = await pending.LongCountAsync(stoppingToken).ConfigureAwait(false);
                    var oldest = depth == 0 ? null : await pending.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(stoppingToken).ConfigureAwait(false);
                    _sample = new Sample(depth, oldest);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sample keeps the previous one; the next sample tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.SampleFailed(_logger, e.GetType().Name);
            }

            await Task.Delay(_options.Value.Observability.OutboxSampleInterval, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    private sealed record Sample(long Depth, DateTimeOffset? Oldest);

    private static partial class Log
    {
        [LoggerMessage(EventId = 800, EventName = "OutboxSampleFailed", Level = LogLevel.Warning, Message = "The outbox could not be sampled for its gauges ({ErrorType})")]
        public static partial void SampleFailed(ILogger logger, string errorType);
    }
}
