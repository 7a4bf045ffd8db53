using System.CommandLine;
using Faktum.Factuur;
using Faktum.Licensing;

// Faktum Factuur, the sample invoicing program: the seed's registration screens on Faktum.Licensing.
// Without a command (and with a terminal) it shows the screens; the commands are for scripts (--json).
var server = new Option<string?>("--server") { Description = "The license server's base URL. Without it the embedded reference server runs (data in --server-data).", Recursive = true };
var dataDir = new Option<string>("--data-dir") { Description = "This computer's data folder (license state, log): one folder is one installation.", DefaultValueFactory = _ => ".faktum-data", Recursive = true };
var serverData = new Option<string>("--server-data") { Description = "The embedded server's data folder, shared by every --data-dir so that a second folder can play 'another computer'.", DefaultValueFactory = _ => EmbeddedServer.DefaultDataDirectory, Recursive = true };
var trustedKeys = new Option<string[]>("--trusted-key") { Description = "A pinned server key KID=BASE64URL (kid and x of a JWK from the server's jwks.json); repeatable.", Recursive = true, AllowMultipleArgumentsPerToken = false };
var appVersion = new Option<string?>("--app-version") { Description = "The app version sent at start (default: this program's version).", Recursive = true };
var channel = new Option<string>("--channel") { Description = "The update channel sent at start.", DefaultValueFactory = _ => "stable", Recursive = true };
var language = new Option<string>("--lang") { Description = "Language: nl (default) or en.", DefaultValueFactory = _ => "nl", Recursive = true };
language.AcceptOnlyFromAmong("nl", "en");
var json = new Option<bool>("--json") { Description = "Write one JSON object to stdout (for scripts).", Recursive = true };

var root = new RootCommand("Faktum Factuur — sample invoicing program on Faktum.Licensing. Without a command: the registration screens (interactive).")
{
    server, dataDir, serverData, trustedKeys, appVersion, channel, language, json,
};

var company = new Option<string>("--company") { Description = "Company name (cannot be changed later).", Required = true };
var postcode = new Option<string>("--postcode") { Description = "Postcode, e.g. 1234 AB.", Required = true };
var country = new Option<string>("--country") { Description = "Country (ISO alpha-2).", DefaultValueFactory = _ => "NL" };
var street = new Option<string>("--street") { Description = "Street.", Required = true };
var houseNumber = new Option<string>("--house-number") { Description = "House number.", Required = true };
var city = new Option<string>("--city") { Description = "City.", Required = true };
var contact = new Option<string>("--contact") { Description = "Contact person.", Required = true };
var phone = new Option<string?>("--phone") { Description = "Phone (optional)." };
var email = new Option<string>("--email") { Description = "E-mail address (used to confirm the account).", Required = true };
var password = new Option<string>("--password") { Description = "The one-time password from the e-mail.", Required = true };

var demo = new Command("demo", "Walk the seed's stories S1–S7 and S9 end to end on the embedded server, without input.");
demo.SetAction(async (parse, ct) =>
{
    var output = OutputFor(parse);
    try
    {
        var global = Global(parse, output.Texts);
        return global.Server is not null
            ? output.Error("demo", output.Texts.DemoNeedsEmbeddedServer)
            : await new Demo(global, output).RunAsync(ct).ConfigureAwait(false);
    }
    catch (Exception ex) when (ex is UserMessageException or IOException or UnauthorizedAccessException)
    {
        return output.Error("demo", ex);
    }
});

var register = new Command("register", "Register a new company (S2); a one-time password is e-mailed.") { company, postcode, country, street, houseNumber, city, contact, phone, email };
register.SetAction((parse, ct) => WithSessionAsync(parse, "register", (session, output) => Commands.RegisterAsync(session, output, new CompanyRegistration
{
    CompanyName = parse.GetValue(company)!,
    Postcode = parse.GetValue(postcode)!,
    Country = parse.GetValue(country)!,
    Street = parse.GetValue(street)!,
    HouseNumber = parse.GetValue(houseNumber)!,
    City = parse.GetValue(city)!,
    ContactName = parse.GetValue(contact)!,
    Phone = parse.GetValue(phone),
    Email = parse.GetValue(email)!,
}, ct), ct));

