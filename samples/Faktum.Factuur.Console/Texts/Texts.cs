using Faktum.Licensing;

namespace Faktum.Factuur.Texts;

/// <summary>Every text the sample shows, one subclass per language (<see cref="DutchTexts"/> is the default).</summary>
internal abstract class Texts
{
    public static Texts For(string? language) =>
        string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? new EnglishTexts() : new DutchTexts();

    public abstract string Language { get; }

    // Screens (the seed's order).
    public abstract string ProgramTitle { get; }
    public abstract string RegistrationTitle { get; }
    public abstract string RegistrationIntro { get; }
    public abstract string EveryStartNotice { get; }
    public abstract string ChooseTitle { get; }
    public abstract string ChooseExisting { get; }
    public abstract string ChooseNew { get; }
    public abstract string OneLicensePerCompany { get; }
    public abstract string PersonalDetailsTitle { get; }
    public abstract string CompanyDetailsTitle { get; }
    public abstract string ContactName { get; }
    public abstract string Phone { get; }
    public abstract string Email { get; }
    public abstract string EmailWarning { get; }
    public abstract string CompanyName { get; }
    public abstract string CompanyNameWarning { get; }
    public abstract string Postcode { get; }
    public abstract string Street { get; }
    public abstract string HouseNumber { get; }
    public abstract string City { get; }
    public abstract string Country { get; }
    public abstract string AddressWarning { get; }
    public abstract string Optional { get; }
    public abstract string CheckDetails { get; }
    public abstract string ExistingTitle { get; }
    public abstract string ExistingIntro { get; }
    public abstract string PasswordTitle { get; }
    public abstract string Password { get; }
    public abstract string FinishedTitle { get; }
    public abstract string Finished { get; }
    public abstract string NextStep { get; }
    public abstract string Cancelled { get; }
    public abstract string Interrupted { get; }

    // The interactive screens (Interactive.cs).
    public abstract string Checking { get; }
    public abstract string Sending { get; }
    public abstract string Registering { get; }
    public abstract string Confirming { get; }
    public abstract string StartTitle(LicenseState state);
    public abstract string CarryOn { get; }
    public abstract string ReadOnlyTitle { get; }
    public abstract string WhatToDo(LicenseState state);
    public abstract string DataStaysReadable { get; }
    public abstract string WhatNow { get; }
    public abstract string RecoverHere { get; }
    public abstract string Quit { get; }
    public abstract string ChooseQuestion { get; }
    public abstract string KeywordsHint { get; }
    public abstract string SummaryTitle { get; }
    public abstract string RegisterNow { get; }
    public abstract string ChangeDetails { get; }
    public abstract string CancelChoice { get; }
    public abstract string BackChoice { get; }
    public abstract string WhichField { get; }
    public abstract string UseExisting { get; }
    public abstract string MailSent(string email, bool registration);
    public abstract string ResumePassword(string email);
    public abstract string PasswordHint { get; }
    public abstract string WelcomeBackTitle { get; }

    /// <summary>The words typed at a prompt to go back, to stop, or (at the password) to ask for a new password.</summary>
    protected abstract IReadOnlyList<string> BackWords { get; }
    protected abstract IReadOnlyList<string> CancelWords { get; }
    protected abstract IReadOnlyList<string> NewPasswordWords { get; }

