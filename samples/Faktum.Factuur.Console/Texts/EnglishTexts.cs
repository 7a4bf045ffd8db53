using Faktum.Licensing;
using Faktum.Licensing.Updates;

namespace Faktum.Factuur.Texts;

/// <summary>English (with <c>--lang en</c>).</summary>
internal sealed class EnglishTexts : Texts
{
    public override string Language => "en";
    public override string ProgramTitle => "Faktum Factuur — invoicing program";
    public override string RegistrationTitle => "Registration — Registering your company with Faktum Factuur";
    public override string RegistrationIntro => "With your details a user account is created for you, and also a free trial license. The license is tied to the company name and the postcode.";
    public override string EveryStartNotice => "Every time the program starts it makes one connection to the Faktum Factuur server to check your license and whether there are updates. (No other data is exchanged.)";
    public override string ChooseTitle => "Invoicing software installation — Registration";
    public override string ChooseExisting => "Use an existing (already registered) company/account";
    public override string ChooseNew => "Register a new company";
    public override string OneLicensePerCompany => "NOTE: you can use only one license per company.";
    public override string PersonalDetailsTitle => "Personal details";
    public override string CompanyDetailsTitle => "New company — company details";
    public override string ContactName => "Contact person";
    public override string Phone => "Phone";
    public override string Email => "E-mail address";
    public override string EmailWarning => "NOTE: use a valid e-mail address. Your e-mail address is used to confirm your account and for all further communication with Faktum Factuur.";
    public override string CompanyName => "Company name";
    public override string CompanyNameWarning => "NOTE: please enter the correct company name. It cannot be changed later.";
    public override string Postcode => "Postcode";
    public override string Street => "Street";
    public override string HouseNumber => "House number";
    public override string City => "City";
    public override string Country => "Country";
    public override string AddressWarning => "NOTE: use a valid address. The program automatically uses this address as your invoice address.";
    public override string Optional => "(optional)";
    public override string CheckDetails => "Are these details correct?";
    public override string ExistingTitle => "Existing company/account";
    public override string ExistingIntro => "Do you have to register again, for example because the program was removed or you want to use Faktum Factuur on another computer? Enter your e-mail address and you will receive a new password. Once you have confirmed your identity with it, you can simply carry on.";
    public override string PasswordTitle => "Confirm your account";
    public override string Password => "Password from the e-mail";
    public override string FinishedTitle => "Invoicing program — New company";
    public override string Finished => "You have now finished installing the Faktum Factuur invoicing program.\nBefore you can create your first invoice you first have to adjust a number of settings and enter some details.";
    public override string NextStep => "Next step: add your company details";
    public override string Interrupted => "Stopped with Ctrl-C. The embedded license server is stopped; nothing was half-saved.";
    public override string Cancelled => "Cancelled.";

