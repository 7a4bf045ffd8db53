using Faktum.Factuur.Screens;
using Faktum.Licensing;
using Spectre.Console;

namespace Faktum.Factuur;

/// <summary>
/// The seed's screens: the license status at every start (each state its own screen); for a first start the choice of
/// existing or new company, personal details first, company details with the seed's warnings, the one-time password from
/// the e-mail, and the closing screen of the path taken. Every screen has a way back ("terug") and out ("annuleren");
/// a refused value is asked again at its own field, with the reason; Ctrl-C ends the program at any prompt.
/// </summary>
internal sealed class Interactive(Session session, Output output, string dataDirectory)
{
    private static readonly Field[] PersonalFields = [Field.ContactName, Field.Phone, Field.Email];
    private static readonly Field[] CompanyFields = [Field.CompanyName, Field.Country, Field.Postcode, Field.Street, Field.HouseNumber, Field.City];
    private static readonly Field[] AllFields = [.. PersonalFields, .. CompanyFields];

    private readonly Terminal _ui = new(AnsiConsole.Console, output.Texts);

    /// <summary>The installations screen on its own (the <c>installations</c> command with a terminal).</summary>
    public Task<int> InstallationsAsync(CancellationToken cancellationToken) =>
        new InstallationsScreen(_ui, T, Licensing, output).RunAsync(cancellationToken);
    private readonly Dictionary<Field, string> _values = [];
    private bool _adds;

    /// <summary>How a screen ended: done (confirmed), back to the screen before, or cancelled by the user.</summary>
    private enum Flow
    {
        Done,
        Back,
        Cancel,
    }

    private Texts.Texts T => output.Texts;

    private IFaktumLicensing Licensing => session.Licensing;

    /// <summary>For tests of the server's own refusals: with FAKTUM_FACTUUR_SERVER_CHECKS_ONLY=1 the screens check nothing themselves.</summary>
    private static bool ServerChecksOnly => Environment.GetEnvironmentVariable("FAKTUM_FACTUUR_SERVER_CHECKS_ONLY") == "1";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        _ui.Title(T.ProgramTitle);

        // Every start (S5): one check; the state decides the screen.
        var status = await _ui.BusyAsync(T.Checking, () => Licensing.CheckAsync(cancellationToken)).ConfigureAwait(false);
        output.Log.Status("interactive", status);
        var pending = PendingConfirmation.Load(dataDirectory);
        if (pending is { AddsCompany: true })
        {
            return await ResumeAsync(pending, cancellationToken).ConfigureAwait(false);
        }

        // S9: with several companies, or one that runs, the first screen lists the companies on this computer.
        var companies = await Licensing.GetCompaniesAsync(cancellationToken).ConfigureAwait(false);
        if (companies.Succeeded && (companies.Value.Count > 1 || (companies.Value.Count == 1 && IsRunnable(status.State))))
        {
            PendingConfirmation.Clear(dataDirectory);
            return await CompaniesAsync(cancellationToken).ConfigureAwait(false);
        }

