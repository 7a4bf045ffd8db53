namespace Faktum.Licensing.Server.WebConsole;

/// <summary>A warning on the home page: a string-table key and its arguments (no free text, so nothing to escape twice).</summary>
internal sealed record ConsoleWarning(string Key, params object[] Arguments);
