using Faktum.Licensing;

namespace Faktum.Factuur.Screens;

/// <summary>What the user chose on the companies screen.</summary>
internal enum CompanyAction
{
    /// <summary>Work in the company named by <see cref="CompanyChoice.LicenseId"/> (switching to it when it is not the current one).</summary>
    Company,

    /// <summary>Add an existing company or account (recovery by e-mail).</summary>
    Existing,

    /// <summary>Register a new company (with the same e-mail address, when the user keeps it).</summary>
    New,

    /// <summary>Remove a company from this computer (handled by the screen itself).</summary>
    Remove,

    /// <summary>No company is left on this computer: the first start's screens.</summary>
    None,

    /// <summary>Quit the program.</summary>
    Quit,
}

/// <summary>One choice on the companies screen.</summary>
internal readonly record struct CompanyChoice(CompanyAction Action, string? LicenseId = null);

/// <summary>
/// The companies on this computer (S9): one line each with its name, place and state, the current one marked; one choice
/// switches to a company, adds one ("bestaand bedrijf/account", "nieuw bedrijf") or removes one from this computer. Also the
/// choice of companies at the recovery of an account with several.
/// </summary>
internal sealed class CompaniesScreen(Terminal ui, Texts.Texts texts, IFaktumLicensing licensing, Output output)
{
    /// <summary>Shows the companies until the user chooses one, chooses to add one, or quits; a removal is done here and shown again.</summary>
    public async Task<CompanyChoice> ChooseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var listed = await licensing.GetCompaniesAsync(cancellationToken).ConfigureAwait(false);
            if (!listed.Succeeded)
            {
                ShowFailure("companies", SdkFailure.From(listed));
                return new CompanyChoice(CompanyAction.Quit);
            }

            var companies = listed.Value;
            if (companies.Count == 0)
            {
                return new CompanyChoice(CompanyAction.None);
            }

            ui.Title(texts.CompaniesTitle);
            foreach (var company in companies)
            {
                ui.Say($"{(company.IsCurrent ? "►" : " ")} {texts.Describe(company)}");
            }

            ui.Blank();
            ui.Note(texts.OneLicensePerCompany);
            var choices = companies.Select(c => (new CompanyChoice(CompanyAction.Company, c.LicenseId), Texts.Texts.Describe(c.Profile)))
                .Append((new CompanyChoice(CompanyAction.Existing), texts.ChooseExisting))
                .Append((new CompanyChoice(CompanyAction.New), texts.ChooseNew))
                .Append((new CompanyChoice(CompanyAction.Remove), texts.RemoveCompany))
                .Append((new CompanyChoice(CompanyAction.Quit), texts.Quit))
                .ToList();
            var chosen = await ui.ChooseAsync(texts.ChooseQuestion, choices, cancellationToken).ConfigureAwait(false);
            if (chosen.Action != CompanyAction.Remove)
            {
                return chosen;
            }

            await RemoveAsync(companies, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A recovery's password proves an account with several companies: the user ticks those to bring to this computer (the one
    /// being recovered, <paramref name="preferred"/>, ticked at first; those already here marked). Returns their license ids, the
    /// preferred first, then those not yet on this computer (the first becomes current); <see langword="null"/> when none is ticked.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ChooseCompaniesAsync(IReadOnlyList<AccountCompany> companies, string? preferred, CancellationToken cancellationToken)
    {
        ui.Title(texts.ChooseCompaniesTitle);
        ui.Say(texts.ChooseCompaniesIntro);
        var choices = companies.Select(c => (c.LicenseId, texts.Describe(c))).ToList();
        var chosen = await ui.ChooseSeveralAsync(texts.ChooseCompaniesTitle, choices, companies.Where(c => c.LicenseId == preferred).Select(c => c.LicenseId), cancellationToken)
            .ConfigureAwait(false);
        if (chosen.Count == 0)
        {
            return null;
        }

        var here = companies.Where(c => c.IsOnThisInstallation).Select(c => c.LicenseId).ToHashSet(StringComparer.Ordinal);
        return [.. chosen.OrderBy(id => id == preferred ? 0 : here.Contains(id) ? 2 : 1)];
    }

    private async Task RemoveAsync(IReadOnlyList<CompanyLicense> companies, CancellationToken cancellationToken)
    {
        var choices = companies.Select(c => (c.LicenseId, Texts.Texts.Describe(c.Profile))).Append((string.Empty, texts.BackChoice)).ToList();
        var licenseId = await ui.ChooseAsync(texts.RemoveWhich, choices, cancellationToken).ConfigureAwait(false);
        if (licenseId.Length == 0)
        {
            return;
        }

        var name = companies.Single(c => c.LicenseId == licenseId).Profile.Name;
        if (!await ui.ChooseAsync(texts.RemoveQuestion(name), [(false, texts.RemoveNo), (true, texts.RemoveYes)], cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var removed = await ui.BusyAsync(texts.Removing, () => licensing.RemoveCompanyAsync(licenseId, cancellationToken)).ConfigureAwait(false);
        if (removed.Succeeded)
        {
            ui.Good(texts.Removed(name));
        }
        else
        {
            ShowFailure("remove", SdkFailure.From(removed));
        }
    }

    private void ShowFailure(string step, SdkFailure failure) => ui.Failed(step, failure, output.Log);
}
