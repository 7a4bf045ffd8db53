using Faktum.Licensing;

namespace Faktum.Licensing.Docs.Snippets;

/// <summary>docs/sdk.md: what the server refuses, with the same field codes as RegistrationValidator.</summary>
internal static class RefusedFields
{
    public static async Task RunAsync(IFaktumLicensing licensing, CompanyRegistration registration, Func<string, string> textOf, Action<string, string> askAgain)
    {
        #region refused-fields
        var result = await licensing.RegisterCompanyAsync(registration);
        foreach (var refused in result.RefusedFields)
        {
            // refused.Code is one of RegistrationFieldCodes: the same text as for RegistrationValidator's own errors.
            askAgain(refused.Field, textOf(refused.Code));
        }
        #endregion
    }
}
