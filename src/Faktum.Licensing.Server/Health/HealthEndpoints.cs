using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Faktum.Licensing.Server.Health;

/// <summary>
/// <c>/health/live</c> (the process answers; no check runs), <c>/health/ready</c> (the database, a signing key, the
/// outbox lag) and <c>/health</c> (as before: the process answers, like <c>/health/live</c>). Each answers <c>Healthy</c> (200) or <c>Unhealthy</c> (503).
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddServerHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<SigningKeyHealthCheck>("signing-key", tags: [ReadyTag])
            .AddCheck<OutboxLagHealthCheck>("outbox-lag", tags: [ReadyTag]);

    public static IEndpointRouteBuilder MapServerHealthChecks(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return routes;
    }
}
