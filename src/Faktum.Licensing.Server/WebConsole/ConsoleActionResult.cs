namespace Faktum.Licensing.Server.WebConsole;

/// <summary>What a console action did: a notice code when done, or the admin refusal code (both keys of the string table).</summary>
internal sealed record ConsoleActionResult(bool Done, string Code)
{
    public static ConsoleActionResult Ok(string notice) => new(true, notice);

    public static ConsoleActionResult No(string refusal) => new(false, refusal);
}
