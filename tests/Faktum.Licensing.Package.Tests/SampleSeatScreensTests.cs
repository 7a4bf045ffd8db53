namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// The sample's seat screens (S8) in a real terminal, in Dutch and English, against its real embedded server: with every seat
/// taken a confirming computer lists the others by name and last seen and takes the seat of the one chosen, which learns at its
/// next start that the license moved; the <c>installations</c> screen lists, renames and releases; a copied program folder
/// makes both copies read-only within one start each, and recovering on the computer in use brings the license back there.
/// </summary>
[Collection(SampleDemoCollection.Name)]
public sealed class SampleSeatScreensTests(SampleDemoFixture sample) : IDisposable
{
    private readonly SampleOffice _office = new(sample);

    public static TheoryData<string> Languages => ["nl", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_third_computer_lists_both_seats_by_name_and_last_seen_and_the_one_it_replaces_learns_it_moved(string language)
    {
        var t = ScreenTexts.For(language);
        var s = SeatTexts.For(language);
        await TwoSeatsTakenAsync();

        await using (var terminal = _office.Start("pc3", language))
        {
            await terminal.WaitForAsync(t.ChooseQuestion);
            terminal.Enter();   // existing company/account
            await terminal.WaitForAsync(t.EmailPrompt);
            terminal.Line(SampleOffice.OwnerEmail);
            await terminal.WaitForAsync(t.PasswordPrompt);
            terminal.Line(await _office.PasswordAsync());
            await terminal.WaitForAsync(s.SeatsFullTitle);
            var seats = await terminal.WaitForAsync(s.ReleaseWhich);
            Assert.Contains(s.LastSeenColumn, seats, StringComparison.Ordinal);
            Assert.True(seats.IndexOf("Kantoor-PC", StringComparison.Ordinal) is >= 0 and var office && office < seats.IndexOf("Thuis-PC", StringComparison.Ordinal), seats);
            var choices = await terminal.WaitForAsync(s.BackChoice);
            Assert.Contains($"Kantoor-PC ({s.LastSeen} ", choices, StringComparison.Ordinal);
            Assert.Contains($"Thuis-PC ({s.LastSeen} ", choices, StringComparison.Ordinal);
            terminal.Enter();   // the first: Kantoor-PC
            await terminal.WaitForAsync($"{s.ReleaseWhich} Kantoor-PC");
            await terminal.WaitForAsync(s.ComputerLabel);
            terminal.Line("Laptop");
            await terminal.WaitForAsync(t.CarryOn);
            Assert.Equal(0, await terminal.ExitCodeAsync());
        }

        await _office.ReadOnlyThenQuitAsync("pc1", language, t.Moved);

        var (untouched, status) = await _office.CommandAsync("pc2", "status");
        Assert.True(untouched == 0, status);
        var (listed, installations) = await _office.CommandAsync("pc2", "installations", "--lang", language);
        Assert.True(listed == 0, installations);
        Assert.Contains("Laptop (", installations, StringComparison.Ordinal);
        Assert.DoesNotContain("Kantoor-PC", installations, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_installations_screen_lists_the_computers_renames_one_and_releases_it(string language)
    {
        var t = ScreenTexts.For(language);
        var s = SeatTexts.For(language);
        await TwoSeatsTakenAsync();

        await using (var terminal = _office.Start("pc1", language, "installations"))
        {
            await terminal.WaitForAsync(s.InstallationsTitle);
            var list = await terminal.WaitForAsync(t.WhatNow);
            Assert.Contains(s.TwoOfTwoInUse, list, StringComparison.Ordinal);
            Assert.Contains($"Kantoor-PC ({s.ThisComputer})", list, StringComparison.Ordinal);
            Assert.Contains("Thuis-PC", list, StringComparison.Ordinal);
            terminal.Down(2);
            terminal.Enter();   // rename
            await terminal.WaitForAsync(s.Which);
            terminal.Down();
            terminal.Enter();   // Thuis-PC
            await terminal.WaitForAsync(s.NewLabel);
            terminal.Line("Laptop Marieke");
            await terminal.WaitForAsync(s.Renamed("Laptop Marieke"));
            var renamed = await terminal.WaitForAsync(t.WhatNow);
            Assert.Contains("Laptop Marieke", renamed, StringComparison.Ordinal);
            Assert.DoesNotContain("Thuis-PC", renamed, StringComparison.Ordinal);
            terminal.Down();
            terminal.Enter();   // release
            await terminal.WaitForAsync(s.Which);
            terminal.Down();
            terminal.Enter();   // Laptop Marieke
            await terminal.WaitForAsync(s.Released("Laptop Marieke"));
            var released = await terminal.WaitForAsync(t.WhatNow);
            Assert.Contains(s.OneOfTwoInUse, released, StringComparison.Ordinal);
            terminal.Enter();   // back
            Assert.Equal(0, await terminal.ExitCodeAsync());
        }

        var (moved, status) = await _office.CommandAsync("pc2", "status", "--lang", language);
        Assert.True(moved == 3, status);
        Assert.Contains(t.Moved, status, StringComparison.Ordinal);
        var (stays, own) = await _office.CommandAsync("pc1", "status");
        Assert.True(stays == 0, own);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Both_copies_of_a_program_folder_turn_read_only_and_recovering_on_the_computer_in_use_brings_the_license_back_there(string language)
    {
        var t = ScreenTexts.For(language);
        await _office.RegisterAndConfirmAsync("pc1");
        _office.CopyComputer("pc1", "pc1-copy");
        foreach (var computer in new[] { "pc1", "pc1-copy", "pc1" })
        {
            var (code, output) = await _office.CommandAsync(computer, "status");
            Assert.True(code == 0, output);
        }

        // The copy is flagged at its next start, the original at its next one after that: both read-only, each with its own screen.
        await _office.ReadOnlyThenQuitAsync("pc1-copy", language, t.CopyStaysReadOnly, t.Duplicated);
        await using (var terminal = _office.Start("pc1", language))
        {
            var screen = await terminal.WaitForAsync(t.CopyStaysReadOnly);
            Assert.Contains(t.ReadOnlyTitle, screen, StringComparison.Ordinal);
            Assert.Contains(t.Duplicated, screen, StringComparison.Ordinal);
            await terminal.WaitForAsync(t.WhatNow);
            terminal.Enter();   // carry on here: the e-mail address is filled in
            await terminal.WaitForAsync(t.EmailPrompt);
            terminal.Enter();
            await terminal.WaitForAsync(t.PasswordPrompt);
            terminal.Line(await _office.PasswordAsync());
            await terminal.WaitForAsync(t.CarryOn);
            Assert.Equal(0, await terminal.ExitCodeAsync());
        }

        var (licensed, here) = await _office.CommandAsync("pc1", "status");
        Assert.True(licensed == 0, here);
        var (copy, there) = await _office.CommandAsync("pc1-copy", "status", "--lang", language);
        Assert.True(copy == 3, there);
        Assert.Contains(t.Duplicated, there, StringComparison.Ordinal);
    }

    public void Dispose() => _office.Dispose();

    // Kantoor-PC (pc1) and Thuis-PC (pc2) hold both seats of the license, and each has started since (so it was seen).
    private async Task TwoSeatsTakenAsync()
    {
        await _office.RegisterAndConfirmAsync("pc1", label: "Kantoor-PC");
        await _office.AdminAsync("seats", await _office.LicenseIdAsync("pc1"), "--set", "2");
        await _office.RecoverAndConfirmAsync("pc2", label: "Thuis-PC");
        var (started, output) = await _office.CommandAsync("pc2", "status");
        Assert.True(started == 0, output);
    }
}

/// <summary>The sample's seat texts (samples/Faktum.Factuur.Console/Texts) the seat screen tests look for, per language.</summary>
internal sealed record SeatTexts(
    string SeatsFullTitle, string ReleaseWhich, string LastSeenColumn, string LastSeen, string ComputerLabel, string InstallationsTitle,
    string TwoOfTwoInUse, string OneOfTwoInUse, string ThisComputer, string Which, string NewLabel, string BackChoice, Func<string, string> Renamed, Func<string, string> Released)
{
    public static SeatTexts For(string language) => language == "en" ? English : Dutch;

    private static readonly SeatTexts Dutch = new(
        "Alle plaatsen zijn bezet", "Welke computer geeft zijn plaats af?", "Laatst gezien", "laatst gezien", "Naam voor deze computer", "Computers met deze licentie",
        "2 van 2 plaatsen in gebruik.", "1 van 2 plaatsen in gebruik.", "deze computer", "Welke computer?", "Nieuwe naam", "Terug",
        label => $"De computer heet nu {label}.", label => $"{label} is vrijgegeven.");

    private static readonly SeatTexts English = new(
        "All seats are taken", "Which computer gives up its seat?", "Last seen", "last seen", "Name for this computer", "Computers using this license",
        "2 of 2 seats in use.", "1 of 2 seats in use.", "this computer", "Which computer?", "New name", "Back",
        label => $"The computer is now called {label}.", label => $"{label} is released.");
}
