using System.CommandLine;
using System.Net.Http.Headers;
using System.Security.Cryptography;
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
        releases.Subcommands.Add(KeyGen());
        releases.Subcommands.Add(Sign(time));

        var server = new Option<string>("--server") { Description = "The license server's base URL.", Required = true, Recursive = true };
        var apiKey = new Option<string>("--api-key") { Description = "The admin API key.", Required = true, Recursive = true };

        var file = new Option<string>("--file") { Description = "The signed release (from `releases sign`).", Required = true };
        var publish = new Command("publish", "Publish a signed release; the server verifies it under its pinned release keys and stores it as-is.") { server, apiKey, file };
        publish.SetAction((parse, ct) => SendAsync(parse.GetValue(server)!, parse.GetValue(apiKey)!, HttpMethod.Post, "v1/admin/releases", File.ReadAllText(parse.GetValue(file)!), ct));

        var releaseId = new Argument<string>("release-id");
        var percentage = new Option<int>("--percentage") { Description = "0 pauses; the server can lower or pause, never exceed the signed percentage.", Required = true };
        var rollout = new Command("rollout", "Change the server's rollout percentage of a release.") { releaseId, percentage, server, apiKey };
        rollout.SetAction((parse, ct) => SendAsync(parse.GetValue(server)!, parse.GetValue(apiKey)!, HttpMethod.Post,
            $"v1/admin/releases/{Uri.EscapeDataString(parse.GetValue(releaseId)!)}/rollout", JsonSerializer.Serialize(new AdminRolloutRequest(parse.GetValue(percentage)), Output), ct));

        var list = new Command("list", "List the published releases.") { server, apiKey };
        list.SetAction((parse, ct) => SendAsync(parse.GetValue(server)!, parse.GetValue(apiKey)!, HttpMethod.Get, "v1/admin/releases", null, ct));

        releases.Subcommands.Add(publish);
        releases.Subcommands.Add(rollout);
        releases.Subcommands.Add(list);
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

            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string> { [key.KeyId] = key.ExportPublicKeyBase64Url() }, Output));
            return 0;
        });
        return keygen;
    }

    private static Command Sign(TimeProvider time)
    {
        var key = new Option<string>("--key") { Description = "The private release key (PEM).", Required = true };
        var product = new Option<string>("--product") { Description = "The product id.", Required = true };
        var releaseId = new Option<string>("--release-id") { Description = "A stable id of this release; re-sign with the same id to withdraw or change its rollout.", Required = true };
        var sequence = new Option<long>("--sequence") { Description = "Above every sequence published for the product so far.", Required = true };
        var version = new Option<string>("--version") { Description = "SemVer 2.0.0.", Required = true };
        var channel = new Option<string>("--channel") { Description = "stable, beta or alpha.", DefaultValueFactory = _ => "stable" };
        var publishedAt = new Option<DateTimeOffset?>("--published-at") { Description = "ISO 8601; default now." };
        var notes = new Option<string>("--notes-url") { Required = true };
        var download = new Option<string>("--download-url") { Required = true };
        var artefact = new Option<string?>("--artefact") { Description = "The file to ship: its SHA-256 and size go into the manifest." };
        var sha256 = new Option<string?>("--sha256") { Description = "Without --artefact: the SHA-256 (64 hex digits)." };
        var size = new Option<long?>("--size") { Description = "Without --artefact: the size in bytes." };
        var mandatory = new Option<bool>("--mandatory");
        var minimum = new Option<string?>("--minimum-supported-version");
        var rollout = new Option<int>("--rollout") { DefaultValueFactory = _ => 100 };
        var withdrawn = new Option<bool>("--withdrawn") { Description = "Withdraw this release (with a higher sequence)." };
        var output = new Option<string?>("--out") { Description = "Where to write the signed release; default standard output." };
        var sign = new Command("sign", "Sign a release manifest with the release key.")
        {
            key, product, releaseId, sequence, version, channel, publishedAt, notes, download, artefact, sha256, size, mandatory, minimum, rollout, withdrawn, output,
        };
        sign.SetAction(parse =>
        {
            string hash;
            long length;
            if (parse.GetValue(artefact) is { } path)
            {
                using var stream = File.OpenRead(path);
                hash = ReleaseManifestSerializer.FormatSha256(SHA256.HashData(stream));
                length = stream.Length;
            }
            else
            {
                hash = parse.GetValue(sha256) ?? throw new ArgumentException("Give --artefact, or --sha256 and --size.");
                length = parse.GetValue(size) ?? throw new ArgumentException("Give --artefact, or --sha256 and --size.");
            }

            if (!ReleaseChannels.TryParse(parse.GetValue(channel), out var releaseChannel))
            {
                Console.Error.WriteLine("--channel must be stable, beta or alpha.");
                return 1;
            }

            var manifest = new ReleaseManifest
            {
                ReleaseId = parse.GetValue(releaseId)!,
                ProductId = parse.GetValue(product)!,
                Sequence = parse.GetValue(sequence),
                Version = parse.GetValue(version)!,
                Channel = releaseChannel,
                PublishedAt = parse.GetValue(publishedAt) ?? time.GetUtcNow(),
                NotesUrl = new Uri(parse.GetValue(notes)!, UriKind.Absolute),
                DownloadUrl = new Uri(parse.GetValue(download)!, UriKind.Absolute),
                Sha256 = hash,
                Size = length,
                Mandatory = parse.GetValue(mandatory),
                MinimumSupportedVersion = parse.GetValue(minimum),
                RolloutPercentage = parse.GetValue(rollout),
                Withdrawn = parse.GetValue(withdrawn),
            };
            if (ReleaseManifestSerializer.Validate(manifest) is { } problem)
            {
                Console.Error.WriteLine(problem);
                return 1;
            }

            using var releaseKey = Ed25519SigningKey.FromPem(File.ReadAllText(parse.GetValue(key)!));
            var signed = ReleaseSigner.Sign(manifest, releaseKey);
            if (parse.GetValue(output) is { } target)
            {
                File.WriteAllText(target, signed);
            }
            else
            {
                Console.WriteLine(signed);
            }

            return 0;
        });
        return sign;
    }

    private static async Task<int> SendAsync(string server, string apiKey, HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.TrimEnd('/') + "/") };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(AdminEndpoints.ApiKeyHeader, apiKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine(body.Length == 0 ? $"{(int)response.StatusCode} {response.ReasonPhrase}" : body);
        return response.IsSuccessStatusCode ? 0 : 1;
    }
}
