using System.Collections.Concurrent;

namespace Faktum.Licensing.Testing;

/// <summary>
/// Counts the attempts the SDK makes, one per pass through its resilience pipeline's retry. Added to a named client after
/// <c>AddFaktumLicensing</c> (<c>AddHttpClient(name).AddHttpMessageHandler(() =&gt; new AttemptCounter(attempts))</c>) it sits inside
/// the resilience handler, next to the real primary handler, so each retry passes through it. Linked into each project that needs it.
/// </summary>
internal sealed class AttemptCounter(AttemptCounter.Log log) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryGetValues("Idempotency-Key", out var keys);
        log.Attempts.Enqueue(new Attempt(request.RequestUri!.AbsolutePath, keys?.SingleOrDefault()));
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>One attempt: the path, and the idempotency key it carried.</summary>
    public sealed record Attempt(string Path, string? IdempotencyKey);

    /// <summary>The attempts seen by every handler instance the factory builds for the client.</summary>
    public sealed class Log
    {
        public ConcurrentQueue<Attempt> Attempts { get; } = new();

        public int Count(string path) => Attempts.Count(a => a.Path.EndsWith(path, StringComparison.Ordinal));
    }
}