    public override string Checking => "Checking the license…";
    public override string Sending => "Asking for an e-mail with a password…";
    public override string Registering => "Registering the company…";
    public override string Confirming => "Checking the password…";
    public override string StartTitle(LicenseState state) => state switch
    {
        LicenseState.Trial => "Faktum Factuur — trial license",
        LicenseState.OfflineGrace => "Faktum Factuur — offline",
        _ => "Faktum Factuur — licensed",
    };
    public override string CarryOn => "You can carry on working.";
    public override string ReadOnlyTitle => "Faktum Factuur — read-only";
    public override string WhatToDo(LicenseState state) => state switch
    {
        LicenseState.MovedToAnotherInstallation => "What now? If you work on this computer from now on, choose 'Carry on here': you receive a new password by e-mail and the license moves back to this computer.",
        LicenseState.Duplicated => "What now? If you work on this computer, choose 'Carry on here': you receive a new password by e-mail and the license holds on this computer again. The copy on the other computer stays read-only.",
        LicenseState.Invalid => "What now? Choose 'Carry on here': you receive a new password by e-mail and fetch the license again with it.",
        LicenseState.Suspended => "What now? Contact the vendor of Faktum Factuur; once the suspension is lifted, the program works normally again at its next start.",
        LicenseState.Revoked => "What now? Contact the vendor of Faktum Factuur if you think this is wrong.",
        LicenseState.TrialExpired => "What now? Buy a license from the vendor of Faktum Factuur; the program then works normally again at its next start.",
        LicenseState.Expired => "What now? Renew your license with the vendor of Faktum Factuur; the program then works normally again at its next start.",
        LicenseState.OfflineGraceExpired => "What now? Connect to the internet and start the program again.",
        LicenseState.ClockRolledBack => "What now? Set this computer's date and time right and start the program again.",
        _ => "What now? Start the program again later; if this stays, contact the vendor.",
    };
    public override string DataStaysReadable => "Your data is kept: you can view, print and export it.";
    public override string WhatNow => "What do you want to do?";
    public override string RecoverHere => "Carry on here (new password by e-mail)";
    public override string Quit => "Quit";
    public override string ChooseQuestion => "Choose with the arrow keys and Enter:";
    public override string KeywordsHint => "Type 'back' to go back a step or 'cancel' to stop.";
    public override string SummaryTitle => "Check your details";
    public override string RegisterNow => "Yes, register the company";
    public override string ChangeDetails => "Change a detail";
    public override string CancelChoice => "Cancel";
    public override string BackChoice => "Back";
    public override string WhichField => "Which detail do you want to change?";
    public override string UseExisting => "Use the existing company (new password by e-mail)";
    public override string MailSent(string email, bool registration) => registration
        ? $"An e-mail with a one-time password (like ABCDE-FGHJK) was sent to {email}. It works for 30 minutes."
        : $"If {email} is known to us, an e-mail with a new one-time password (like ABCDE-FGHJK) has now been sent to it. It works for 30 minutes.";
    public override string ResumePassword(string email) => $"You were confirming your account. An e-mail with a one-time password was sent to {email}.";
    public override string PasswordHint => "Type the password from the e-mail, 'new' for a new password, or 'back' to go back.";
    public override string WelcomeBackTitle => "Invoicing program — Existing company";
    protected override IReadOnlyList<string> BackWords { get; } = ["back"];
    protected override IReadOnlyList<string> CancelWords { get; } = ["cancel", "stop"];
    protected override IReadOnlyList<string> NewPasswordWords { get; } = ["new", "new password"];
    public override string RequiredField => "This field is required.";
    public override string TooLong(int maxLength) => $"This field holds at most {maxLength} characters.";
    public override string InvisibleCharacters => "This field holds invisible or control characters; type it again.";
    public override string MixedScript => "The company name mixes letters of different scripts (Latin, Greek, Cyrillic); type it again in plain letters.";
    public override string AlreadyRegistered => "A company with this name and postcode is already registered.";
    public override string ServerRefused => "The license server refused this.";
    public override string Rule(Screens.Field field, string country) => field switch
    {
        Screens.Field.Email => "This is not a valid e-mail address; an e-mail address looks like name@company.com.",
        Screens.Field.Postcode when country == "NL" => "A Dutch postcode is four digits and two letters, like 1234 AB.",
        Screens.Field.Postcode => $"This postcode does not fit the country {country}.",
        Screens.Field.Country => "Give the country as its two-letter code, like NL, BE or DE.",
        Screens.Field.Phone => "A phone number holds digits, spaces and + - ( ) only.",
        Screens.Field.HouseNumber => "A house number holds letters, digits, spaces, - and / only, like 12a.",
        Screens.Field.CompanyName => "A company name is more than punctuation or a legal form alone (like B.V.).",
        _ => "Use letters, digits, spaces and . , ' - / ( ) & only.",
    };

    public override string HelpDescription => "Description:";
    public override string HelpUsage => "Usage:";
    public override string HelpUsageLine => "[command] [options]";
    public override string HelpUsageOptions => "[options]";
    public override string HelpOptions => "Options:";
    public override string HelpCommands => "Commands:";
    public override string UnknownToken(string token) => $"Unknown command or option '{token}'.";
    public override string MissingOption(string name) => $"The option {name} is required.";
    public override string BadOptionValue(string name) => $"The value of {name} is not valid.";
    public override string BadCommandLine => "The command line is not valid.";
    public override string SeeHelp => "See --help.";

