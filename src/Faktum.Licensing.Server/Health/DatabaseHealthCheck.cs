using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Faktum.Licensing.Server.Health;

/// <summary>Readiness: the database answers a query on the schema (a connection alone would pass on an empty, new SQLite file).</summary>
internal sealed class DatabaseHealthCheck(LicensingDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = await db.Licenses.AsNoTracking().Select(l => l.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The database answers.");
        }
#pragma warning disable CA1031 // Any failure to answer is "not ready"; the type is reported, the message may name paths.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"The database does not answer ({e.GetType().Name}).");
        }
    }
}
