using System.Text.Json;

namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// The sample's interactive screens in a real terminal, in Dutch and English, against its real embedded server: a refused
/// value is asked again at its own field with its reason; Ctrl-C ends cleanly and a restart resumes; the duplicate company
/// leads to "existing company", which asks for the e-mail; two data folders share one server and the first learns it was
/// moved; moved and suspended installations get a read-only screen; each path gets its own closing screen.
/// </summary>
[Collection(SampleDemoCollection.Name)]
public sealed class SampleInteractiveTests(SampleDemoFixture sample) : IDisposable
{
    private const string OwnerEmail = SampleOffice.OwnerEmail;
    private readonly SampleOffice _office = new(sample);

    private string ServerData => _office.ServerData;

    private string MailFolder => _office.MailFolder;

    public static TheoryData<string> Languages => ["nl", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_bad_email_address_is_refused_at_its_field_with_the_reason_and_corrected_in_place(string language)
    {
        var t = ScreenTexts.For(language);
        await using var terminal = Start("pc1", language);
        await NewCompanyAsync(terminal, t);
        await PersonalDetailsAsync(terminal, t, "jan@");
        await terminal.WaitForAsync(t.BadEmail);
        var between = await terminal.WaitForAsync(t.EmailPrompt);
        Assert.DoesNotContain(t.CompanyDetailsTitle, between, StringComparison.Ordinal);
        terminal.Line(OwnerEmail);
        var next = await terminal.WaitForAsync(t.CompanyNamePrompt);
        Assert.Contains(t.CompanyDetailsTitle, next, StringComparison.Ordinal);
        Assert.DoesNotContain(t.ContactPrompt, next, StringComparison.Ordinal);
        terminal.CtrlC();
        Assert.Equal(130, await terminal.ExitCodeAsync());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_refused_postcode_is_asked_again_with_its_reason(string language)
    {
        var t = ScreenTexts.For(language);
        await using var terminal = Start("pc1", language);
        await NewCompanyAsync(terminal, t);
        await PersonalDetailsAsync(terminal, t, OwnerEmail);
        await terminal.WaitForAsync(t.CompanyNamePrompt);
        terminal.Line("Bakkerij Jansen B.V.");
        await terminal.WaitForAsync(t.CountryPrompt);
        terminal.Enter();
        await terminal.WaitForAsync(t.PostcodePrompt);
        terminal.Line("12345");
        await terminal.WaitForAsync(t.PostcodeReason);
        await terminal.WaitForAsync(t.PostcodePrompt);
        terminal.Line("1234 AB");
        await terminal.WaitForAsync(t.StreetPrompt);
        terminal.CtrlC();
        Assert.Equal(130, await terminal.ExitCodeAsync());
    }

    [Fact]
    public async Task A_detail_the_server_refuses_is_asked_again_at_that_field_never_back_at_the_company_details()
    {
        var t = ScreenTexts.For("nl");
        await using var terminal = SampleTerminal.Start(new Dictionary<string, string> { ["FAKTUM_FACTUUR_SERVER_CHECKS_ONLY"] = "1" }, _office.Arguments("pc1", "nl"));
        await NewCompanyAsync(terminal, t);
        await PersonalDetailsAsync(terminal, t, "jan@");
        await CompanyDetailsAsync(terminal, t, "Bakkerij Jansen B.V.");
        await terminal.WaitForAsync(t.CheckDetails);
        terminal.Enter();
        await terminal.WaitForAsync(t.BadEmail);
        var between = await terminal.WaitForAsync(t.EmailPrompt);
        Assert.DoesNotContain(t.CompanyDetailsTitle, between, StringComparison.Ordinal);
        terminal.Line(OwnerEmail);
        var summary = await terminal.WaitForAsync(t.CheckDetails);
        Assert.Contains(t.SummaryTitle, summary, StringComparison.Ordinal);
        Assert.DoesNotContain(t.CompanyDetailsTitle, summary, StringComparison.Ordinal);
        terminal.Enter();
        await terminal.WaitForAsync(t.PasswordPrompt);
        terminal.CtrlC();
        Assert.Equal(130, await terminal.ExitCodeAsync());
    }

    [Fact]
    public async Task Ctrl_C_at_three_prompts_ends_with_130_and_stops_the_server_and_a_restart_resumes_at_the_password()
    {
        var t = ScreenTexts.For("nl");

        // 1. At the first choice.
        await using (var terminal = Start("pc1", "nl"))
        {
            await terminal.WaitForAsync(t.ChooseQuestion);
            terminal.CtrlC();
            Assert.Equal(130, await terminal.ExitCodeAsync());
            await terminal.WaitForAsync(t.Interrupted);
        }

        AssertNothingHalfWritten("pc1", pending: false);

        // 2. At the e-mail address: nothing was sent, so the restart starts over.
        await using (var terminal = Start("pc1", "nl"))
        {
            await NewCompanyAsync(terminal, t);
            await terminal.WaitForAsync(t.ContactPrompt);
            terminal.Line("Jan Jansen");
            await terminal.WaitForAsync(t.PhonePrompt);
            terminal.Enter();
            await terminal.WaitForAsync(t.EmailPrompt);
            terminal.Type("jan@bak");
            terminal.CtrlC();
            Assert.Equal(130, await terminal.ExitCodeAsync());
        }

        AssertNothingHalfWritten("pc1", pending: false);

        // 3. At the password, after the registration: the restart asks for that password, with "nieuw" for a new one.
        await using (var terminal = Start("pc1", "nl"))
        {
            await RegisterAsync(terminal, t, "Bakkerij Jansen B.V.", OwnerEmail);
            await terminal.WaitForAsync(t.PasswordPrompt);
            terminal.CtrlC();
            Assert.Equal(130, await terminal.ExitCodeAsync());
        }

        AssertNothingHalfWritten("pc1", pending: true);
        var seen = new List<string> { await SampleTerminal.PasswordAsync(MailFolder, OwnerEmail, []) };
        await using (var terminal = Start("pc1", "nl"))
        {
            var resumed = await terminal.WaitForAsync(t.PasswordPrompt);
            Assert.Contains(t.Resume, resumed, StringComparison.Ordinal);
            Assert.DoesNotContain(t.ChooseQuestion, resumed, StringComparison.Ordinal);
            terminal.Line(t.NewPasswordWord);
            await terminal.WaitForAsync(t.RecoveryMailSent);
            await terminal.WaitForAsync(t.PasswordPrompt);
            terminal.Line(await SampleTerminal.PasswordAsync(MailFolder, OwnerEmail, seen));
            await terminal.WaitForAsync(t.NextStep);
            Assert.Equal(0, await terminal.ExitCodeAsync());
        }

        Assert.False(File.Exists(Path.Combine(_office.Folder("pc1"), "pending.json")));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_duplicate_company_leads_to_existing_company_which_asks_for_the_email_and_moves_the_license(string language)
    {
        var t = ScreenTexts.For(language);
        await RegisterAndConfirmByCommandsAsync("pc1");

        // pc2: the same company again, by someone else's address: refused; "existing company" asks for the e-mail.
        await using (var terminal = Start("pc2", language))
        {
            await RegisterAsync(terminal, t, "bakkerij  jansen bv", "piet@bakkerij-jansen.nl");
            await terminal.WaitForAsync(t.Duplicate);
            await terminal.WaitForAsync(t.WhatNow);
            terminal.Enter();   // the first choice: use the existing company
            var existing = await terminal.WaitForAsync(t.EmailPrompt);
            Assert.Contains(t.ExistingTitle, existing, StringComparison.Ordinal);
            Assert.DoesNotContain(t.RecoveryMailSent, existing, StringComparison.Ordinal);
            terminal.Line(OwnerEmail);
            await terminal.WaitForAsync(t.RecoveryMailSent);
            await terminal.WaitForAsync(t.PasswordPrompt);
            terminal.Line(await _office.PasswordAsync());
            var closing = await terminal.WaitForAsync(t.CarryOn);
            Assert.Contains(t.ExistingClosingTitle, closing, StringComparison.Ordinal);
            Assert.DoesNotContain(t.NextStep, closing, StringComparison.Ordinal);
            Assert.Equal(0, await terminal.ExitCodeAsync());
        }

        // pc1, at its next start, learns that it was moved: a read-only screen, never the registration wizard.
        await _office.ReadOnlyThenQuitAsync("pc1", language, t.Moved);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_suspended_installation_shows_a_read_only_screen_that_says_to_contact_the_vendor(string language)
    {
        var t = ScreenTexts.For(language);
        await RegisterAndConfirmByCommandsAsync("pc1");
        await _office.AdminAsync("suspend", await _office.LicenseIdAsync("pc1"));

        await using var terminal = Start("pc1", language);
        var screen = await terminal.WaitForAsync(t.ContactVendor);
        Assert.Contains(t.ReadOnlyTitle, screen, StringComparison.Ordinal);
        Assert.Contains(t.Suspended, screen, StringComparison.Ordinal);
        Assert.Equal(3, await terminal.ExitCodeAsync());
        Assert.DoesNotContain(t.WizardTitle, terminal.Screen, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_copied_program_folder_shows_a_read_only_screen_that_says_to_recover_on_the_computer_in_use(string language)
    {
        var t = ScreenTexts.For(language);
        await RegisterAndConfirmByCommandsAsync("pc1");
        _office.CopyComputer("pc1", "pc1-copy"); // the whole program folder, the SDK's data folder (app/) included

        // Original, copy, original, each started within seconds (the server's retry window): the copy's next start is flagged.
        foreach (var computer in new[] { "pc1", "pc1-copy", "pc1" })
        {
            var (code, output) = await _office.CommandAsync(computer, "status");
            Assert.True(code == 0, output);
        }

        await _office.ReadOnlyThenQuitAsync("pc1-copy", language, t.CopyStaysReadOnly, t.Duplicated);
    }

    public void Dispose() => _office.Dispose();

    private SampleTerminal Start(string computer, string language) => _office.Start(computer, language);

    private Task RegisterAndConfirmByCommandsAsync(string computer) => _office.RegisterAndConfirmAsync(computer);

    private void AssertNothingHalfWritten(string computer, bool pending)
    {
        var folder = _office.Folder(computer);
        Assert.False(SampleTerminal.ServerRunsFor(ServerData), "the embedded server still runs after Ctrl-C");
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories) : []);
        var file = Path.Combine(folder, "pending.json");
        Assert.Equal(pending, File.Exists(file));
        if (pending)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(OwnerEmail, json.RootElement.GetProperty("Email").GetString());
        }
    }

    private static async Task NewCompanyAsync(SampleTerminal terminal, ScreenTexts t)
    {
        await terminal.WaitForAsync(t.ChooseQuestion);
        terminal.Down();
        terminal.Enter();
    }

    private static async Task PersonalDetailsAsync(SampleTerminal terminal, ScreenTexts t, string email)
    {
        await terminal.WaitForAsync(t.ContactPrompt);
        terminal.Line("Jan Jansen");
        await terminal.WaitForAsync(t.PhonePrompt);
        terminal.Enter();
        await terminal.WaitForAsync(t.EmailPrompt);
        terminal.Line(email);
    }

    private static async Task CompanyDetailsAsync(SampleTerminal terminal, ScreenTexts t, string name)
    {
        foreach (var (prompt, value) in new[] { (t.CompanyNamePrompt, name), (t.CountryPrompt, string.Empty), (t.PostcodePrompt, "1234 AB"), (t.StreetPrompt, "Dorpsstraat"), (t.HouseNumberPrompt, "12a"), (t.CityPrompt, "Utrecht") })
        {
            await terminal.WaitForAsync(prompt);
            terminal.Line(value);
        }
    }

    private static async Task RegisterAsync(SampleTerminal terminal, ScreenTexts t, string name, string email)
    {
        await NewCompanyAsync(terminal, t);
        await PersonalDetailsAsync(terminal, t, email);
        await CompanyDetailsAsync(terminal, t, name);
        await terminal.WaitForAsync(t.CheckDetails);
        terminal.Enter();
    }
}

/// <summary>The sample's texts (samples/Faktum.Factuur.Console/Texts) the screen tests look for, per language.</summary>
internal sealed record ScreenTexts(
    string ChooseQuestion, string ContactPrompt, string PhonePrompt, string EmailPrompt, string CompanyNamePrompt, string CountryPrompt,
    string PostcodePrompt, string StreetPrompt, string HouseNumberPrompt, string CityPrompt, string CheckDetails, string SummaryTitle,
    string CompanyDetailsTitle, string PasswordPrompt, string BadEmail, string PostcodeReason, string ServerRefused, string NextStep,
    string CarryOn, string ExistingClosingTitle, string Duplicate, string WhatNow, string ExistingTitle, string RecoveryMailSent,
    string Moved, string ReadOnlyTitle, string Suspended, string ContactVendor, string WizardTitle, string Resume, string NewPasswordWord,
    string Interrupted, string Duplicated, string CopyStaysReadOnly)
{
    public static ScreenTexts For(string language) => language == "en" ? English : Dutch;

    private static readonly ScreenTexts Dutch = new(
        "Kies met de pijltjestoetsen en Enter:", "Naam contactpersoon:", "Telefoonnummer (optioneel):", "E-mailadres", "Bedrijfsnaam:", "Land (NL):",
        "Postcode:", "Straat:", "Huisnummer:", "Plaats:", "Kloppen deze gegevens?", "Controleer uw gegevens",
        "Nieuw bedrijf — bedrijfsgegevens", "Wachtwoord uit de e-mail:", "Dit is geen geldig e-mailadres; een e-mailadres ziet eruit als naam@bedrijf.nl.",
        "Een Nederlandse postcode bestaat uit vier cijfers en twee letters, zoals 1234 AB.", "De licentieserver heeft dit geweigerd.", "Volgende stap: Uw bedrijfsgegevens toevoegen",
        "U kunt verder werken.", "Factuurprogramma — Bestaand bedrijf", "Dit bedrijf heeft al een licentie", "Wat wilt u doen?", "Bestaand bedrijf/account",
        "een e-mail met een nieuw eenmalig wachtwoord", "Uw licentie is verhuisd naar een andere computer.", "Faktum Factuur — alleen lezen",
        "Uw licentie is tijdelijk geschorst.", "Neem contact op met de leverancier van Faktum Factuur", "Registratie — Uw bedrijf aanmelden",
        "U was bezig uw account te bevestigen.", "nieuw", "Afgebroken met Ctrl-C.",
        "Deze programmamap wordt op twee computers tegelijk gebruikt", "De kopie op de andere computer blijft alleen lezen.");

    private static readonly ScreenTexts English = new(
        "Choose with the arrow keys and Enter:", "Contact person:", "Phone (optional):", "E-mail address", "Company name:", "Country (NL):",
        "Postcode:", "Street:", "House number:", "City:", "Are these details correct?", "Check your details",
        "New company — company details", "Password from the e-mail:", "This is not a valid e-mail address; an e-mail address looks like name@company.com.",
        "A Dutch postcode is four digits and two letters, like 1234 AB.", "The license server refused this.", "Next step: add your company details",
        "You can carry on working.", "Invoicing program — Existing company", "This company already holds a license", "What do you want to do?", "Existing company/account",
        "an e-mail with a new one-time password", "Your license has moved to another computer.", "Faktum Factuur — read-only",
        "Your license is suspended.", "Contact the vendor of Faktum Factuur", "Registration — Registering your company",
        "You were confirming your account.", "new", "Stopped with Ctrl-C.",
        "This program folder is in use on two computers at once", "The copy on the other computer stays read-only.");
}
