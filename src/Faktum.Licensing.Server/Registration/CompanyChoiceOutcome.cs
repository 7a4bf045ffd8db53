using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Server.Registration;

/// <summary>
/// What <see cref="CompanyChoice.ChooseAsync"/> decided: the licenses to bring, in the order of the request; or that the owner
/// must choose among <see cref="Companies"/>; or that the request named a license it may not bring (<see cref="NotOfAccount"/>).
/// </summary>
internal sealed record CompanyChoiceOutcome(IReadOnlyList<ChosenLicense> Chosen, IReadOnlyList<AccountCompanyDto> Companies, bool NotOfAccount)
{
    public bool Decided => Chosen.Count > 0;

    public static CompanyChoiceOutcome Of(IReadOnlyList<ChosenLicense> chosen) => new(chosen, [], false);

    public static CompanyChoiceOutcome ChoiceRequired(IReadOnlyList<AccountCompanyDto> companies) => new([], companies, false);

    public static CompanyChoiceOutcome Refused { get; } = new([], [], true);
}
