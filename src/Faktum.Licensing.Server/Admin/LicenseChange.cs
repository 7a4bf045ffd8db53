namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// What a license change did, for <see cref="AdminOperations.ChangeLicenseAsync{T}"/>: the audit row's before, after and
/// detail, or a refusal (a code of <see cref="AdminRefusals"/> and an English message) that writes nothing.
/// </summary>
internal sealed record LicenseChange(IReadOnlyDictionary<string, object?>? Before, IReadOnlyDictionary<string, object?>? After, string? Detail)
{
    public string? RefusalCode { get; private init; }

    public string? RefusalMessage { get; private init; }

    public static LicenseChange Refused(string code, string message) => new(null, null, null) { RefusalCode = code, RefusalMessage = message };
}
