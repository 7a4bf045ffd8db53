namespace Faktum.Licensing.Server.Admin;

/// <summary>A mailbox flagged for holding many trial companies (F2): a signal to look, not a verdict.</summary>
/// <param name="Mailbox">The mailbox (<c>local+tag@domain</c> counted as <c>local@domain</c>).</param>
/// <param name="TrialCompanies">How many companies with a trial license its addresses hold.</param>
/// <param name="Companies">Those companies.</param>
internal sealed record AdminMailboxDto(string Mailbox, int TrialCompanies, IReadOnlyList<AdminMailboxCompanyDto> Companies);
