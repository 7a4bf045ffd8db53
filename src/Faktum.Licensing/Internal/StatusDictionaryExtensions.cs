namespace Faktum.Licensing.Internal;

/// <summary>Sets several statuses by license id at once.</summary>
internal static class StatusDictionaryExtensions
{
    public static void SetRange(this Dictionary<string, LicenseStatus> statuses, IReadOnlyDictionary<string, LicenseStatus> values)
    {
        foreach (var (licenseId, status) in values)
        {
            statuses[licenseId] = status;
        }
    }
}