var label = new Option<string?>("--label") { Description = "A name for this computer, e.g. Kantoor-PC (typed by you; never read from the computer)." };
var release = new Option<string?>("--release") { Description = "With every seat taken: the id (ins_…) of the installation whose seat this computer takes." };
var licenses = new Option<string[]>("--license") { Description = "With an account of several companies: the license id (lic_…) of a company to bring to this computer; repeatable.", AllowMultipleArgumentsPerToken = false };
var confirm = new Command("confirm", "Confirm the account with the one-time password from the e-mail (S2, S4, S8, S9).") { email, password, label, release, licenses };
confirm.SetAction((parse, ct) => WithSessionAsync(parse, "confirm", (session, output) => Commands.ConfirmAsync(
    session, output, parse.GetValue(email)!, parse.GetValue(password)!, new SeatChoice
    {
        Label = parse.GetValue(label),
        ReleaseInstallationId = parse.GetValue(release),
        LicenseIds = parse.GetValue(licenses) is { Length: > 0 } chosen ? chosen : null,
    }, ct), ct));

var releaseInstallation = new Option<string?>("--release") { Description = "Release the installation with this id (ins_…): it drops to read-only at its next start." };
var renameInstallation = new Option<string?>("--rename") { Description = "Give the installation with this id (ins_…) the name in --label." };
var installations = new Command("installations", "The computers using this license (S8): list, release one, or rename one. With a terminal and no option: the screen.")
{
    releaseInstallation, renameInstallation, label,
};
installations.SetAction((parse, ct) => WithSessionAsync(parse, "installations", (session, output) =>
    !Console.IsInputRedirected && !Console.IsOutputRedirected && !parse.GetValue(json) && parse.GetValue(releaseInstallation) is null && parse.GetValue(renameInstallation) is null
        ? new Interactive(session, output, Path.GetFullPath(parse.GetValue(dataDir)!)).InstallationsAsync(ct)
        : Commands.InstallationsAsync(session, output, parse.GetValue(releaseInstallation), parse.GetValue(renameInstallation), parse.GetValue(label), ct), ct));

var selectCompany = new Option<string?>("--select") { Description = "Work from now on in the company with this license id (lic_…)." };
var removeCompany = new Option<string?>("--remove") { Description = "Remove the company with this license id (lic_…) from this computer; its seat is freed." };
var companies = new Command("companies", "The companies on this computer (S9), each with its license state; --select switches, --remove removes one from this computer.")
{
    selectCompany, removeCompany,
};
companies.SetAction((parse, ct) => WithSessionAsync(parse, "companies", (session, output) =>
    Commands.CompaniesAsync(session, output, parse.GetValue(selectCompany), parse.GetValue(removeCompany), ct), ct));

var recover = new Command("recover", "Existing company on this computer (S4): a new one-time password is e-mailed.") { email };
recover.SetAction((parse, ct) => WithSessionAsync(parse, "recover", (session, output) => Commands.RecoverAsync(session, output, parse.GetValue(email)!, ct), ct));

var status = new Command("status", "Check the license (S5): exit 0 when the app may run normally, 3 when it must be read-only.");
status.SetAction((parse, ct) => WithSessionAsync(parse, "status", (session, output) => Commands.StatusAsync(session, output, ct), ct));

var profile = new Command("profile", "Show the registered company (S6); its address is the invoice address.");
profile.SetAction((parse, ct) => WithSessionAsync(parse, "profile", (session, output) => Commands.ProfileAsync(session, output, ct), ct));