    public bool IsBack(string value) => BackWords.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);
    public bool IsCancel(string value) => CancelWords.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);
    public bool IsNewPassword(string value) => NewPasswordWords.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Update news only when there is something to say (none when up to date or when there is no decision).</summary>
    public string? UpdateNews(Faktum.Licensing.Updates.UpdateDecision? decision) =>
        decision is null || decision.Kind == Faktum.Licensing.Updates.UpdateDecisionKind.UpToDate ? null : Updates(decision);

    /// <summary>Why a value is refused, at its field: the rule, in this language.</summary>
    public string Problem(Screens.Field field, Screens.FieldProblem problem, string country) => problem switch
    {
        Screens.FieldProblem.Required => RequiredField,
        Screens.FieldProblem.TooLong => TooLong(Screens.FieldRules.MaxLength(field)),
        Screens.FieldProblem.InvisibleCharacters => InvisibleCharacters,
        Screens.FieldProblem.MixedScript => MixedScript,
        Screens.FieldProblem.AlreadyRegistered => AlreadyRegistered,
        Screens.FieldProblem.RefusedByServer => $"{ServerRefused} {Rule(field, country)}",
        _ => Rule(field, country),
    };

    public abstract string RequiredField { get; }
    public abstract string TooLong(int maxLength);
    public abstract string InvisibleCharacters { get; }
    public abstract string MixedScript { get; }
    public abstract string ServerRefused { get; }
    public abstract string AlreadyRegistered { get; }

    /// <summary>The rule of a field, said as a fix ("A Dutch postcode is four digits and two letters, like 1234 AB.").</summary>
    public abstract string Rule(Screens.Field field, string country);

    public string FieldLabel(Screens.Field field) => field switch
    {
        Screens.Field.ContactName => ContactName,
        Screens.Field.Phone => Phone,
        Screens.Field.Email => Email,
        Screens.Field.CompanyName => CompanyName,
        Screens.Field.Country => Country,
        Screens.Field.Postcode => Postcode,
        Screens.Field.Street => Street,
        Screens.Field.HouseNumber => HouseNumber,
        _ => City,
    };

    // The command line (--help and parse errors, LocalizedCommandLine.cs).
    /// <summary>The description of a command or option (by name; "" is the program) in this language; null keeps the code's English.</summary>
    public virtual string? CommandLineHelp(string name) => null;
    public abstract string HelpDescription { get; }
    public abstract string HelpUsage { get; }
    public abstract string HelpUsageLine { get; }
    public abstract string HelpUsageOptions { get; }
    public abstract string HelpOptions { get; }
    public abstract string HelpCommands { get; }
    public abstract string UnknownToken(string token);
    public abstract string MissingOption(string name);
    public abstract string BadOptionValue(string name);
    public abstract string BadCommandLine { get; }
    public abstract string SeeHelp { get; }

    // Results of the commands.
    public abstract string Registered { get; }
    public abstract string PasswordRequested { get; }
    public abstract string Confirmed { get; }
    public abstract string NoProfile { get; }
    public abstract string InvoiceAddress { get; }
    public abstract string LicenseStatusTitle { get; }
    public abstract string ServerStarted(Uri address);
    public abstract string MailFolder(string folder);
    public abstract string Updates(Faktum.Licensing.Updates.UpdateDecision? decision);

    // The demo (S1–S7).
    public abstract string DemoTitle { get; }
    public abstract string DemoStep(string id);
    public abstract string DemoPassed { get; }
    public abstract string DemoFailed { get; }

    // Seats (S8): the installations screen and command, and the seat choice at confirmation.
    public abstract string InstallationsTitle { get; }
    public abstract string SeatsSummary(int seats, int used, int movesLeft, DateTimeOffset? nextMoveAt);
    public abstract string ThisComputer { get; }
    public abstract string NoLabel { get; }
    public abstract string NeverSeen { get; }
    public abstract string LabelColumn { get; }
    public abstract string FirstSeenColumn { get; }
    public abstract string LastSeenColumn { get; }
    public abstract string VersionColumn { get; }
    public abstract string ReleaseOne { get; }
    public abstract string RenameOne { get; }
    public abstract string Which { get; }
    public abstract string NewLabel { get; }
    public abstract string Released(string label);
    public abstract string Renamed(string label);
    public abstract string SeatsFullTitle { get; }
    public abstract string SeatsFullIntro { get; }
    public abstract string ReleaseWhich { get; }
    public abstract string ComputerLabel { get; }
    public abstract string NextMove(DateTimeOffset at);
    public abstract string SeatsFullOf(string companyName);

    // Companies (S9): the companies on this computer, switching, adding (the same e-mail), choosing at recovery, removing.
    public abstract string CompaniesTitle { get; }
    public abstract string Removing { get; }
    public abstract string CurrentCompany { get; }
    public abstract string NoCompanies { get; }
    public abstract string RemoveCompany { get; }
    public abstract string RemoveWhich { get; }
    public abstract string RemoveQuestion(string companyName);
    public abstract string RemoveYes { get; }
    public abstract string RemoveNo { get; }
    public abstract string Removed(string companyName);
    public abstract string ChooseCompaniesTitle { get; }
    public abstract string ChooseCompaniesIntro { get; }
    public abstract string ChooseCompaniesHint { get; }
    public abstract string OnThisComputer { get; }
    public abstract string NoneChosen { get; }
    public abstract string OtherCompany { get; }

    /// <summary>A company's state in a few words, for its line in the list of companies ("Proeflicentie: nog 30 dagen", "Alleen lezen: verhuisd").</summary>
    public abstract string ShortState(LicenseStatus status);

    /// <summary>How a company on this computer is named in a list: name, postcode and city.</summary>
    public static string Describe(CompanyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return $"{profile.Name}, {profile.Postcode} {profile.City}";
    }

    /// <summary>A company's line in the list of companies: its name and place, its state, and whether it is the current one.</summary>
    public string Describe(CompanyLicense company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var line = $"{Describe(company.Profile)} — {ShortState(company.Status)}";
        return company.IsCurrent ? $"{line} ({CurrentCompany})" : line;
    }

    /// <summary>A company of the account at a recovery's choice: name and place, and "already on this computer" when it is.</summary>
    public string Describe(AccountCompany company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var line = $"{company.Name}, {company.Postcode} {company.City}";
        return company.IsOnThisInstallation ? $"{line} ({OnThisComputer})" : line;
    }

    /// <summary>How an installation is named in a list: its label (or "no name"), and "this computer" for this one.</summary>
    public string Describe(LicensedInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var name = installation.Label ?? NoLabel;
        var seen = installation.LastSeen is { } last ? $"{LastSeenColumn.ToLowerInvariant()} {last.ToLocalTime():yyyy-MM-dd HH:mm}" : NeverSeen;
        return installation.IsThisInstallation ? $"{name} ({ThisComputer}, {seen})" : $"{name} ({seen})";
    }

    /// <summary>A clear sentence for each license state (what the user may do now).</summary>
    public abstract string State(LicenseStatus status);

    /// <summary>A clear sentence for each failure the SDK can return.</summary>
    public abstract string Failure(LicensingFailure failure);

    public abstract string Error { get; }

    // Parts of an explained failure, mapped from the SDK's typed result (never the server's own words).
    /// <summary>The label of a field the server named (its JSON path, e.g. <c>company.postcode</c>).</summary>
    public abstract string FieldLabel(string field);
    public abstract string FieldInvalid { get; }
    public abstract string RetryIn(TimeSpan wait);
    public abstract string DetailsInLog(string path);

    // Errors that are not SDK results.
    public abstract string NoCommandWithoutTerminal { get; }
    public abstract string DemoNeedsEmbeddedServer { get; }
    public abstract string BadTrustedKey(string value);
    public abstract string BadServerUrl(string value);
    public abstract string ServerNeedsTrustedKey { get; }
    public abstract string EmbeddedServerFailed { get; }
    public abstract string ReleaseToolFailed { get; }
    public abstract string InvalidSettings { get; }
    public abstract string DataFolderUnavailable { get; }
    public abstract string Unexpected { get; }
    public abstract string RegisteredTwice { get; }

    /// <summary>
    /// Explains a failed SDK call in this language, from its typed parts only: the <see cref="LicensingFailure"/>, the names of the
    /// fields the server refused, and how long to wait. The server's own (English) detail and field messages go to the log.
    /// </summary>
    public IReadOnlyList<string> Explain(SdkFailure failure)
    {
        var lines = new List<string> { Failure(failure.Failure) };
        if (failure.Failure == LicensingFailure.RateLimited && failure.RetryAfter is { } wait && wait > TimeSpan.Zero)
        {
            lines[0] = $"{lines[0]} {RetryIn(wait)}";
        }

        if (failure.Failure == LicensingFailure.MoveBudgetExhausted && failure.NextMoveAt is { } next)
        {
            lines[0] = $"{lines[0]} {NextMove(next)}";
        }

        foreach (var label in failure.FieldErrors.Keys.Select(FieldLabel).Distinct(StringComparer.Ordinal))
        {
            lines.Add($"{label}: {FieldInvalid}");
        }

        return lines;
    }

    /// <summary>Explains an exception in this language; its own message (English or technical) goes to the log.</summary>
    public string Explain(Exception exception) => exception switch
    {
        UserMessageException user => user.Message,
        EmbeddedServerException => EmbeddedServerFailed,
        Microsoft.Extensions.Options.OptionsValidationException => InvalidSettings,
        IOException or UnauthorizedAccessException => DataFolderUnavailable,
        HttpRequestException or TimeoutException => Failure(LicensingFailure.ServerUnreachable),
        _ => Unexpected,
    };

    /// <summary>The last part of a field's JSON path ("company.postcode" → "postcode"; "contact.name" stays whole).</summary>
    protected static string FieldKey(string field) =>
        field.StartsWith("contact.", StringComparison.Ordinal) && field.Length > 8 ? "contact" + char.ToUpperInvariant(field[8]) + field[9..]
        : field.LastIndexOf('.') is var dot and >= 0 ? field[(dot + 1)..]
        : field;
}
