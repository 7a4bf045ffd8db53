using System.Net;
using System.Threading.RateLimiting;
using Faktum.Licensing.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Http;

/// <summary>The per-e-mail half of rate limiting (the per-address half is ASP.NET Core's rate limiter middleware):
/// the address is in the body, so the endpoint asks after reading it. Each window is per e-mail address <em>and</em>
/// client address (F4): requests from elsewhere cannot keep the owner of an address at 429.</summary>
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

    /// <summary>Takes one permit of the window of <paramref name="email"/> as asked from <paramref name="client"/>.</summary>
    /// <param name="email">The normalised e-mail address of the request.</param>
    /// <param name="client">The client's address (<see langword="null"/> when unknown: those share one window).</param>
    public bool TryAcquire(string email, IPAddress? client)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var lease = _limiter.AttemptAcquire((client?.ToString() ?? "-") + " " + email);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
