namespace Faktum.Licensing.Updates;

/// <summary>Why an update is required.</summary>
public enum UpdateRequiredReason
{
    /// <summary>No update is required.</summary>
    None = 0,

    /// <summary>A newer release is marked mandatory.</summary>
    Mandatory,

    /// <summary>The installed version is below the minimum supported version of a current release.</summary>
    BelowMinimumSupportedVersion,
}
