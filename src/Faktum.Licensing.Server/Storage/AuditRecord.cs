namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// One vendor action, from the admin API, the CLI or the console (I9): written in the transaction of the action it
/// records, never changed or deleted (the migrations add triggers that refuse UPDATE and DELETE on its table). It holds
/// ids and license or release fields only, never an e-mail, contact name, address or one-time password, so a privacy
/// erase leaves it intact (docs/privacy.md).
/// </summary>
internal sealed class AuditRecord
{
    public required string Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Gets or sets where the action came from.</summary>
    public AuditSource Source { get; set; }

    /// <summary>Gets or sets who acted: the API key's name (or <c>api-key</c>), the OS user for the CLI, the staff e-mail for the console.</summary>
    public required string Actor { get; set; }

    /// <summary>Gets or sets the stable kebab-case action name, one of <see cref="Admin.AuditActions"/>.</summary>
    public required string Action { get; set; }

    public string? CompanyId { get; set; }

    public string? LicenseId { get; set; }

    /// <summary>Gets or sets the changed fields as they were, as a small JSON object; <see langword="null"/> when nothing stood before.</summary>
    public string? Before { get; set; }

    /// <summary>Gets or sets the changed fields as they are now, as a small JSON object.</summary>
    public string? After { get; set; }

    /// <summary>Gets or sets short text about the action (ids, a reason, a release id), without personal data.</summary>
    public string? Detail { get; set; }
}
