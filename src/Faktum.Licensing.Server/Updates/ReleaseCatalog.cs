using System.Collections.Concurrent;
using System.Security.Cryptography;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Semver;

namespace Faktum.Licensing.Server.Updates;

/// <summary>
/// The server's side of update discovery: publishes signed release manifests (verified under the pinned release keys,
/// stored byte for byte), narrows rollouts, and decides per license at every startup check.
/// </summary>
internal sealed class ReleaseCatalog
{
    private readonly Dictionary<string, ReleaseVerifier> _verifiers;
    private readonly byte[] _rolloutSecret;
    private readonly ConcurrentDictionary<ParsedReleaseKey, ParsedRelease> _parsed = new();

    public ReleaseCatalog(IOptions<FaktumServerOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        var keys = settings.Updates.ReleaseKeys.Select(pair => ReleaseKey(pair.Key, pair.Value)).ToList();
        _verifiers = settings.EffectiveProducts.ToDictionary(p => p, p => new ReleaseVerifier(keys, p), StringComparer.Ordinal);
        _rolloutSecret = settings.Updates.RolloutSecret is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : LoadOrCreateSecret(settings.ResolveDataDirectory(environment.ContentRootPath));
    }

    /// <summary>
    /// Verifies and stores a signed release; the sequence must exceed every stored one of its product. <paramref name="beforeSave"/>
    /// may add rows (the audit record) that the same <c>SaveChanges</c> commits.
    /// </summary>
    public async Task<PublishResult> PublishAsync(
        LicensingDbContext db, string signedJson, DateTimeOffset now, Action<ReleaseRecord>? beforeSave, CancellationToken cancellationToken)
    {
        if (!SignedRelease.TryParse(signedJson, out var signed)
            || !ReleaseManifestSerializer.TryParse(signed.ManifestBytes.Span, out var claimed, out _))
        {
            return PublishResult.Refused(ReleaseVerificationFailure.Malformed, "The body is not a signed release {manifest, kid, signature} with a canonical manifest.");
        }

        if (!_verifiers.TryGetValue(claimed.ProductId, out var verifier))
        {
            return PublishResult.Refused(ReleaseVerificationFailure.WrongProduct, $"This server serves no product '{claimed.ProductId}'.");
        }

        var verified = verifier.Verify(signed);
        if (!verified.Succeeded)
        {
            return PublishResult.Refused(verified.Failure, verified.Message!);
        }

        var manifest = verified.Manifest;
        var highest = await db.Releases.Where(r => r.Product == manifest.ProductId).MaxAsync(r => (long?)r.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
        if (manifest.Sequence <= highest)
        {
            return PublishResult.Stale(highest);
        }

        var record = new ReleaseRecord
        {
            Product = manifest.ProductId,
            Sequence = manifest.Sequence,
            ReleaseId = manifest.ReleaseId,
            Version = manifest.Version,
            SignedJson = signedJson,
            PublishedAt = now,
        };
        db.Releases.Add(record);
        beforeSave?.Invoke(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (StorageServiceCollectionExtensions.IsUniqueViolation(exception))
        {
            return PublishResult.Stale(manifest.Sequence); // another instance published this sequence first
        }

        return PublishResult.Published(manifest);
    }

    /// <summary>Lists the stored manifests of every product, newest sequence first.</summary>
    public static async Task<IReadOnlyList<(ReleaseManifest Manifest, int? EffectiveRollout)>> ListAsync(LicensingDbContext db, CancellationToken cancellationToken)
    {
        var records = await db.Releases.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.Select(r => (Parse(r).Manifest, r.EffectiveRollout)).OrderByDescending(r => r.Manifest.Sequence).ToList();
    }

    /// <summary>
    /// Decides for one license at a startup check: the decision the signed response's <c>updates</c> member carries, or
    /// <see langword="null"/> when the installed version or channel cannot be read (the license verdict still stands).
    /// </summary>
    public async Task<ReleaseDecision?> DecideAsync(
        LicensingDbContext db, string product, string licenseId, string? appVersion, string? channel, DateTimeOffset? updatesEndAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ReleaseVersion.TryParse(appVersion, out SemVersion? installed) || !ReleaseChannels.TryParse(channel, out var releaseChannel))
        {
            return null;
        }

        // Every call reads the product's release rows (so a rollout change or a new release on any instance is seen at
        // once) but only their keys and rollout; the signed JSON of each release is read and parsed once per process.
        var rows = await ReleaseRows.For(db)(db, product).ToListAsync(cancellationToken).ConfigureAwait(false);
        var stored = new List<ParsedRelease>(rows.Count);
        foreach (var row in rows)
        {
            var key = new ParsedReleaseKey(product, row.Sequence, row.ReleaseId);
            if (!_parsed.TryGetValue(key, out var parsed))
            {
                var record = await ReleaseRecordOf.For(db)(db, product, row.Sequence, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The stored release {product}#{row.Sequence} vanished while it was read.");
                parsed = _parsed.GetOrAdd(key, Parse(record));
            }

            stored.Add(parsed);
        }

        var rollout = rows.ToDictionary(r => r.Sequence, r => r.EffectiveRollout);
        var bySequence = stored.ToDictionary(s => s.Manifest.Sequence, s => s.Signed);
        var decision = UpdatePolicy.Decide(
            new UpdateQuery(product, installed, releaseChannel, updatesEndAt, now),
            stored.Select(s => s.Manifest),
            release => RolloutBucket.Compute(_rolloutSecret, licenseId, release.ReleaseId),
            release => rollout[release.Sequence] ?? 100);
        return new ReleaseDecision(decision, bySequence);
    }

    private static readonly CompiledQuery<Func<LicensingDbContext, string, IAsyncEnumerable<ReleaseRow>>> ReleaseRows = new(() => EF.CompileAsyncQuery(
        (LicensingDbContext db, string product) => db.Releases.AsNoTracking()
            .Where(r => r.Product == product)
            .Select(r => new ReleaseRow(r.Sequence, r.ReleaseId, r.EffectiveRollout))));

    private static readonly CompiledQuery<Func<LicensingDbContext, string, long, CancellationToken, Task<ReleaseRecord?>>> ReleaseRecordOf = new(() => EF.CompileAsyncQuery(
        (LicensingDbContext db, string product, long sequence, CancellationToken cancellationToken) => db.Releases.AsNoTracking()
            .SingleOrDefault(r => r.Product == product && r.Sequence == sequence)));

    private sealed record ReleaseRow(long Sequence, string ReleaseId, int? EffectiveRollout);

    // A stored release's signed JSON never changes (a product's sequences only grow, one manifest each; only the
    // rollout column is updated), so what was parsed once can be kept for the life of the process.
    private readonly record struct ParsedReleaseKey(string Product, long Sequence, string ReleaseId);

    private sealed record ParsedRelease(ReleaseManifest Manifest, SignedRelease Signed);

    /// <summary>Reads a stored release's manifest (verified when it was published).</summary>
    public static ReleaseManifest ManifestOf(ReleaseRecord record) => Parse(record).Manifest;

    // Stored manifests were verified when published; what is read back is the same bytes.
    private static ParsedRelease Parse(ReleaseRecord record) =>
        SignedRelease.TryParse(record.SignedJson, out var signed) && ReleaseManifestSerializer.TryParse(signed.ManifestBytes.Span, out var manifest, out _)
            ? new ParsedRelease(manifest, signed)
            : throw new InvalidOperationException($"The stored release {record.Product}#{record.Sequence} cannot be read.");

    private static Ed25519SecurityKey ReleaseKey(string kid, string x)
    {
        var key = Ed25519SecurityKey.FromPublicKey(x);
        return key.KeyId == kid
            ? key
            : throw new InvalidOperationException($"FaktumServer:Updates:ReleaseKeys: the kid '{kid}' is not the RFC 7638 thumbprint of its key (that is '{key.KeyId}').");
    }

    private static byte[] LoadOrCreateSecret(string dataDirectory)
    {
        var directory = dataDirectory;
        var path = Path.Combine(directory, "rollout-secret");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(directory);
        var secret = RandomNumberGenerator.GetBytes(32);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(secret));
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temp); // another process wrote it first: use theirs
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        return secret;
    }
}
