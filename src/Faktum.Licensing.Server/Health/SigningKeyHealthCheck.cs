using Faktum.Licensing.Server.Keys;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Faktum.Licensing.Server.Health;

/// <summary>Readiness: a signing key is loaded (the server cannot answer a start-up check or confirm an account without one).</summary>
internal sealed class SigningKeyHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var ring = services.GetRequiredService<SigningKeyRing>();
            return Task.FromResult(ring.Signing is null
                ? HealthCheckResult.Unhealthy("No signing key is loaded.")
                : HealthCheckResult.Healthy("A signing key is loaded."));
        }
#pragma warning disable CA1031 // A key ring that fails to load is "not ready".
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The signing keys did not load ({e.GetType().Name})."));
        }
    }
}
