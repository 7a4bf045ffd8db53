using System.Net;
using System.Net.Http.Headers;

namespace Faktum.Licensing.EndToEnd.Tests.Infrastructure;

/// <summary>What <see cref="StartupReplayHandler"/> recorded, shared by every handler the client factory builds.</summary>
internal sealed class StartupRecording
{
    public byte[]? Body { get; set; }

    public bool Replay { get; set; }

    public int Replayed { get; set; }
}

/// <summary>
/// Sits in the SDK's named client: records the body of the first /v1/startup answer from the real server and, once
/// <see cref="StartupRecording.Replay"/> is set, answers every later start-up request with that recorded body.
/// </summary>
internal sealed class StartupReplayHandler(StartupRecording recording) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath.EndsWith("/v1/startup", StringComparison.Ordinal) != true)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        if (recording.Replay && recording.Body is { } recorded)
        {
            recording.Replayed++;
            return Json(request, HttpStatusCode.OK, recorded);
        }

        using var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            recording.Body ??= body;
        }

        return Json(request, response.StatusCode, body);
    }

    private static HttpResponseMessage Json(HttpRequestMessage request, HttpStatusCode status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
