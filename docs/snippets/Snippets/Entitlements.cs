using Faktum.Licensing;

namespace Faktum.Licensing.Docs.Snippets;

/// <summary>docs/sdk.md, "Editions and modules (entitlements)".</summary>
internal static class Entitlements
{
    public static void Show(IFaktumLicensing licensing, Action exportToAccountant, Action<string> explain)
    {
        #region gate-feature-offline
        // Current is the status of the last check: online, or offline from the cached signed token.
        var status = licensing.Current;
        if (status.HasEntitlement("export"))
        {
            exportToAccountant();
        }
        else
        {
            explain(status.Mode == LicenseMode.ReadOnly
                ? "The license is not in order; everything stays readable."
                : "Your edition does not include the export to your accountant.");
        }
        #endregion
    }
}
