using System.Text.Json;

namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// An office for the sample's screen tests: one embedded server's data folder shared by several computers (data folders)
/// under one temporary root, with the sample's commands and the reference server's admin commands on them, and the
/// one-time passwords read from the server's pickup folder. Each computer is named (pc1, pc2, …); <see cref="Start"/> opens
/// the sample on one of them in a real terminal.
/// </summary>
internal sealed class SampleOffice(SampleDemoFixture sample) : IDisposable
{
    public const string OwnerEmail = "jan@bakkerij-jansen.nl";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "faktum-screens-" + Guid.NewGuid().ToString("N"));

    public string ServerData => Path.Combine(Root, "server");

    public string MailFolder => Path.Combine(ServerData, "mail");

    /// <summary>Gets the one-time passwords already read, so that each read finds a new one.</summary>
    public List<string> SeenPasswords { get; } = [];

    public string Folder(string computer) => Path.Combine(Root, computer);

    public string[] Arguments(string computer, string language) =>
        ["--data-dir", Folder(computer), "--server-data", ServerData, "--lang", language];

    /// <summary>The sample on <paramref name="computer"/> in a terminal; <paramref name="command"/> (e.g. <c>installations</c>) first when given.</summary>
    public SampleTerminal Start(string computer, string language, params string[] command)
    {
        AssertBuilt();
        return SampleTerminal.Start([.. command, .. Arguments(computer, language)]);
    }

    /// <summary>
    /// Starts <paramref name="computer"/> whose license does not let it run: a read-only screen that says <paramref name="text"/>
    /// (after <paramref name="before"/>, each shown), never the registration wizard, where the user quits (exit code 3).
    /// </summary>
    public async Task ReadOnlyThenQuitAsync(string computer, string language, string text, params string[] before)
    {
        var t = ScreenTexts.For(language);
        await using var terminal = Start(computer, language);
        var screen = await terminal.WaitForAsync(text);
        Assert.Contains(t.ReadOnlyTitle, screen, StringComparison.Ordinal);
        foreach (var shown in before)
        {
            Assert.Contains(shown, screen, StringComparison.Ordinal);
        }

        await terminal.WaitForAsync(t.WhatNow);
        terminal.Down();
        terminal.Enter();   // quit
        Assert.Equal(3, await terminal.ExitCodeAsync());
        Assert.DoesNotContain(t.WizardTitle, terminal.Screen, StringComparison.Ordinal);
    }

    /// <summary>One of the sample's commands on <paramref name="computer"/>, without a terminal.</summary>
    public Task<(int ExitCode, string Output)> CommandAsync(string computer, params string[] arguments)
    {
        AssertBuilt();
        return SampleTerminal.CommandAsync([.. arguments, "--data-dir", Folder(computer), "--server-data", ServerData]);
    }

    /// <summary>The next one-time password mailed to <paramref name="email"/>.</summary>
    public Task<string> PasswordAsync(string email = OwnerEmail) => SampleTerminal.PasswordAsync(MailFolder, email, SeenPasswords);

    /// <summary>Registers a company on <paramref name="computer"/> and confirms it, by the commands.</summary>
    public async Task RegisterAndConfirmAsync(string computer, string company = "Bakkerij Jansen B.V.", string postcode = "1234 AB", string city = "Utrecht", string email = OwnerEmail, string? label = null)
    {
        var (registered, output) = await CommandAsync(computer, "register", "--company", company, "--postcode", postcode, "--street", "Dorpsstraat", "--house-number", "12a", "--city", city, "--contact", "Jan Jansen", "--email", email);
        Assert.True(registered == 0, output);
        await ConfirmAsync(computer, email, label);
    }

    /// <summary>Recovers the account of <paramref name="email"/> on <paramref name="computer"/> and confirms it, by the commands.</summary>
    public async Task RecoverAndConfirmAsync(string computer, string email = OwnerEmail, string? label = null)
    {
        var (requested, output) = await CommandAsync(computer, "recover", "--email", email);
        Assert.True(requested == 0, output);
        await ConfirmAsync(computer, email, label);
    }

    /// <summary>The license id of the current company on <paramref name="computer"/> (from <c>status --json</c>).</summary>
    public async Task<string> LicenseIdAsync(string computer)
    {
        var (_, status) = await CommandAsync(computer, "status", "--json");
        using var json = JsonDocument.Parse(status[status.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("status").GetProperty("licenseId").GetString()!;
    }

    /// <summary>A vendor's admin command on the server's data folder (the embedded server is not running between runs); returns its output.</summary>
    public async Task<string> AdminAsync(params string[] arguments)
    {
        var (code, output) = await SampleTerminal.ServerCommandAsync(["admin", .. arguments, "--data-dir", ServerData]);
        Assert.True(code == 0, output);
        return output;
    }

    /// <summary>The license ids of the companies on <paramref name="computer"/> by company name (from <c>companies --json</c>).</summary>
    public async Task<IReadOnlyDictionary<string, string>> CompaniesAsync(string computer)
    {
        var (code, output) = await CommandAsync(computer, "companies", "--json");
        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("companies").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("licenseId").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>Copies <paramref name="computer"/>'s whole program folder (the SDK's data folder included, the log not) to <paramref name="copy"/>.</summary>
    public void CopyComputer(string computer, string copy)
    {
        var original = Folder(computer);
        foreach (var file in Directory.GetFiles(original, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".log", StringComparison.Ordinal)))
        {
            var target = Path.Combine(Folder(copy), Path.GetRelativePath(original, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private async Task ConfirmAsync(string computer, string email, string? label)
    {
        string[] named = label is null ? [] : ["--label", label];
        var (confirmed, confirmation) = await CommandAsync(computer, ["confirm", "--email", email, "--password", await PasswordAsync(email), .. named]);
        Assert.True(confirmed == 0, confirmation);
    }

    private void AssertBuilt() => Assert.True(sample.ExitCode == 0, "The sample's first run (the build) failed; see SampleDemoTests.");
}
