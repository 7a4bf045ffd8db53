namespace Faktum.Licensing.Server.Privacy;

/// <summary>What one retention pass deleted, per kind of record.</summary>
internal sealed record RetentionPurgeResult(int OneTimePasswords, int Mails, int IdempotencyRecords, int UnconfirmedRegistrations)
{
    public int Total => OneTimePasswords + Mails + IdempotencyRecords + UnconfirmedRegistrations;
}