// For the test that every SDK field code has a text in both languages: the texts, as JSON. Not in --help.
var fieldTexts = new Command("field-texts", "Write the text of every field code in Dutch and English, as JSON.") { Hidden = true };
fieldTexts.SetAction(_ =>
{
    Console.WriteLine(Commands.FieldTexts());
    return ExitCodes.Success;
});

foreach (var command in new[] { demo, register, confirm, recover, status, profile, installations, companies, fieldTexts })
{
    root.Subcommands.Add(command);
}

root.SetAction(async (parse, ct) =>
{
    if (Console.IsInputRedirected || parse.GetValue(json))
    {
        Console.Error.WriteLine(Faktum.Factuur.Texts.Texts.For(parse.GetValue(language)).NoCommandWithoutTerminal);
        return ExitCodes.Error;
    }

    return await WithSessionAsync(parse, "interactive", (session, o) => new Interactive(session, o, Path.GetFullPath(parse.GetValue(dataDir)!)).RunAsync(ct), ct).ConfigureAwait(false);
});

// Ctrl-C cancels the command's token; every prompt and call honours it, the session stops the embedded server, and the
// program ends with 130 (128 + SIGINT). The timeout only bounds how long that clean ending may take.
// --help and parse errors in the chosen language (Dutch by default).
var commandLineTexts = Faktum.Factuur.Texts.Texts.For(LocalizedCommandLine.Language(args));
LocalizedCommandLine.Apply(root, commandLineTexts);
var parsed = root.Parse(args);
if (LocalizedCommandLine.ReportErrors(parsed, commandLineTexts))
{
    return ExitCodes.Error;
}

return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) }).ConfigureAwait(false);

// The program's log (DATA-DIR/factuur.log) takes what is not for the screen: the server's and the SDK's own words.
Output OutputFor(ParseResult parse) => new(
    Faktum.Factuur.Texts.Texts.For(parse.GetValue(language)),
    parse.GetValue(json),
    new SampleLog(Path.Combine(Path.GetFullPath(parse.GetValue(dataDir)!), SampleLog.FileName)));

GlobalSettings Global(ParseResult parse, Faktum.Factuur.Texts.Texts texts)
{
    var keys = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (var pair in parse.GetValue(trustedKeys) ?? [])
    {
        var split = pair.Split('=', 2);
        if (split.Length != 2 || split[0].Length == 0 || split[1].Length == 0)
        {
            throw new UserMessageException(texts.BadTrustedKey(pair));
        }

        keys[split[0]] = split[1];
    }

    Uri? serverUrl = null;
    if (parse.GetValue(server) is { } url && (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out serverUrl) || serverUrl.Scheme is not ("https" or "http")))
    {
        throw new UserMessageException(texts.BadServerUrl(url));
    }

    return new GlobalSettings(serverUrl, Path.GetFullPath(parse.GetValue(dataDir)!), Path.GetFullPath(parse.GetValue(serverData)!), keys, parse.GetValue(appVersion), parse.GetValue(channel)!, parse.GetValue(language)!, parse.GetValue(json));
}

async Task<int> WithSessionAsync(ParseResult parse, string name, Func<Session, Output, Task<int>> run, CancellationToken ct)
{
    var output = OutputFor(parse);
    try
    {
        var global = Global(parse, output.Texts);
        var session = await Session.OpenAsync(global, output, ct).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            return await run(session, output).ConfigureAwait(false);
        }
    }
    catch (OperationCanceledException) when (ct.IsCancellationRequested)
    {
        // Ctrl-C: the session (and its embedded server) is already disposed; the SDK writes its state atomically.
        Console.Error.WriteLine();
        Console.Error.WriteLine(output.Texts.Interrupted);
        return ExitCodes.Interrupted;
    }
    catch (Exception ex) when (ex is UserMessageException or InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException or HttpRequestException or TimeoutException or Microsoft.Extensions.Options.OptionsValidationException)
    {
        return output.Error(name, ex);
    }
}
