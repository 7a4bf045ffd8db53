namespace Faktum.Licensing.Server.Registration;

/// <summary>
/// The mailbox behind an e-mail address (F2): <c>local+tag@domain</c> is <c>local@domain</c>, so plus-addresses count
/// as one mailbox in the per-mailbox registration limit and in the admin's signal of many trial companies.
/// </summary>
internal static class Mailbox
{
    /// <summary>Gets the mailbox of a validated, lower-cased address.</summary>
    public static string Of(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return email;
        }

        var plus = email.IndexOf('+', 0, at);
        return plus <= 0 ? email : string.Concat(email.AsSpan(0, plus), email.AsSpan(at));
    }
}
