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
        // System.CommandLine has no built-in Uri conversion: without this parser every --url failed to parse (exit 1).
        var url = new Option<Uri>("--url")
        {
            Description = "The health URL to ask.",
            DefaultValueFactory = _ => new Uri("http://localhost:8080/health/live"),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
                {
                    return parsed;
                }

                result.AddError($"--url '{text}' is not an absolute http(s) URL, e.g. http://localhost:8080/health/live.");
                return null;
            },
        };
        var health = new Command("health", "Ask a running server's health endpoint; exit 0 when it answers 200 (for container health checks).") { url };
        health.SetAction(async (parse, cancellationToken) =>
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await client.GetAsync(parse.GetValue(url), cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return health;
    }
}
