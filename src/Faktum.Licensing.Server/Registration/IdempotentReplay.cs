using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Registration;

/// <summary>What an Idempotency-Key already stands for: nothing yet, the stored answer, or another request.</summary>
internal sealed record IdempotentReplay(StoredAnswer? Answer, bool KeyReused)
{
    private static readonly IdempotentReplay None = new(null, false);

    /// <summary>Looks up <paramref name="key"/>: the same request hash replays its answer, another hash means the key was reused.</summary>
    public static async Task<IdempotentReplay> FindAsync(LicensingDbContext db, string key, string requestHash, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return None;
        }

        return string.Equals(record.RequestHash, requestHash, StringComparison.Ordinal)
            ? new IdempotentReplay(new StoredAnswer(record.StatusCode, record.Body), false)
            : new IdempotentReplay(null, true);
    }

    /// <summary>Gets whether the key stands for anything; when it does, <see cref="AsOutcome"/> is the answer.</summary>
    public bool Found => Answer is not null || KeyReused;

    public RegistrationOutcome AsOutcome() => Answer is not null
        ? RegistrationOutcome.Replayed(Answer)
        : RegistrationOutcome.Refused(RegistrationStatus.IdempotencyKeyReused);
}
