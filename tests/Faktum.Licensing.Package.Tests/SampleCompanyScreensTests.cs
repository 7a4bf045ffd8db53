namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// The sample's companies screens (S9) in a real terminal, against its real embedded server: the first screen lists the
/// companies on this computer, each with its state on its own line and the current one marked; one choice switches; a new
/// company is registered under the same e-mail address; a recovery of an account with several companies ticks which to bring
/// (those already on this computer marked), and the other computer sees only those moved; a company is removed from a computer.
/// </summary>
[Collection(SampleDemoCollection.Name)]
public sealed class SampleCompanyScreensTests(SampleDemoFixture sample) : IDisposable
{
    private const string Bakery = "Bakkerij Jansen B.V.";
    private const string Catering = "Jansen Catering";
    private const string BakeryLine = "Bakkerij Jansen B.V., 1234 AB Utrecht — ";
    private const string CateringLine = "Jansen Catering, 3811 AB Amersfoort — ";
    private readonly SampleOffice _office = new(sample);

    public static TheoryData<string> Languages => ["nl", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_first_screen_lists_each_company_with_its_state_marks_the_current_one_and_one_choice_switches(string language)
    {
        var t = ScreenTexts.For(language);
        var c = CompanyTexts.For(language);
        await TwoCompaniesAsync("pc1");

        await using (var terminal = _office.Start("pc1", language))
        {
            await terminal.WaitForAsync(c.CompaniesTitle);
            var list = await terminal.WaitForAsync(t.ChooseQuestion);
            Assert.Contains($"{BakeryLine}{c.Trial}", list, StringComparison.Ordinal);
            Assert.Contains($"► {CateringLine}{c.Trial}", list, StringComparison.Ordinal);
            Assert.Contains($"({c.Current})", list[list.IndexOf(CateringLine, StringComparison.Ordinal)..], StringComparison.Ordinal);
            Assert.DoesNotContain($"► {BakeryLine}", list, StringComparison.Ordinal);
            terminal.Enter();   // the first: the bakery
            var running = await terminal.WaitForAsync(t.CarryOn);
            Assert.Contains(Bakery, running, StringComparison.Ordinal);
            Assert.Contains(c.Trial, running, StringComparison.Ordinal);
            Assert.Equal(0, await terminal.ExitCodeAsync());
        }

        // The choice is kept: the next start marks the bakery.
        await using (var terminal = _office.Start("pc1", language))
        {
            var list = await terminal.WaitForAsync(t.ChooseQuestion);
            Assert.Contains($"► {BakeryLine}", list, StringComparison.Ordinal);
            Assert.DoesNotContain($"► {CateringLine}", list, StringComparison.Ordinal);
            terminal.CtrlC();
            Assert.Equal(130, await terminal.ExitCodeAsync());
        }
    }

    [Fact]
    public async Task A_new_company_is_registered_under_the_same_email_filled_in_and_the_first_company_stays()
    {
        var t = ScreenTexts.For("nl");
        var c = CompanyTexts.For("nl");
        await _office.RegisterAndConfirmAsync("pc1");

        await using (var terminal = _office.Start("pc1", "nl"))
        {
            await terminal.WaitForAsync(c.CompaniesTitle);
            await terminal.WaitForAsync(t.ChooseQuestion);
            terminal.Down(2);
            terminal.Enter();   // new company
            await terminal.WaitForAsync("Naam contactpersoon (Jan Jansen)");
            terminal.Enter();
            await terminal.WaitForAsync(t.PhonePrompt);
            terminal.Enter();
            await terminal.WaitForAsync($"{t.EmailPrompt} ({SampleOffice.OwnerEmail})");
            terminal.Enter();
            foreach (var (prompt, value) in new[] { (t.CompanyNamePrompt, Catering), (t.CountryPrompt, string.Empty), (t.PostcodePrompt, "3811 AB"), (t.StreetPrompt, "Langestraat"), (t.HouseNumberPrompt, "5"), (t.CityPrompt, "Amersfoort") })
            {
                await terminal.WaitForAsync(prompt);
                terminal.Line(value);
            }

            await terminal.WaitForAsync(t.CheckDetails);
            terminal.Enter();
            await terminal.WaitForAsync(t.PasswordPrompt);
            terminal.Line(await _office.PasswordAsync());
            await terminal.WaitForAsync(t.NextStep);
            Assert.Equal(0, await terminal.ExitCodeAsync());
        }

        await using (var terminal = _office.Start("pc1", "nl"))
        {
            var list = await terminal.WaitForAsync(t.ChooseQuestion);
            Assert.Contains($"{BakeryLine}{c.Trial}", list, StringComparison.Ordinal);
            Assert.Contains($"► {CateringLine}{c.Trial}", list, StringComparison.Ordinal);
            terminal.CtrlC();
            Assert.Equal(130, await terminal.ExitCodeAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_recovery_of_an_account_with_two_companies_brings_the_ones_ticked_and_the_other_computer_keeps_the_rest(string language)
    {
        var t = ScreenTexts.For(language);
        var c = CompanyTexts.For(language);
        await TwoCompaniesAsync("pc1");

        // pc2, a first start: existing account; tick the bakery only.
        await using (var terminal = _office.Start("pc2", language))
        {
            await terminal.WaitForAsync(t.ChooseQuestion);
            terminal.Enter();
            await terminal.WaitForAsync(t.EmailPrompt);
            terminal.Line(SampleOffice.OwnerEmail);
            await terminal.WaitForAsync(t.PasswordPrompt);
            terminal.Line(await _office.PasswordAsync());
            await terminal.WaitForAsync(c.ChooseCompaniesTitle);
            var choices = await terminal.WaitForAsync(c.Hint);
            Assert.DoesNotContain(c.OnThisComputer, choices, StringComparison.Ordinal);
            terminal.Type(" ");   // tick the first: the bakery
            terminal.Enter();
            await terminal.WaitForAsync($"{c.ChooseCompaniesTitle} Bakkerij Jansen B.V., 1234 AB Utrecht");
            await terminal.WaitForAsync(t.CarryOn);
            Assert.Equal(0, await terminal.ExitCodeAsync());
        }

        // pc1: the bakery moved, the catering stays licensed.
        await using (var terminal = _office.Start("pc1", language))
        {
            var list = await terminal.WaitForAsync(t.ChooseQuestion);
            Assert.Contains($"{BakeryLine}{c.Moved}", list, StringComparison.Ordinal);
            Assert.Contains($"{CateringLine}{c.Trial}", list, StringComparison.Ordinal);
            terminal.CtrlC();
            Assert.Equal(130, await terminal.ExitCodeAsync());
        }

        // pc2 again: "existing company/account" adds the catering; the bakery is marked as already on this computer.
        await using (var terminal = _office.Start("pc2", language))
        {
            await terminal.WaitForAsync(c.CompaniesTitle);
            await terminal.WaitForAsync(t.ChooseQuestion);
            terminal.Down();
            terminal.Enter();   // existing company/account
            await terminal.WaitForAsync($"{t.EmailPrompt} ({SampleOffice.OwnerEmail})");
            terminal.Enter();
            await terminal.WaitForAsync(t.PasswordPrompt);
            terminal.Line(await _office.PasswordAsync());
            await terminal.WaitForAsync(c.ChooseCompaniesTitle);
            var choices = await terminal.WaitForAsync(c.Hint);
            Assert.Contains($"Bakkerij Jansen B.V., 1234 AB Utrecht ({c.OnThisComputer})", choices, StringComparison.Ordinal);
            Assert.DoesNotContain($"Amersfoort ({c.OnThisComputer})", choices, StringComparison.Ordinal);
            terminal.Down();
            terminal.Type(" ");   // tick the catering
            terminal.Enter();
            await terminal.WaitForAsync(t.CarryOn);
            Assert.Equal(0, await terminal.ExitCodeAsync());
        }

        var (moved, status) = await _office.CommandAsync("pc1", "companies", "--lang", language);
        Assert.True(moved == 0, status);
        Assert.Contains($"{BakeryLine}{c.Moved}", status, StringComparison.Ordinal);
        Assert.Contains($"{CateringLine}{c.Moved}", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_company_from_this_computer_frees_its_seat_and_leaves_the_other()
    {
        var t = ScreenTexts.For("nl");
        var c = CompanyTexts.For("nl");
        await TwoCompaniesAsync("pc1");
        var licenses = await _office.CompaniesAsync("pc1");

        await using (var terminal = _office.Start("pc1", "nl"))
        {
            await terminal.WaitForAsync(t.ChooseQuestion);
            terminal.Down(4);
            terminal.Enter();   // remove a company
            await terminal.WaitForAsync(c.RemoveWhich);
            terminal.Enter();   // the bakery
            await terminal.WaitForAsync(c.RemoveNo);
            terminal.Down();
            terminal.Enter();   // yes
            await terminal.WaitForAsync($"{Bakery} is van deze computer verwijderd.");
            var list = await terminal.WaitForAsync(t.ChooseQuestion);
            Assert.Contains($"► {CateringLine}{c.Trial}", list, StringComparison.Ordinal);
            Assert.DoesNotContain(BakeryLine, list, StringComparison.Ordinal);
            terminal.CtrlC();
            Assert.Equal(130, await terminal.ExitCodeAsync());
        }

        Assert.Equal([Catering], (await _office.CompaniesAsync("pc1")).Keys);
        Assert.DoesNotContain("ins_", await _office.AdminAsync("seats", licenses[Bakery]), StringComparison.Ordinal);
        Assert.Contains("ins_", await _office.AdminAsync("seats", licenses[Catering]), StringComparison.Ordinal);
        var (runs, status) = await _office.CommandAsync("pc1", "status");
        Assert.True(runs == 0, status);
    }

    public void Dispose() => _office.Dispose();

    // The bakery, then the catering under the same e-mail address, both confirmed on one computer (the catering current).
    private async Task TwoCompaniesAsync(string computer)
    {
        await _office.RegisterAndConfirmAsync(computer);
        await _office.RegisterAndConfirmAsync(computer, Catering, "3811 AB", "Amersfoort");
    }
}

/// <summary>The sample's companies texts (samples/Faktum.Factuur.Console/Texts) the companies screen tests look for, per language.</summary>
internal sealed record CompanyTexts(
    string CompaniesTitle, string Current, string Trial, string Moved, string ChooseCompaniesTitle, string Hint, string OnThisComputer,
    string RemoveWhich, string RemoveNo)
{
    public static CompanyTexts For(string language) => language == "en" ? English : Dutch;

    private static readonly CompanyTexts Dutch = new(
        "Bedrijven op deze computer", "huidig bedrijf", "Proeflicentie: nog ", "Alleen lezen: verhuisd",
        "Welke bedrijven wilt u op deze computer gebruiken?", "(spatiebalk: aan- of uitvinken, Enter: bevestigen)", "al op deze computer",
        "Welk bedrijf wilt u van deze computer verwijderen?", "Nee, laten staan");

    private static readonly CompanyTexts English = new(
        "Companies on this computer", "current company", "Trial license: ", "Read-only: moved",
        "Which companies do you want to use on this computer?", "(space: tick or untick, Enter: confirm)", "already on this computer",
        "Which company do you want to remove from this computer?", "No, keep it");
}
