namespace Faktum.Licensing.Server.Http;

/// <summary>
/// The refused fields of a request, keyed by JSON path: the English messages (the problem's <c>errors</c>) and, in step with
/// them, one stable code per message (its <c>codes</c> extension, see docs/protocol.md).
/// </summary>
internal sealed class FieldErrors : Dictionary<string, string[]>
{
    public FieldErrors()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Gets the codes per field (<c>FieldCodes</c>), one for each message of the same field and in the same order.</summary>
    public Dictionary<string, string[]> Codes { get; } = new(StringComparer.Ordinal);

    public void Add(string field, string code, string message)
    {
        this[field] = TryGetValue(field, out var messages) ? [.. messages, message] : [message];
        Codes[field] = Codes.TryGetValue(field, out var codes) ? [.. codes, code] : [code];
    }
}
