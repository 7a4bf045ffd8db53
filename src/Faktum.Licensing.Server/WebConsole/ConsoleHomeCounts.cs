namespace Faktum.Licensing.Server.WebConsole;

/// <summary>The numbers on the console's home page; <see cref="StartupChecksToday"/> is null where the server keeps no count.</summary>
internal sealed record ConsoleHomeCounts(
    int TrialsActive,
    int TrialsEndingSoon,
    int Paid,
    int Suspended,
    int Revoked,
    int? StartupChecksToday,
    int MovesThisWeek,
    int MailQueued,
    int MailFailed)
{
    public static readonly ConsoleHomeCounts Empty = new(0, 0, 0, 0, 0, null, 0, 0, 0);
}
