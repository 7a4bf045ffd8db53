using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// <c>releases …</c>: the vendor's release workflow. <c>keygen</c> and <c>sign</c> run on the machine that holds the release
/// key (never the license server); <c>publish</c>, <c>rollout</c> and <c>list</c> talk to a running server's admin API.
/// </summary>
internal static class ReleaseCommandLine
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(TimeProvider time)
    {
        var releases = new Command("releases", "Sign, publish and steer releases (update discovery).");
        var server = new Option<string?>("--server") { Description = "The license server's base URL.", Recursive = true };
        var apiKey = new Option<string?>("--api-key") { Description = "The admin API key (or FAKTUM_ADMIN_API_KEY).", Recursive = true };
        var dataDir = new Option<string>("--data-dir") { Description = "Unused by releases: they act through a running server.", DefaultValueFactory = _ => "data" };
        var target = new AdminTarget(dataDir, server, apiKey);
        releases.Options.Add(server);
        releases.Options.Add(apiKey);
        releases.Subcommands.Add(KeyGen());
        releases.Subcommands.Add(Sign(time, target));

        var file = new Option<string?>("--file") { Description = "A signed release (from `releases sign`); or give --key and the manifest options to sign with the next sequence." };
        var key = new Option<string?>("--key") { Description = "The private release key (PEM) on this machine; it never reaches the server." };
        var manifest = new ReleaseManifestOptions();
        var publish = new Command("publish", "Publish a signed release; with --key, sign it here with the product's next sequence first.") { file, key };
        manifest.AddTo(publish, required: false);
        publish.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(file) is { } path)
            {
                return await SendAsync(parse, target, "Published", HttpMethod.Post, "v1/admin/releases", await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            }

            var pem = parse.GetValue(key) ?? throw new CliException(CliExitCodes.Usage, "usage", "Give --file with a signed release, or --key with the manifest options.");
            var next = await NextSequenceAsync(parse, target, parse.GetValue(manifest.Product) ?? string.Empty, ct).ConfigureAwait(false);
            var signed = SignWith(pem, manifest.Build(parse, parse.GetValue(manifest.Sequence) ?? next, time));
            return await SendAsync(parse, target, "Published", HttpMethod.Post, "v1/admin/releases", signed, ct).ConfigureAwait(false);
        });

        var releaseId = new Argument<string>("release-id");
        var percentage = new Option<int>("--percentage") { Description = "0 pauses; the server can lower or pause, never exceed the signed percentage.", Required = true };
        var rollout = new Command("rollout", "Change the server's rollout percentage of a release.") { releaseId, percentage };
        rollout.SetAction((parse, ct) => parse.GetValue(percentage) is < 0 or > 100
            ? Task.FromResult(CliOutput.Fail(parse, CliExitCodes.Usage, "usage", "--percentage must be 0 to 100."))
            : SendAsync(parse, target, "Rollout set", HttpMethod.Post, $"v1/admin/releases/{Uri.EscapeDataString(parse.GetValue(releaseId)!)}/rollout",
                JsonSerializer.Serialize(new AdminRolloutRequest(parse.GetValue(percentage)), Output), ct));
        var pause = new Command("pause", "Pause a release on the server (rollout 0) at once; no signature needed.") { releaseId };
        pause.SetAction((parse, ct) => SendAsync(parse, target, "Paused", HttpMethod.Post, $"v1/admin/releases/{Uri.EscapeDataString(parse.GetValue(releaseId)!)}/pause", "{}", ct));

        var withdrawKey = new Option<string>("--key") { Description = "The private release key (PEM) on this machine; it never reaches the server.", Required = true };
        var withdrawOut = new Option<string?>("--out") { Description = "Also keep the signed withdrawal in this file." };
        var withdraw = new Command("withdraw", "Withdraw a published release: copy its newest manifest, mark it withdrawn, sign it here with the next sequence, publish.")
        {
            releaseId, withdrawKey, withdrawOut,
        };
        withdraw.SetAction(async (parse, ct) =>
        {
            using var client = Client(parse, target);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"v1/admin/releases/{Uri.EscapeDataString(parse.GetValue(releaseId)!)}/signed", UriKind.Relative));
            using var response = await AdminTarget.SendAsync(client, request, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await CliOutput.FromResponseAsync(parse, response, string.Empty, ct).ConfigureAwait(false);
            }

            if (!SignedRelease.TryParse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false), out var head)
                || !ReleaseManifestSerializer.TryParse(head.ManifestBytes.Span, out var current, out _))
            {
                throw new CliException(CliExitCodes.Refused, "failed", "The server's copy of the release cannot be read.");
            }

            var next = await NextSequenceAsync(parse, target, current.ProductId, ct).ConfigureAwait(false);
            var signed = SignWith(parse.GetValue(withdrawKey)!, current with { Sequence = next, Withdrawn = true });
            if (parse.GetValue(withdrawOut) is { } output)
            {
                await File.WriteAllTextAsync(output, signed, ct).ConfigureAwait(false);
            }

            return await SendAsync(parse, target, "Withdrawn", HttpMethod.Post, "v1/admin/releases/withdraw", signed, ct).ConfigureAwait(false);
        });

        var list = new Command("list", "List the published releases.");
        list.SetAction((parse, ct) => SendAsync(parse, target, "Releases", HttpMethod.Get, "v1/admin/releases", null, ct));
        var product = new Option<string>("--product") { Description = "The product id.", Required = true };
        var nextSequence = new Command("next-sequence", "Print the sequence the product's next signed manifest must carry.") { product };
        nextSequence.SetAction((parse, ct) => SendAsync(parse, target, "Next sequence", HttpMethod.Get, $"v1/admin/releases/next-sequence?product={Uri.EscapeDataString(parse.GetValue(product)!)}", null, ct));

        foreach (var command in new[] { publish, rollout, pause, withdraw, list, nextSequence })
        {
            releases.Subcommands.Add(command);
        }

        return releases;
    }

    private static Command KeyGen()
    {
        var output = new Option<string>("--out") { Description = "Where to write the private release key (PKCS#8 PEM, owner-only).", Required = true };
        var keygen = new Command("keygen", "Generate a release key pair: keep the private key offline; pin {kid: x} in the SDK's ReleaseKeys and the server's FaktumServer:Updates:ReleaseKeys.") { output };
        keygen.SetAction(parse =>
        {
            using var key = Ed25519SigningKey.Generate();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(parse.GetValue(output)!, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(key.ExportPrivateKeyPem());
            }

            var pinned = new Dictionary<string, string> { [key.KeyId] = key.ExportPublicKeyBase64Url() };
            return CliOutput.Text(parse, JsonSerializer.Serialize(pinned, Output), pinned); // {kid: x} to pin, in both modes
        });
        return keygen;
    }

    private static Command Sign(TimeProvider time, AdminTarget target)
    {
        var key = new Option<string>("--key") { Description = "The private release key (PEM).", Required = true };
        var output = new Option<string?>("--out") { Description = "Where to write the signed release; default standard output." };
        var manifest = new ReleaseManifestOptions();
        var sign = new Command("sign", "Sign a release manifest with the release key (offline; with --server and no --sequence, the next sequence is asked).") { key, output };
        manifest.AddTo(sign, required: true);
        sign.SetAction(async (parse, ct) =>
        {
            var sequence = parse.GetValue(manifest.Sequence) ?? (target.Remote(parse) is null
                ? throw new CliException(CliExitCodes.Usage, "usage", "Give --sequence, or --server and --api-key to use the product's next sequence.")
                : await NextSequenceAsync(parse, target, parse.GetValue(manifest.Product)!, ct).ConfigureAwait(false));
            var signed = SignWith(parse.GetValue(key)!, manifest.Build(parse, sequence, time));
            if (parse.GetValue(output) is not { } file)
            {
                Console.WriteLine(signed); // the signed release is itself one JSON object, in both modes
                return CliExitCodes.Done;
            }

            await File.WriteAllTextAsync(file, signed, ct).ConfigureAwait(false);
            return CliOutput.Done(parse, $"Signed sequence {sequence} to {Path.GetFullPath(file)}", new { file = Path.GetFullPath(file), sequence });
        });
        return sign;
    }

    private static string SignWith(string pemFile, ReleaseManifest manifest)
    {
        using var releaseKey = Ed25519SigningKey.FromPem(File.ReadAllText(pemFile));
        return ReleaseSigner.Sign(manifest, releaseKey);
    }

    private static HttpClient Client(ParseResult parse, AdminTarget target) =>
        target.Remote(parse) ?? throw new CliException(CliExitCodes.Usage, "usage", "releases act through a running server: pass --server and --api-key.");

    private static async Task<long> NextSequenceAsync(ParseResult parse, AdminTarget target, string product, CancellationToken cancellationToken)
    {
        using var client = Client(parse, target);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"v1/admin/releases/next-sequence?product={Uri.EscapeDataString(product)}", UriKind.Relative));
        using var response = await AdminTarget.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new CliException(response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden ? CliExitCodes.Unreachable : CliExitCodes.Refused,
                "failed", $"The server did not give the next sequence: {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        var answer = await response.Content.ReadFromJsonAsync<AdminNextSequenceDto>(Output, cancellationToken).ConfigureAwait(false);
        return answer!.NextSequence;
    }

    private static async Task<int> SendAsync(ParseResult parse, AdminTarget target, string headline, HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        using var client = Client(parse, target);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await AdminTarget.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return await CliOutput.FromResponseAsync(parse, response, headline, cancellationToken).ConfigureAwait(false);
    }
}
