namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// What a console action did: a notice code when done, or the refusal code (both keys of the string table). A refusal of bad
/// input names the <see cref="Field"/> it belongs to (shown there, and nothing changed) and may carry the offending value.
/// </summary>
internal sealed record ConsoleActionResult(bool Done, string Code)
{
    /// <summary>Gets the form field the refusal belongs to, or <see langword="null"/> for a refusal of the whole action.</summary>
    public string? Field { get; private init; }

    /// <summary>Gets the value the field's message names (an entitlement that is not a valid name), if any.</summary>
    public string? Value { get; private init; }

    public static ConsoleActionResult Ok(string notice) => new(true, notice);

    public static ConsoleActionResult No(string refusal) => new(false, refusal);

    public static ConsoleActionResult AtField(string field, string refusal, string? value = null) => new(false, refusal) { Field = field, Value = value };
}