        switch (status.State)
        {
            case LicenseState.Licensed or LicenseState.Trial or LicenseState.OfflineGrace:
                PendingConfirmation.Clear(dataDirectory);
                await ShowRunningAsync(status, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            case LicenseState.NotRegistered or LicenseState.NotChecked:
                return pending is not null ? await ResumeAsync(pending, cancellationToken).ConfigureAwait(false) : await WizardAsync(cancellationToken).ConfigureAwait(false);
            default:
                return pending is not null && CanRecoverHere(status.State)
                    ? await ResumeAsync(pending, cancellationToken).ConfigureAwait(false)
                    : await ReadOnlyAsync(status, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRunnable(LicenseState state) => state is LicenseState.Licensed or LicenseState.Trial or LicenseState.OfflineGrace;

    /// <summary>
    /// The companies on this computer (S9): choosing one switches to it and shows its state's screen; "bestaand bedrijf/account"
    /// and "nieuw bedrijf" add a company (the other companies stay); a removal shows the list again.
    /// </summary>
    private async Task<int> CompaniesAsync(CancellationToken cancellationToken)
    {
        var screen = new CompaniesScreen(_ui, T, Licensing, output);
        while (true)
        {
            var choice = await screen.ChooseAsync(cancellationToken).ConfigureAwait(false);
            switch (choice.Action)
            {
                case CompanyAction.Company:
                    var selected = await Licensing.SelectCompanyAsync(choice.LicenseId!, cancellationToken).ConfigureAwait(false);
                    if (!selected.Succeeded)
                    {
                        ShowFailure("select", SdkFailure.From(selected));
                        continue;
                    }

                    if (!IsRunnable(selected.Value.State))
                    {
                        return await ReadOnlyAsync(selected.Value, cancellationToken).ConfigureAwait(false);
                    }

                    await ShowRunningAsync(selected.Value, cancellationToken).ConfigureAwait(false);
                    return ExitCodes.Success;
                case CompanyAction.None:
                    return await WizardAsync(cancellationToken).ConfigureAwait(false);
                case CompanyAction.Quit:
                    return IsRunnable(Licensing.Current.State) ? ExitCodes.Success : ExitCodes.NotRunnable;
            }

            // Adding a company: an existing one by e-mail, or a new one, with the current company's contact details filled in.
            var flow = choice.Action == CompanyAction.Existing
                ? await ExistingAsync((await Licensing.GetCompanyProfileAsync(cancellationToken).ConfigureAwait(false))?.Email, null, cancellationToken).ConfigureAwait(false)
                : await NewCompanyAsync(await FillContactDetailsAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            switch (flow)
            {
                case Flow.Done:
                    return ExitCodes.Success;
                case Flow.Cancel:
                    return Cancel();
            }
        }
    }

    /// <summary>The contact details of the current company, to fill in a new company's personal details (same person, same e-mail).</summary>
    private async Task<bool> FillContactDetailsAsync(CancellationToken cancellationToken)
    {
        if (await Licensing.GetCompanyProfileAsync(cancellationToken).ConfigureAwait(false) is not { } profile)
        {
            return false;
        }

        _values[Field.ContactName] = profile.ContactName;
        _values[Field.Email] = profile.Email;
        if (profile.Phone is { Length: > 0 } phone)
        {
            _values[Field.Phone] = phone;
        }

        return true;
    }

    private static bool CanRecoverHere(LicenseState state) => state is LicenseState.MovedToAnotherInstallation or LicenseState.Duplicated or LicenseState.Invalid;

    private async Task ShowRunningAsync(LicenseStatus status, CancellationToken cancellationToken)
    {
        _ui.Title(T.StartTitle(status.State));
        _ui.Good(T.State(status));
        if (T.UpdateNews(status.UpdateDecision) is { } news)
        {
            _ui.Note(news);
        }

        await ShowProfileAsync(cancellationToken).ConfigureAwait(false);
        _ui.Blank();
        _ui.Say(T.CarryOn);
    }

    /// <summary>Moved, duplicated, suspended, revoked, expired, …: a read-only screen saying what happened and what to do; never the wizard.</summary>
    private async Task<int> ReadOnlyAsync(LicenseStatus status, CancellationToken cancellationToken)
    {
        _ui.Title(T.ReadOnlyTitle);
        _ui.Note(T.State(status));
        _ui.Say(T.WhatToDo(status.State));
        _ui.Say(T.DataStaysReadable);
        await ShowProfileAsync(cancellationToken).ConfigureAwait(false);
        if (!CanRecoverHere(status.State))
        {
            return ExitCodes.NotRunnable;
        }

        _ui.Blank();
        var next = await _ui.ChooseAsync(T.WhatNow, [(1, T.RecoverHere), (0, T.Quit), (2, T.OtherCompany)], cancellationToken).ConfigureAwait(false);
        if (next == 0)
        {
            return ExitCodes.NotRunnable;
        }

        if (next == 2)
        {
            return await CompaniesAsync(cancellationToken).ConfigureAwait(false);
        }

        var known = (await Licensing.GetCompanyProfileAsync(cancellationToken).ConfigureAwait(false))?.Email;
        return await ExistingAsync(known, status.Claims?.LicenseId, cancellationToken).ConfigureAwait(false) switch
        {
            Flow.Done => ExitCodes.Success,
            Flow.Cancel => Cancel(),
            _ => ExitCodes.NotRunnable,
        };
    }

    private async Task ShowProfileAsync(CancellationToken cancellationToken)
    {
        if (await Licensing.GetCompanyProfileAsync(cancellationToken).ConfigureAwait(false) is { } profile)
        {
            _ui.Blank();
            _ui.Say(Commands.Describe(profile, T));
        }
    }

    /// <summary>A restart while a password mail is out: ask for that password (with "nieuw" for a new one).</summary>
    private async Task<int> ResumeAsync(PendingConfirmation pending, CancellationToken cancellationToken)
    {
        var flow = await PasswordAsync(pending, fresh: false, cancellationToken).ConfigureAwait(false);
        return flow switch
        {
            Flow.Done => ExitCodes.Success,
            Flow.Cancel => Cancel(),
            _ when pending.AddsCompany => await CompaniesAsync(cancellationToken).ConfigureAwait(false),
            _ => await WizardAsync(cancellationToken).ConfigureAwait(false),
        };
    }

    // S1: registration screens.
    private async Task<int> WizardAsync(CancellationToken cancellationToken)
    {
        _ui.Title(T.RegistrationTitle);
        _ui.Say(T.RegistrationIntro);
        _ui.Note(T.CompanyNameWarning);
        _ui.Say(T.EveryStartNotice);
        while (true)
        {
            _ui.Title(T.ChooseTitle);
            _ui.Note(T.OneLicensePerCompany);
            var choice = await _ui.ChooseAsync(T.ChooseQuestion, [(1, T.ChooseExisting), (2, T.ChooseNew), (0, T.Quit)], cancellationToken).ConfigureAwait(false);
            var flow = choice switch
            {
                0 => Flow.Cancel,
                1 => await ExistingAsync(null, null, cancellationToken).ConfigureAwait(false),
                _ => await NewCompanyAsync(false, cancellationToken).ConfigureAwait(false),
            };
            switch (flow)
            {
                case Flow.Done:
                    return ExitCodes.Success;
                case Flow.Cancel:
                    return Cancel();
                default:
                    continue;
            }
        }
    }

    // S4: existing company: the e-mail address (always asked; prefilled when known), then the password. S9: with a company on
    // this computer it is added to them; <paramref name="recovering"/> is the license id of the company being recovered, if any.
    private async Task<Flow> ExistingAsync(string? knownEmail, string? recovering, CancellationToken cancellationToken)
    {
        var adds = await HoldsCompaniesAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            _ui.Title(T.ExistingTitle);
            _ui.Say(T.ExistingIntro);
            _ui.Say(T.KeywordsHint);
            var answer = await AskFieldAsync(Field.Email, knownEmail, cancellationToken).ConfigureAwait(false);
            if (answer.Back || answer.Cancel)
            {
                return answer.Back ? Flow.Back : Flow.Cancel;
            }

            var email = answer.Value!;
            knownEmail = email;
            var result = await _ui.BusyAsync(T.Sending, () => Licensing.RequestOneTimePasswordAsync(email, cancellationToken)).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                ShowFailure("recover", SdkFailure.From(result));
                continue;
            }

            var pending = new PendingConfirmation(email, RegistrationPath.ExistingCompany, adds, recovering);
            pending.Save(dataDirectory);
            var flow = await PasswordAsync(pending, fresh: true, cancellationToken).ConfigureAwait(false);
            if (flow != Flow.Back)
            {
                return flow;
            }
        }
    }

    // S2: a new company; personal details first, then the company details. S9: with a company on this computer (<paramref name="adds"/>)
    // the personal details are filled in from it, so the new company is registered under the same e-mail address (one account).
    private async Task<Flow> NewCompanyAsync(bool adds, CancellationToken cancellationToken)
    {
        _adds = adds;
        var index = 0;
        while (index < AllFields.Length)
        {
            var field = AllFields[index];
            if (field == Field.ContactName)
            {
                _ui.Title(T.PersonalDetailsTitle);
                _ui.Say(T.KeywordsHint);
            }
            else if (field == Field.CompanyName)
            {
                _ui.Title(T.CompanyDetailsTitle);
                _ui.Note(T.CompanyNameWarning);
            }
            else if (field == Field.Email)
            {
                _ui.Note(T.EmailWarning);
            }
            else if (field == Field.Street)
            {
                _ui.Note(T.AddressWarning);
            }

            var answer = await AskFieldAsync(field, _values.GetValueOrDefault(field), cancellationToken).ConfigureAwait(false);
            if (answer.Cancel)
            {
                return Flow.Cancel;
            }

            if (answer.Back)
            {
                if (index == 0)
                {
                    return Flow.Back;
                }

                index--;
                continue;
            }

            _values[field] = answer.Value!;
            index++;
        }

        return await SummaryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Flow> SummaryAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _ui.Title(T.SummaryTitle);
            foreach (var field in AllFields)
            {
                _ui.Say($"{T.FieldLabel(field)}: {_values.GetValueOrDefault(field)}");
            }

            _ui.Blank();
            var choice = await _ui.ChooseAsync(T.CheckDetails, [(1, T.RegisterNow), (2, T.ChangeDetails), (0, T.CancelChoice)], cancellationToken).ConfigureAwait(false);
            if (choice == 0)
            {
                return Flow.Cancel;
            }

            if (choice == 2)
            {
                await ChangeFieldAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var result = await _ui.BusyAsync(T.Registering, () => Licensing.RegisterCompanyAsync(Registration(), cancellationToken)).ConfigureAwait(false);
            if (result.Succeeded)
            {
                var pending = new PendingConfirmation(_values[Field.Email], RegistrationPath.NewCompany, _adds);
                pending.Save(dataDirectory);
                return await PasswordAsync(pending, fresh: true, cancellationToken).ConfigureAwait(false);
            }

            var failure = SdkFailure.From(result);
            if (result.Failure == LicensingFailure.CompanyAlreadyRegistered)
            {
                ShowFailure("register", failure);
                var next = await _ui.ChooseAsync(T.WhatNow, [(1, T.UseExisting), (2, T.ChangeDetails), (0, T.CancelChoice)], cancellationToken).ConfigureAwait(false);
                if (next == 1)
                {
                    var flow = await ExistingAsync(_values[Field.Email], null, cancellationToken).ConfigureAwait(false);
                    if (flow != Flow.Back)
                    {
                        return flow;
                    }
                }
                else if (next == 2)
                {
                    await ChangeFieldAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    return Flow.Cancel;
                }

                continue;
            }

            var refused = RefusedFields(failure);
            ShowFailure("register", failure, fieldsShownAtTheirPrompt: refused.Count > 0);
            foreach (var field in refused)
            {
                // Asked again at that field, with the reason in the chosen language; never a loop back to another screen.
                _ui.Problem($"{T.FieldLabel(field)}: {T.Problem(field, ServerProblem(failure, field), Country)}");
                var answer = await AskFieldAsync(field, null, cancellationToken).ConfigureAwait(false);
                if (answer.Cancel)
                {
                    return Flow.Cancel;
                }

                if (answer.Value is { } value)
                {
                    _values[field] = value;
                }
            }
        }
    }

    private async Task ChangeFieldAsync(CancellationToken cancellationToken)
    {
        var choices = AllFields.Select((f, i) => (i, $"{T.FieldLabel(f)}: {_values.GetValueOrDefault(f)}")).Append((-1, T.BackChoice)).ToList();
        var index = await _ui.ChooseAsync(T.WhichField, choices, cancellationToken).ConfigureAwait(false);
        if (index >= 0 && (await AskFieldAsync(AllFields[index], _values.GetValueOrDefault(AllFields[index]), cancellationToken).ConfigureAwait(false)).Value is { } value)
        {
            _values[AllFields[index]] = value;
        }
    }

    // The one-time password from the e-mail; "nieuw" asks for a new one, "terug" goes back.
    private async Task<Flow> PasswordAsync(PendingConfirmation pending, bool fresh, CancellationToken cancellationToken)
    {
        _ui.Title(T.PasswordTitle);
        _ui.Say(fresh ? T.MailSent(pending.Email, pending.Path == RegistrationPath.NewCompany) : T.ResumePassword(pending.Email));
        if (session.Server is { } server)
        {
            _ui.Say(T.MailFolder(server.MailDirectory));
        }

        _ui.Say(T.PasswordHint);
        while (true)
        {
            var answer = await _ui.AskAsync(T.Password, value => value.Length == 0 ? T.Problem(Field.Email, FieldProblem.Required, Country) : null, null, optional: false, cancellationToken).ConfigureAwait(false);
            if (answer.Cancel)
            {
                return Flow.Cancel;   // the pending file stays: the next start asks for this password again
            }

            if (answer.Back)
            {
                PendingConfirmation.Clear(dataDirectory);
                return Flow.Back;
            }

            if (T.IsNewPassword(answer.Value!))
            {
                var requested = await _ui.BusyAsync(T.Sending, () => Licensing.RequestOneTimePasswordAsync(pending.Email, cancellationToken)).ConfigureAwait(false);
                if (requested.Succeeded)
                {
                    _ui.Say(T.MailSent(pending.Email, registration: false));
                }
                else
                {
                    ShowFailure("recover", SdkFailure.From(requested));
                }

                continue;
            }

            var result = await ConfirmAsync(pending, answer.Value!, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                _ui.Say(T.PasswordHint);
                continue;
            }

            if (result.Succeeded)
            {
                PendingConfirmation.Clear(dataDirectory);
                await ClosingAsync(pending.Path, result.Value, cancellationToken).ConfigureAwait(false);
                return Flow.Done;
            }

            ShowFailure("confirm", SdkFailure.From(result));
            _ui.Say(T.PasswordHint);
        }
    }

    /// <summary>
    /// Confirms with the password; the password still works after each of these answers, so the user chooses and we confirm again:
    /// S9, an account with several companies (which to bring to this computer); S8, every seat of a license taken (which computer
    /// gives up its seat; with several companies, once per full license). <see langword="null"/> when the user went back.
    /// </summary>
    private async Task<LicensingResult<LicenseStatus>?> ConfirmAsync(PendingConfirmation pending, string password, CancellationToken cancellationToken)
    {
        var choice = new SeatChoice();
        var releases = new List<string>();
        while (true)
        {
            var result = await _ui.BusyAsync(T.Confirming, () => Licensing.ConfirmAsync(pending.Email, password, choice, cancellationToken)).ConfigureAwait(false);
            if (result.Failure == LicensingFailure.CompanyChoiceRequired)
            {
                var chosen = await new CompaniesScreen(_ui, T, Licensing, output).ChooseCompaniesAsync(result.Companies, pending.Recovering, cancellationToken).ConfigureAwait(false);
                if (chosen is null)
                {
                    return null;
                }

                choice = choice with { LicenseIds = chosen };
                continue;
            }

            if (result.Failure != LicensingFailure.SeatsFull)
            {
                return result;
            }

            var companyName = choice.LicenseIds is { Count: > 1 } ? result.CompanyName : null;
            var seat = await new InstallationsScreen(_ui, T, Licensing, output).ChooseSeatAsync(result.Installations, companyName, askLabel: releases.Count == 0, cancellationToken)
                .ConfigureAwait(false);
            if (seat is null)
            {
                return null;
            }

            releases.Add(seat.ReleaseInstallationId!);
            choice = choice with
            {
                Label = choice.Label ?? seat.Label,
                ReleaseInstallationId = releases[0],
                ReleaseInstallationIds = releases.Count > 1 ? [.. releases] : null,
            };
        }
    }

    private async Task<bool> HoldsCompaniesAsync(CancellationToken cancellationToken) =>
        await Licensing.GetCompaniesAsync(cancellationToken).ConfigureAwait(false) is { Succeeded: true, Value.Count: > 0 };

    private async Task ClosingAsync(RegistrationPath path, LicenseStatus status, CancellationToken cancellationToken)
    {
        if (path == RegistrationPath.NewCompany)
        {
            _ui.Title(T.FinishedTitle);
            _ui.Good($"{T.Confirmed} {T.State(status)}");
            _ui.Say(T.Finished);
            _ui.Blank();
            _ui.Say(T.NextStep);
            return;
        }

        _ui.Title(T.WelcomeBackTitle);
        _ui.Good($"{T.Confirmed} {T.State(status)}");
        await ShowProfileAsync(cancellationToken).ConfigureAwait(false);
        _ui.Blank();
        _ui.Say(T.CarryOn);
    }

    private Task<Answer> AskFieldAsync(Field field, string? defaultValue, CancellationToken cancellationToken)
    {
        var label = FieldRules.IsOptional(field) ? $"{T.FieldLabel(field)} {T.Optional}" : T.FieldLabel(field);
        if (field == Field.Country)
        {
            defaultValue ??= "NL";
        }

        return _ui.AskAsync(label, value => !ServerChecksOnly && FieldRules.Check(field, value, Country) is { } problem ? T.Problem(field, problem, Country) : null, defaultValue, FieldRules.IsOptional(field), cancellationToken);
    }

    private string Country => _values.GetValueOrDefault(Field.Country) is { Length: > 0 } country ? country.ToUpperInvariant() : "NL";

    private static List<Field> RefusedFields(SdkFailure failure) =>
        AllFields.Where(f => failure.FieldErrors.Keys.Any(k => FieldRules.ServerNames.TryGetValue(k, out var named) && named == f)).ToList();

    /// <summary>Why the server refused <paramref name="field"/>: the text of its code (the SDK's field codes), else of the sample's own check.</summary>
    private FieldProblem ServerProblem(SdkFailure failure, Field field) =>
        failure.RefusedFields.Where(e => FieldRules.ServerNames.TryGetValue(e.Field, out var named) && named == field)
            .Select(e => FieldRules.ProblemOf(e.Code)).FirstOrDefault(p => p is not null)
        ?? FieldRules.Check(field, _values.GetValueOrDefault(field), Country)
        ?? FieldProblem.RefusedByServer;

    private CompanyRegistration Registration() => new()
    {
        CompanyName = _values[Field.CompanyName],
        Postcode = _values[Field.Postcode],
        Country = Country,
        Street = _values[Field.Street],
        HouseNumber = _values[Field.HouseNumber],
        City = _values[Field.City],
        ContactName = _values[Field.ContactName],
        Phone = _values.GetValueOrDefault(Field.Phone) is { Length: > 0 } phone ? phone : null,
        Email = _values[Field.Email],
    };

    /// <summary>Shows a failed call in the chosen language, from the SDK's typed result; the server's own words go to the log.</summary>
    private void ShowFailure(string step, SdkFailure failure, bool fieldsShownAtTheirPrompt = false)
    {
        output.Log.Failure(step, failure);
        var lines = T.Explain(failure);
        _ui.Problem(lines[0]);
        if (!fieldsShownAtTheirPrompt)
        {
            foreach (var (name, _) in failure.FieldErrors)
            {
                var field = FieldRules.ServerNames.TryGetValue(name, out var known) ? known : (Field?)null;
                _ui.Say(field is { } f ? $"  {T.FieldLabel(f)}: {T.Problem(f, FieldProblem.RefusedByServer, Country)}" : $"  {T.FieldLabel(name)}: {T.FieldInvalid}");
            }
        }

        if (failure.Detail is not null || failure.FieldErrors.Count > 0)
        {
            _ui.Say(T.DetailsInLog(output.Log.Path));
        }
    }

    private int Cancel()
    {
        _ui.Say(T.Cancelled);
        return ExitCodes.Error;
    }
}
