namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// The console's user-facing text: <c>ConsoleStrings.resx</c> (Dutch, the default) and <c>ConsoleStrings.en.resx</c>
/// (English), read through <c>IStringLocalizer&lt;ConsoleStrings&gt;</c>. Keys are English identifiers; a refused admin
/// action's text is the key <c>Refused_</c> + its stable code.
/// </summary>
internal sealed class ConsoleStrings
{
    private ConsoleStrings()
    {
    }
}