    public override string Registered => "Your company is registered. You will receive an e-mail with a one-time password; confirm your account with it (confirm).";
    public override string PasswordRequested => "If this e-mail address is known to us, you will receive an e-mail with a new one-time password.";
    public override string Confirmed => "Your account is confirmed and the license is on this computer.";
    public override string NoProfile => "There are no company details on this computer yet: register your company or use an existing company first.";
    public override string InvoiceAddress => "Invoice address";
    public override string LicenseStatusTitle => "License";
    public override string ServerStarted(Uri address) => $"Embedded license server started at {address}";
    public override string MailFolder(string folder) => $"The embedded server's e-mails are in {folder}";
    public override string Updates(UpdateDecision? decision) => decision switch
    {
        null => "Updates: no signed update decision (offline, or no release key configured).",
        { Kind: UpdateDecisionKind.UpToDate } => "Updates: you run the newest version.",
        { Kind: UpdateDecisionKind.UpdateAvailable, Release: { } r } => $"Update available: version {r.Version} ({r.NotesUrl}).",
        { Kind: UpdateDecisionKind.UpdateRequired, Release: { } r } => $"Update required: install version {r.Version} ({r.NotesUrl}).",
        { Kind: UpdateDecisionKind.UpdateNotEntitled, NewestRelease: { } n } => $"Version {n.Version} is beyond your update entitlement{(decision.Release is { } r ? $"; you may update to version {r.Version}" : string.Empty)}.",
        { Kind: UpdateDecisionKind.InstalledVersionWithdrawn } => $"Your version was withdrawn{(decision.Release is { } r ? $"; install version {r.Version}" : string.Empty)}.",
        _ => $"Updates: {decision.Kind}.",
    };

    public override string DemoTitle => "Demo: the Faktum Factuur registration screens, end to end (S1–S7)";
    public override string DemoStep(string id) => id switch
    {
        "server" => "Start the embedded license server",
        "register" => "S2 Register a new company: Bakkerij Jansen B.V., 1234 AB",
        "mail" => "S2 Read the one-time password from the e-mail",
        "confirm" => "S2 Confirm the account with the password: trial license received",
        "status" => "S5/S7 Next start: check the license (trial, days left)",
        "profile" => "S6 Company profile: the address is the invoice address",
        "recover" => "S4 Second computer: existing company, new password by e-mail",
        "recover-confirm" => "S4 Second computer: confirm identity, license received",
        "moved" => "S4 First computer: learns at its next start that the license moved",
        "duplicate" => "S3 Register the same company again (\"bakkerij  jansen bv\", 1234ab): refused",
        "updates" => "S5 Look for updates",
        "second-company" => "S9 Register a second company under the same e-mail address: Jansen Catering, 3811 AB Amersfoort",
        "companies" => "S9 The first computer restarts: both companies, each with its own trial days",
        "company-choice" => "S9 Second computer: the password belongs to an account with two companies: choose",
        "still-licensed" => "S9 First computer: the other company stays licensed",
        _ => id,
    };
    public override string DemoPassed => "Every step behaved as the registration guide describes.";
    public override string DemoFailed => "Not every step behaved as expected.";

    public override string State(LicenseStatus status) => status.State switch
    {
        LicenseState.Licensed => "Your license is valid.",
        LicenseState.Trial => $"Trial license: {status.DaysLeft} {(status.DaysLeft == 1 ? "day" : "days")} left.",
        LicenseState.TrialExpired => "Your trial has ended. You can still view, print and export your data (read-only).",
        LicenseState.Expired => "Your license has expired. You can still view, print and export your data (read-only).",
        LicenseState.Suspended => "Your license is suspended. Please contact Faktum. Your data stays readable (read-only).",
        LicenseState.Revoked => "Your license has been revoked. Please contact Faktum. Your data stays readable (read-only).",
        LicenseState.MovedToAnotherInstallation => "Your license has moved to another computer. To work here, choose 'existing company'. Until then: read-only.",
        LicenseState.Duplicated => "This program folder is in use on two computers at once (a copy, a restored backup or a cloned computer). Until you recover the license on the computer you use: read-only.",
        LicenseState.NotRegistered => "There is no license on this computer yet: register your company or choose 'existing company'.",
        LicenseState.OfflineGrace => $"The license server cannot be reached. You can keep working offline for {status.DaysLeft} more {(status.DaysLeft == 1 ? "day" : "days")}.",
        LicenseState.OfflineGraceExpired => "You have been offline too long: connect to the internet so your license can be checked. Until then: read-only.",
        LicenseState.ClockRolledBack => "This computer's clock is behind. Please correct the date and time. Until then: read-only.",
        LicenseState.Invalid => "The license on this computer is not valid. Choose 'existing company' to fetch it again. Until then: read-only.",
        LicenseState.NotChecked => "The license has not been checked yet.",
        _ => "The license status is unknown.",
    };

