using System.CommandLine;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// <c>health</c>: asks a running server's <c>/health/live</c> (or another health URL) and exits 0 when it answers 200 —
/// the container's health check, which needs no curl in the image.
/// </summary>
internal static class HealthCommandLine
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The health URL to ask.", DefaultValueFactory = _ => "http://localhost:8080/health/live" };
        var health = new Command("health", "Ask a running server's health endpoint; exit 0 when it answers 200 (for container health checks).") { url };
        health.SetAction(async (parse, cancellationToken) =>
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                // System.CommandLine 2.0 cannot bind Uri options: the text is checked here.
                var address = Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? parsed
                    : throw new CliException(CliExitCodes.Usage, "usage", $"--url '{parse.GetValue(url)}' is not an absolute http(s) URL, e.g. http://localhost:8080/health/live.");
                using var response = await client.GetAsync(address, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return response.IsSuccessStatusCode
                    ? CliOutput.Text(parse, $"{(int)response.StatusCode} {body}", new { status = (int)response.StatusCode, body })
                    : CliOutput.Fail(parse, CliExitCodes.Refused, "unhealthy", $"{(int)response.StatusCode} {body}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return CliOutput.Fail(parse, CliExitCodes.Unreachable, "unreachable", $"Cannot reach {parse.GetValue(url)}: {e.Message}");
            }
        });
        return health;
    }
}
