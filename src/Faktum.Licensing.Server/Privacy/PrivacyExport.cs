using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Privacy;

/// <summary>
/// Everything the server stores about one company (AVG/GDPR art. 15 and 20), as one JSON document. Left out, and why:
/// the one-time password hashes and salts (secrets of no use to the subject, and the password itself is never stored)
/// and the outbox's mail bodies (gone once sent; a pending one holds a live one-time password).
/// </summary>
internal sealed record PrivacyExport(
    DateTimeOffset ExportedAt,
    Account Account,
    Company Company,
    IReadOnlyList<License> Licenses,
    IReadOnlyList<Installation> Installations,
    IReadOnlyList<PrivacyExportOneTimePassword> OneTimePasswords,
    IReadOnlyList<PrivacyExportMail> Mails);