    public override string Failure(LicensingFailure failure) => failure switch
    {
        LicensingFailure.InvalidInput => "Not every field is filled in correctly.",
        LicensingFailure.CompanyAlreadyRegistered => "This company already holds a license (one license per company). Choose 'existing company' and ask for a new password.",
        LicensingFailure.OneTimePasswordInvalid => "The password is wrong, expired or already used.",
        LicensingFailure.TooManyAttempts => "Too many wrong passwords: this password no longer works. Ask for a new one.",
        LicensingFailure.CompanyNameImmutable => "The company name cannot be changed.",
        LicensingFailure.NotRegistered => "There is no license on this computer yet: register your company or choose 'existing company' first.",
        LicensingFailure.LicenseRejected => "The server refused this computer's license. Choose 'existing company' to fetch it again.",
        LicensingFailure.RateLimited => "Too many attempts in a row. Please wait a moment and try again.",
        LicensingFailure.ServerUnreachable => "The license server cannot be reached. Check your internet connection and try again later.",
        LicensingFailure.InvalidResponse => "The license server's answer was unusable or not correctly signed.",
        LicensingFailure.RequestRejected => "The license server refused the request.",
        LicensingFailure.SeatsFull => "All seats of this license are taken: choose which computer gives up its seat.",
        LicensingFailure.MoveBudgetExhausted => "This license has moved to another computer too often lately. Your e-mail address is confirmed, but the license stays where it is.",
        LicensingFailure.LocalStateUnavailable => "The license data on this computer could not be read or written. Check the folder and its permissions.",
        LicensingFailure.CompanyChoiceRequired => "This e-mail address has several companies: choose which ones to use on this computer.",
        LicensingFailure.CompanyNotOnInstallation => "This company is not on this computer.",
        _ => "The license server gave an unexpected answer.",
    };

    public override string Error => "Error";

    public override string FieldLabel(string field) => FieldKey(field) switch
    {
        "name" => CompanyName,
        "postcode" => Postcode,
        "country" => "Country",
        "street" => Street,
        "houseNumber" => HouseNumber,
        "city" => City,
        "contactName" => ContactName,
        "contactPhone" or "phone" => Phone,
        "email" => Email,
        "oneTimePassword" => "Password",
        "company" => "Company details",
        _ => "Data of the program itself",
    };

    public override string FieldInvalid => "not filled in correctly.";
    public override string RetryIn(TimeSpan wait) => wait.TotalMinutes >= 1.5
        ? $"Please try again in {(int)Math.Ceiling(wait.TotalMinutes)} minutes."
        : $"Please try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds.";
    public override string DetailsInLog(string path) => $"Technical details for the help desk are in {path}.";

    public override string NoCommandWithoutTerminal => "No command given and no terminal: choose a command (demo, register, confirm, recover, status, profile, installations, companies). See --help.";
    public override string DemoNeedsEmbeddedServer => "The demo runs on the embedded license server (it reads the one-time passwords from its mail folder); leave out --server.";
    public override string BadTrustedKey(string value) => $"--trusted-key '{value}' is not KID=BASE64URL.";
    public override string BadServerUrl(string value) => $"--server '{value}' is not an absolute http(s) URL.";
    public override string ServerNeedsTrustedKey => "--server needs at least one --trusted-key KID=BASE64URL (the kid and x of a key in the server's /.well-known/jwks.json, or its 'keys export').";
    public override string EmbeddedServerFailed => "The embedded license server could not be started or did not answer.";
    public override string ReleaseToolFailed => "The release could not be signed or published.";
    public override string InvalidSettings => "The license settings are not valid (check --server and --trusted-key).";
    public override string DataFolderUnavailable => "The data folder could not be read or written. Check the folder (--data-dir) and its permissions.";
    public override string Unexpected => "Something went wrong unexpectedly.";
    public override string RegisteredTwice => "The same company was registered twice.";

