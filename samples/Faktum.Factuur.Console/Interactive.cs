using Faktum.Licensing;

namespace Faktum.Factuur;

/// <summary>
/// The seed's screens, in order: license status at every start; choose existing company or new company; personal
/// details first; company details with the seed's warnings; the one-time password from the e-mail; the closing screen.
/// </summary>
internal sealed class Interactive(Session session, Output output)
{
    private Texts.Texts T => output.Texts;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var licensing = session.Licensing;
        Title(T.ProgramTitle);

        // Every start (S5): one check; the status says what the user may do.
        var status = await licensing.CheckAsync(cancellationToken).ConfigureAwait(false);
        output.Log.Status("interactive", status);
        Console.WriteLine($"{T.LicenseStatusTitle}: {T.State(status)}");
        Console.WriteLine(T.Updates(status.UpdateDecision));
        if (status.State is LicenseState.Licensed or LicenseState.Trial or LicenseState.OfflineGrace)
        {
            if (await licensing.GetCompanyProfileAsync(cancellationToken).ConfigureAwait(false) is { } profile)
            {
                Console.WriteLine();
                Console.WriteLine(Commands.Describe(profile, T));
            }

            return ExitCodes.Success;
        }

        // S1: registration screens.
        Title(T.RegistrationTitle);
        Console.WriteLine(T.RegistrationIntro);
        Console.WriteLine(T.CompanyNameWarning);
        Console.WriteLine(T.EveryStartNotice);

        Title(T.ChooseTitle);
        Console.WriteLine(T.ChooseExisting);
        Console.WriteLine(T.ChooseNew);
        Console.WriteLine(T.OneLicensePerCompany);
        var choice = Ask(T.Choice, required: true, accept: x => x is "1" or "2");
        if (choice is null)
        {
            return Cancel();
        }

        string? email = choice == "1"
            ? await ExistingAsync(cancellationToken).ConfigureAwait(false)
            : await NewCompanyAsync(cancellationToken).ConfigureAwait(false);
        if (email is null)
        {
            return Cancel();
        }

        var confirmed = await ConfirmAsync(email, cancellationToken).ConfigureAwait(false);
        if (confirmed is null)
        {
            return ExitCodes.Error;
        }

        Console.WriteLine($"{T.Confirmed} {T.State(confirmed)}");
        Title(T.FinishedTitle);
        Console.WriteLine(T.Finished);
        Console.WriteLine();
        Console.WriteLine(T.NextStep);
        return ExitCodes.Success;
    }

    private async Task<string?> NewCompanyAsync(CancellationToken cancellationToken)
    {
        Title(T.PersonalDetailsTitle);
        var contact = Ask(T.ContactName, required: true);
        var phone = Ask($"{T.Phone} {T.Optional}", required: false);
        Console.WriteLine(T.EmailWarning);
        var email = Ask(T.Email, required: true, accept: x => x.Contains('@', StringComparison.Ordinal));
        if (contact is null || email is null)
        {
            return null;
        }

        while (true)
        {
            Title(T.CompanyDetailsTitle);
            Console.WriteLine(T.CompanyNameWarning);
            var name = Ask(T.CompanyName, required: true);
            Console.WriteLine(T.AddressWarning);
            var street = Ask(T.Street, required: true);
            var number = Ask(T.HouseNumber, required: true);
            var postcode = Ask(T.Postcode, required: true);
            var city = Ask(T.City, required: true);
            var country = Ask(T.Country, required: false) is { Length: > 0 } c ? c : "NL";
            if (name is null || street is null || number is null || postcode is null || city is null)
            {
                return null;
            }

            Console.WriteLine();
            Console.WriteLine($"{name}{Environment.NewLine}{street} {number}, {postcode} {city} ({country}){Environment.NewLine}{contact}, {email}");
            if (!Yes(T.CheckDetails))
            {
                continue;
            }

            var result = await session.Licensing.RegisterCompanyAsync(new CompanyRegistration
            {
                CompanyName = name,
                Postcode = postcode,
                Country = country,
                Street = street,
                HouseNumber = number,
                City = city,
                ContactName = contact,
                Phone = phone,
                Email = email,
            }, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return email;
            }

            ShowFailure("register", SdkFailure.From(result));
            if (result.Failure == LicensingFailure.CompanyAlreadyRegistered)
            {
                return Yes(T.SwitchToExisting) ? await ExistingAsync(cancellationToken, email).ConfigureAwait(false) : null;
            }

            if (result.Failure != LicensingFailure.InvalidInput)
            {
                return null;
            }

            Console.WriteLine(T.TryAgain);
        }
    }

    private async Task<string?> ExistingAsync(CancellationToken cancellationToken, string? knownEmail = null)
    {
        Title(T.ExistingTitle);
        Console.WriteLine(T.ExistingIntro);
        var email = knownEmail ?? Ask(T.Email, required: true, accept: x => x.Contains('@', StringComparison.Ordinal));
        if (email is null)
        {
            return null;
        }

        var result = await session.Licensing.RequestOneTimePasswordAsync(email, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            ShowFailure("recover", SdkFailure.From(result));
            return null;
        }

        Console.WriteLine(T.PasswordRequested);
        return email;
    }

    private async Task<LicenseStatus?> ConfirmAsync(string email, CancellationToken cancellationToken)
    {
        Title(T.PasswordTitle);
        Console.WriteLine(T.PasswordIntro);
        if (session.Server is { } server)
        {
            Console.WriteLine(T.MailFolder(server.MailDirectory));
        }

        while (Ask(T.Password, required: true) is { } password)
        {
            var result = await session.Licensing.ConfirmAsync(email, password, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return result.Value;
            }

            ShowFailure("confirm", SdkFailure.From(result));
            if (result.Failure == LicensingFailure.TooManyAttempts)
            {
                if (await ExistingAsync(cancellationToken, email).ConfigureAwait(false) is null)
                {
                    return null;
                }
            }
            else if (result.Failure != LicensingFailure.OneTimePasswordInvalid)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Shows a failed call in the chosen language, from the SDK's typed result; the server's own words go to the log.</summary>
    private void ShowFailure(string step, SdkFailure failure)
    {
        output.Log.Failure(step, failure);
        var lines = T.Explain(failure);
        Console.WriteLine($"{T.Error}: {lines[0]}");
        foreach (var line in lines.Skip(1))
        {
            Console.WriteLine($"  {line}");
        }

        if (failure.Detail is not null || failure.FieldErrors.Count > 0)
        {
            Console.WriteLine(T.DetailsInLog(output.Log.Path));
        }
    }

    private string? Ask(string label, bool required, Func<string, bool>? accept = null)
    {
        while (true)
        {
            Console.Write($"{label}: ");
            var line = Console.ReadLine();
            if (line is null)
            {
                return null;
            }

            line = line.Trim();
            if ((line.Length == 0 && !required) || (line.Length > 0 && (accept is null || accept(line))))
            {
                return line;
            }

            Console.WriteLine(line.Length == 0 ? T.Required : T.TryAgain);
        }
    }

    private bool Yes(string question)
    {
        Console.Write($"{question} {T.YesNo} ");
        return string.Equals(Console.ReadLine()?.Trim(), T.Yes, StringComparison.OrdinalIgnoreCase);
    }

    private int Cancel()
    {
        Console.WriteLine(T.Cancelled);
        return ExitCodes.Error;
    }

    private static void Title(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(new string('─', Math.Min(title.Length, 72)));
    }
}
