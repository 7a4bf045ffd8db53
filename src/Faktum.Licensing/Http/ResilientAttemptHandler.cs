using Polly;
using Polly.Timeout;

namespace Faktum.Licensing.Http;

/// <summary>
/// The resilience handler of both named clients. The first attempt goes straight to the inner handlers under the per-attempt
/// timeout (<see cref="FaktumLicensingOptions.RequestTimeout"/>, a <see cref="TimeoutRejectedException"/> when it fires, as Polly's
/// timeout throws). Its outcome is final unless <see cref="LicenseServerClient.ShouldRetry"/> says otherwise; then, on the retrying
/// client, the retrying pipeline (<see cref="LicenseServerPipelines"/>) takes over with that outcome as its first attempt, so retries,
/// back-off, Retry-After and the total timeout are Polly's, exactly as they were. A call that needs no retry builds no pipeline.
/// </summary>
internal sealed class ResilientAttemptHandler : DelegatingHandler
{
    private static readonly Func<ResilienceContext, Replay, ValueTask<Outcome<HttpResponseMessage>>> Callback = static (context, replay) => replay.NextAsync(context);

    private readonly LicenseServerPipelines _pipelines;
    private readonly bool _retrying;

    public ResilientAttemptHandler(LicenseServerPipelines pipelines, bool retrying)
    {
        _pipelines = pipelines;
        _retrying = retrying;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var first = await FirstAttemptAsync(request, cancellationToken).ConfigureAwait(false);
        if (!_retrying || !LicenseServerClient.ShouldRetry(first, request))
        {
            first.ThrowIfException();
            return first.Result!;
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.SetRequestMessage(request);
            var outcome = await _pipelines.Retrying.ExecuteOutcomeAsync(Callback, context, new Replay(this, request, first)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<Outcome<HttpResponseMessage>> FirstAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_pipelines.RequestTimeout);
        try
        {
            return Outcome.FromResult(await base.SendAsync(request, attempt.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException exception) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Outcome.FromException<HttpResponseMessage>(
                new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{_pipelines.RequestTimeout}'.", _pipelines.RequestTimeout, exception));
        }
        catch (Exception exception)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private async ValueTask<Outcome<HttpResponseMessage>> SendAgainAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return Outcome.FromResult(await base.SendAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    /// <summary>The pipeline's callback: the first call hands back the first attempt's outcome, every later call sends again.</summary>
    private sealed class Replay(ResilientAttemptHandler handler, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
    {
        private bool _replayed;

        public ValueTask<Outcome<HttpResponseMessage>> NextAsync(ResilienceContext context)
        {
            if (!_replayed)
            {
                _replayed = true;
                return ValueTask.FromResult(first);
            }

            return handler.SendAgainAsync(request, context.CancellationToken);
        }
    }
}