    public override string InstallationsTitle => "Computers using this license";
    public override string SeatsSummary(int seats, int used, int movesLeft, DateTimeOffset? nextMoveAt) =>
        $"{used} of {seats} {(seats == 1 ? "seat" : "seats")} in use. {movesLeft} {(movesLeft == 1 ? "move" : "moves")} left"
        + (nextMoveAt is { } next ? $"; the next is possible from {When(next)}." : ".");
    public override string ThisComputer => "this computer";
    public override string NoLabel => "(no name)";
    public override string NeverSeen => "not seen yet";
    public override string LabelColumn => "Name";
    public override string FirstSeenColumn => "In use since";
    public override string LastSeenColumn => "Last seen";
    public override string VersionColumn => "Version";
    public override string ReleaseOne => "Release a computer (it then drops to read-only)";
    public override string RenameOne => "Rename a computer";
    public override string Which => "Which computer?";
    public override string NewLabel => "New name (empty: no name)";
    public override string Released(string label) => $"{label} is released. At its next start that computer sees that the license has moved.";
    public override string Renamed(string label) => $"The computer is now called {label}.";
    public override string SeatsFullTitle => "All seats are taken";
    public override string SeatsFullIntro => "Your password is right, but the license is in use on all its seats. Choose the computer that gives its seat to this one; it drops to read-only at its next start. Your data stays readable there.";
    public override string ReleaseWhich => "Which computer gives up its seat?";
    public override string ComputerLabel => "Name for this computer, for example Office-PC";
    public override string NextMove(DateTimeOffset at) => $"The next move is possible from {When(at)}; or ask the vendor for an extra move.";

    public override string SeatsFullOf(string companyName) => $"All seats of {companyName} are taken";

    public override string Removing => "Removing the company from this computer…";
    public override string CompaniesTitle => "Companies on this computer";
    public override string CurrentCompany => "current company";
    public override string NoCompanies => "There are no companies on this computer.";
    public override string RemoveCompany => "Remove a company from this computer";
    public override string RemoveWhich => "Which company do you want to remove from this computer?";
    public override string RemoveQuestion(string companyName) => $"Remove {companyName} from this computer? This computer's seat is freed; the license stays the company's, and you can bring it back later with 'existing company/account'.";
    public override string RemoveYes => "Yes, remove it from this computer";
    public override string RemoveNo => "No, keep it";
    public override string Removed(string companyName) => $"{companyName} is removed from this computer.";
    public override string ChooseCompaniesTitle => "Which companies do you want to use on this computer?";
    public override string ChooseCompaniesIntro => "This e-mail address has several companies. Each company has its own license and counts against its own seats.";
    public override string ChooseCompaniesHint => "(space: tick or untick, Enter: confirm)";
    public override string OnThisComputer => "already on this computer";
    public override string NoneChosen => "You did not choose a company.";
    public override string OtherCompany => "Companies on this computer (switch, add, remove)";
    public override string ShortState(LicenseStatus status) => status.State switch
    {
        LicenseState.Licensed => "Licensed",
        LicenseState.Trial => $"Trial license: {status.DaysLeft} {(status.DaysLeft == 1 ? "day" : "days")} left",
        LicenseState.OfflineGrace => $"Offline: {status.DaysLeft} {(status.DaysLeft == 1 ? "day" : "days")} left",
        LicenseState.MovedToAnotherInstallation => "Read-only: moved",
        LicenseState.Duplicated => "Read-only: on two computers at once",
        LicenseState.Suspended => "Read-only: suspended",
        LicenseState.Revoked => "Read-only: revoked",
        LicenseState.TrialExpired => "Read-only: trial ended",
        LicenseState.Expired => "Read-only: expired",
        LicenseState.OfflineGraceExpired => "Read-only: offline too long",
        LicenseState.ClockRolledBack => "Read-only: the clock is behind",
        LicenseState.Invalid => "Read-only: not valid",
        LicenseState.NotChecked => "Not checked yet",
        _ => "State unknown",
    };

    private static string When(DateTimeOffset at) => at.ToLocalTime().ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
