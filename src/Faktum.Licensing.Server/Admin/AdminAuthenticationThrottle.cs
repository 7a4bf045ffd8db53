using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Faktum.Licensing.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// Counts failed admin authentications per client address (an IPv6 address by its /64, which one host can rotate
/// through): after <c>Admin:FailedAttemptsPerAddress</c> in one <c>Admin:FailedAttemptWindow</c> the address gets 429
/// until the window ends, without its key being checked, so guessing costs a window per handful of tries.
/// </summary>
internal sealed class AdminAuthenticationThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _failures;

    public AdminAuthenticationThrottle(IOptions<FaktumServerOptions> options)
    {
        var admin = options.Value.Admin;
        Window = admin.FailedAttemptWindow;
        _failures = PartitionedRateLimiter.Create<IPAddress, string>(address => RateLimitPartition.GetFixedWindowLimiter(Partition(address), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = admin.FailedAttemptsPerAddress,
            Window = admin.FailedAttemptWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Gets the window; a throttled address is told to retry after it.</summary>
    public TimeSpan Window { get; }

    /// <summary>Whether <paramref name="address"/> has used up its failed attempts (asks without counting one).</summary>
    public bool IsThrottled(IPAddress address)
    {
        using var lease = _failures.AttemptAcquire(address, 0);
        return !lease.IsAcquired;
    }

    /// <summary>Counts one failed attempt of <paramref name="address"/>.</summary>
    public void RecordFailure(IPAddress address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();

    private static string Partition(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
