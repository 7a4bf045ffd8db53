using System.Threading.RateLimiting;
using Faktum.Licensing.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Http;

/// <summary>The per-e-mail half of rate limiting (the per-address half is ASP.NET Core's rate limiter middleware):
/// the address is in the body, so the endpoint asks after reading it.</summary>
internal sealed class EmailRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public EmailRateLimiter(IOptions<FaktumServerOptions> options)
    {
        var limits = options.Value.RateLimits;
        _limiter = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitsPerEmail,
            Window = limits.EmailWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public bool TryAcquire(string email)
    {
        using var lease = _limiter.AttemptAcquire(email);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
