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
        var recover = await _ui.ChooseAsync(T.WhatNow, [(true, T.RecoverHere), (false, T.Quit)], cancellationToken).ConfigureAwait(false);
        if (!recover)
        {
            return ExitCodes.NotRunnable;
        }

        var known = (await Licensing.GetCompanyProfileAsync(cancellationToken).ConfigureAwait(false))?.Email;
        return await ExistingAsync(known, cancellationToken).ConfigureAwait(false) switch
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
                1 => await ExistingAsync(null, cancellationToken).ConfigureAwait(false),
                _ => await NewCompanyAsync(cancellationToken).ConfigureAwait(false),
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

    // S4: existing company: the e-mail address (always asked; prefilled when known), then the password.
    private async Task<Flow> ExistingAsync(string? knownEmail, CancellationToken cancellationToken)
    {
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

            var pending = new PendingConfirmation(email, RegistrationPath.ExistingCompany);
            pending.Save(dataDirectory);
            var flow = await PasswordAsync(pending, fresh: true, cancellationToken).ConfigureAwait(false);
            if (flow != Flow.Back)
            {
                return flow;
            }
        }
    }

    // S2: a new company; personal details first, then the company details.
    private async Task<Flow> NewCompanyAsync(CancellationToken cancellationToken)
    {
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
                var pending = new PendingConfirmation(_values[Field.Email], RegistrationPath.NewCompany);
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
                    var flow = await ExistingAsync(_values[Field.Email], cancellationToken).ConfigureAwait(false);
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

            var result = await _ui.BusyAsync(T.Confirming, () => Licensing.ConfirmAsync(pending.Email, answer.Value!, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (result.Failure == LicensingFailure.SeatsFull)
            {
                // S8: every seat is taken; the password still works, so the user chooses a computer and we confirm again with it.
                var seat = await new InstallationsScreen(_ui, T, Licensing, output).ChooseSeatAsync(result.Installations, cancellationToken).ConfigureAwait(false);
                if (seat is null)
                {
                    _ui.Say(T.PasswordHint);
                    continue;
                }

                result = await _ui.BusyAsync(T.Confirming, () => Licensing.ConfirmAsync(pending.Email, answer.Value!, seat, cancellationToken)).ConfigureAwait(false);
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
