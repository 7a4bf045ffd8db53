namespace Faktum.Licensing.Tokens;

/// <summary>Whether a license is a free trial or paid.</summary>
public enum LicenseKind
{
    /// <summary>A free trial that ends at <see cref="LicenseClaims.LicenseEndsAt"/>.</summary>
    Trial,

    /// <summary>A paid license.</summary>
    Paid,
}
