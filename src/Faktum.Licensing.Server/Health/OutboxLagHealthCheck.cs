using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Health;

/// <summary>
/// Readiness: the outbox lag — how long the oldest mail that is due has waited past its due time — is under
/// <c>Health:MaxOutboxLag</c>. A lag above it means mail is not going out (SMTP down, every dispatcher stuck): the
/// one-time passwords users wait for are not arriving.
/// </summary>
internal sealed class OutboxLagHealthCheck(LicensingDbContext db, IOptions<FaktumServerOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? oldestDue;
        try
        {
            oldestDue = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxMessageStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt)
                .Select(m => (DateTimeOffset?)m.NextAttemptAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The database check reports the database; here an unreadable outbox is "not ready" too.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"The outbox could not be read ({e.GetType().Name}).");
        }

        var lag = oldestDue is { } due ? now - due : TimeSpan.Zero;
        var bound = options.Value.Health.MaxOutboxLag;
        return lag <= bound
            ? HealthCheckResult.Healthy($"The outbox lag is {lag:c}.")
            : HealthCheckResult.Unhealthy($"The outbox lag is {lag:c}, above FaktumServer:Health:MaxOutboxLag ({bound:c}).");
    }
}
