using System.CommandLine;
using System.Security.Cryptography;
using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// The manifest options of <c>releases sign</c> and <c>releases publish --key</c> (one set per command). Without
/// <c>--sequence</c> the command asks the server for the product's next sequence.
/// </summary>
internal sealed class ReleaseManifestOptions
{
    public Option<string> Product { get; } = new("--product") { Description = "The product id.", Required = true };

    public Option<string> ReleaseId { get; } = new("--release-id") { Description = "A stable id of this release; re-sign with the same id to change its rollout.", Required = true };

    public Option<long?> Sequence { get; } = new("--sequence") { Description = "Above every sequence published for the product; default: the server's next (with --server)." };

    public Option<string> Version { get; } = new("--version") { Description = "SemVer 2.0.0.", Required = true };

    public Option<string> Channel { get; } = new("--channel") { Description = "stable, beta or alpha.", DefaultValueFactory = _ => "stable" };

    public Option<DateTimeOffset?> PublishedAt { get; } = new("--published-at") { Description = "ISO 8601; default now." };

    public Option<string> Notes { get; } = new("--notes-url") { Required = true };

    public Option<string> Download { get; } = new("--download-url") { Required = true };

    public Option<string?> Artefact { get; } = new("--artefact") { Description = "The file to ship: its SHA-256 and size go into the manifest." };

    public Option<string?> Sha256 { get; } = new("--sha256") { Description = "Without --artefact: the SHA-256 (64 hex digits)." };

    public Option<long?> Size { get; } = new("--size") { Description = "Without --artefact: the size in bytes." };

    public Option<bool> Mandatory { get; } = new("--mandatory");

    public Option<string?> Minimum { get; } = new("--minimum-supported-version");

    public Option<int> Rollout { get; } = new("--rollout") { DefaultValueFactory = _ => 100 };

    public Option<bool> Withdrawn { get; } = new("--withdrawn") { Description = "Sign the release as withdrawn (releases withdraw does this for a published one)." };

    public void AddTo(Command command, bool required)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Product, ReleaseId, Sequence, Version, Channel, PublishedAt, Notes, Download, Artefact, Sha256, Size, Mandatory, Minimum, Rollout, Withdrawn })
        {
            option.Required = option.Required && required;
            command.Options.Add(option);
        }
    }

    /// <summary>The manifest the options describe, with <paramref name="sequence"/>; a usage error for a bad value.</summary>
    public ReleaseManifest Build(ParseResult parse, long sequence, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(time);
        foreach (var required in new[] { Product, ReleaseId, Version, Notes, Download })
        {
            if (string.IsNullOrEmpty(parse.GetValue(required)))
            {
                throw Usage($"{required.Name} is required (or pass --file with a signed release).");
            }
        }

        string hash;
        long length;
        if (parse.GetValue(Artefact) is { } path)
        {
            using var stream = File.OpenRead(path);
            hash = ReleaseManifestSerializer.FormatSha256(SHA256.HashData(stream));
            length = stream.Length;
        }
        else
        {
            hash = parse.GetValue(Sha256) ?? throw Usage("Give --artefact, or --sha256 and --size.");
            length = parse.GetValue(Size) ?? throw Usage("Give --artefact, or --sha256 and --size.");
        }

        if (!ReleaseChannels.TryParse(parse.GetValue(Channel), out var channel))
        {
            throw Usage("--channel must be stable, beta or alpha.");
        }

        if (!Uri.TryCreate(parse.GetValue(Notes), UriKind.Absolute, out var notes) || !Uri.TryCreate(parse.GetValue(Download), UriKind.Absolute, out var download))
        {
            throw Usage("--notes-url and --download-url must be absolute URLs.");
        }

        var manifest = new ReleaseManifest
        {
            ReleaseId = parse.GetValue(ReleaseId)!,
            ProductId = parse.GetValue(Product)!,
            Sequence = sequence,
            Version = parse.GetValue(Version)!,
            Channel = channel,
            PublishedAt = parse.GetValue(PublishedAt) ?? time.GetUtcNow(),
            NotesUrl = notes,
            DownloadUrl = download,
            Sha256 = hash,
            Size = length,
            Mandatory = parse.GetValue(Mandatory),
            MinimumSupportedVersion = parse.GetValue(Minimum),
            RolloutPercentage = parse.GetValue(Rollout),
            Withdrawn = parse.GetValue(Withdrawn),
        };
        return ReleaseManifestSerializer.Validate(manifest) is { } problem ? throw Usage(problem) : manifest;
    }

    private static CliException Usage(string message) => new(CliExitCodes.Usage, "usage", message);
}
