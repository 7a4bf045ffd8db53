namespace Faktum.Licensing.Server.Admin;

/// <summary>The console's home counts. Days are UTC <c>yyyy-MM-dd</c>; weeks are named by their Monday (ISO 8601 weeks).</summary>
internal sealed record AdminHomeDto(
    int TrialsActive,
    int TrialsEndingWithin7Days,
    int Paid,
    int Suspended,
    int Revoked,
    IReadOnlyList<AdminCount> StartupChecksPerDay,
    IReadOnlyList<AdminCount> MovesPerWeek,
    int OutboxQueued,
    int OutboxFailed);
