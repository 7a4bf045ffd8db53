using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Updates;
using Faktum.Licensing.Updates;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The release actions of <see cref="AdminOperations"/>. Publishing and withdrawing store a manifest signed offline (the
/// release key never reaches the server); the rollout and pause change only the server's own percentage, which can
/// narrow the signed one and never widen it.
/// </summary>
internal sealed class AdminReleaseOperations(LicensingDbContext db, TimeProvider time, AuditTrail trail, IServiceProvider services)
{
    public async Task<AdminOutcome<AdminReleaseDto>> PublishAsync(string signedJson, bool withdrawal, CancellationToken cancellationToken)
    {
        if (withdrawal && await CheckWithdrawalAsync(signedJson, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var catalog = services.GetRequiredService<ReleaseCatalog>();
        var result = await catalog.PublishAsync(db, signedJson, time.GetUtcNow(), record =>
        {
            var manifest = ReleaseCatalog.ManifestOf(record);
            trail.Add(manifest.Withdrawn ? AuditActions.ReleaseWithdrawn : AuditActions.ReleasePublished, null, null, null,
                AuditTrail.Snapshot(record), $"{record.Product} {record.ReleaseId} {record.Version} sequence {record.Sequence}");
        }, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            { Manifest: { } manifest } => AdminOutcome<AdminReleaseDto>.Done(AdminReleaseDto.From(manifest, null)),
            { HighestSequence: not null } => AdminOutcome<AdminReleaseDto>.Refused(AdminRefusals.ReleaseSequenceStale, result.Message!),
            _ => AdminOutcome<AdminReleaseDto>.Refused(AdminRefusals.ReleaseRefused, $"{result.Failure}: {result.Message}"),
        };
    }

    public async Task<AdminOutcome<AdminReleaseDto>> SetRolloutAsync(string releaseId, int percentage, bool pause, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentage, 100);
        var rows = await db.Releases.Where(r => r.ReleaseId == releaseId).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return AdminOutcome<AdminReleaseDto>.NotFound("No release has that id.");
        }

        var head = rows.MaxBy(r => r.Sequence)!;
        if (pause && head.EffectiveRollout == 0)
        {
            return AdminOutcome<AdminReleaseDto>.Refused(AdminRefusals.ReleaseAlreadyPaused, "The release is already paused (rollout 0).");
        }

        var before = AuditTrail.Snapshot(head);
        rows.ForEach(r => r.EffectiveRollout = percentage);
        trail.Add(pause ? AuditActions.ReleasePaused : AuditActions.ReleaseRolloutChanged, null, null, before, AuditTrail.Snapshot(head), $"{head.Product} {head.ReleaseId}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return AdminOutcome<AdminReleaseDto>.Done(AdminReleaseDto.From(ReleaseCatalog.ManifestOf(head), percentage));
    }

    private async Task<AdminOutcome<AdminReleaseDto>?> CheckWithdrawalAsync(string signedJson, CancellationToken cancellationToken)
    {
        if (!SignedRelease.TryParse(signedJson, out var signed) || !ReleaseManifestSerializer.TryParse(signed.ManifestBytes.Span, out var claimed, out _))
        {
            return null; // the catalog refuses it with the reason
        }

        if (!claimed.Withdrawn)
        {
            return AdminOutcome<AdminReleaseDto>.Refused(AdminRefusals.NotAWithdrawal, "The signed manifest does not withdraw its release (withdrawn is false); publish it instead.");
        }

        var head = await db.Releases.AsNoTracking().Where(r => r.Product == claimed.ProductId && r.ReleaseId == claimed.ReleaseId)
            .OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return AdminOutcome<AdminReleaseDto>.NotFound("No published release has that product and release id.");
        }

        return ReleaseCatalog.ManifestOf(head).Withdrawn
            ? AdminOutcome<AdminReleaseDto>.Refused(AdminRefusals.ReleaseAlreadyWithdrawn, "The release is already withdrawn.")
            : null;
    }
}
