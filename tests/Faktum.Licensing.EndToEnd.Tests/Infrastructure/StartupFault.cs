using System.Net.Sockets;

namespace Faktum.Licensing.EndToEnd.Tests.Infrastructure;

/// <summary>What <see cref="StartupFaultHandler"/> does to the next start-up calls, shared by every handler the client factory builds.</summary>
internal sealed class StartupFault
{
    /// <summary>Gets or sets whether start-up calls reach the server, but their answers are lost on the way back.</summary>
    public bool LoseAnswers { get; set; }

    /// <summary>Gets or sets whether start-up calls cannot reach the server at all (offline).</summary>
    public bool Offline { get; set; }

    /// <summary>Gets how many start-up calls reached the server and lost their answer.</summary>
    public int Lost { get; set; }
}

/// <summary>
/// Sits in the SDK's retrying client, inside its resilience handler: with <see cref="StartupFault.LoseAnswers"/> each attempt is
/// sent to the real server, which answers (and issues a token), and the answer is then dropped as a broken connection would.
/// </summary>
internal sealed class StartupFaultHandler(StartupFault fault) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath.EndsWith("/v1/startup", StringComparison.Ordinal) != true)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        if (fault.Offline)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (test: offline).", new SocketException((int)SocketError.ConnectionRefused));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (!fault.LoseAnswers)
        {
            return response;
        }

        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        response.Dispose();
        fault.Lost++;
        throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection was reset (test: the answer was lost).");
    }
}
