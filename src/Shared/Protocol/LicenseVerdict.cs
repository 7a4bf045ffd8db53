namespace Faktum.Licensing.Protocol;

/// <summary>
/// The server's verdict on one license for one installation, as a signed start-up response carries it. The SDK and the server
/// share this type; <see cref="LicenseVerdictNames"/> converts it to and from its stable wire name at the edge.
/// </summary>
internal enum LicenseVerdict
{
    /// <summary><c>unknown</c>: the server does not know this license (or it is bound to no installation it knows).</summary>
    Unknown,

    /// <summary><c>licensed</c>: a paid license in force.</summary>
    Licensed,

    /// <summary><c>trial</c>: a trial with days left.</summary>
    Trial,

    /// <summary><c>trial-expired</c>: the trial has ended.</summary>
    TrialExpired,

    /// <summary><c>expired</c>: a paid license past its end.</summary>
    Expired,

    /// <summary><c>suspended</c>: suspended by the vendor.</summary>
    Suspended,

    /// <summary><c>revoked</c>: revoked by the vendor.</summary>
    Revoked,

    /// <summary><c>moved</c>: the license was moved to another installation.</summary>
    Moved,

    /// <summary><c>duplicated</c>: this installation's data folder is in use in two places (a copy, a restored backup used beside
    /// the original, a cloned VM), told by the tokens' generations (docs/tokens.md); recover the license on the computer in use.</summary>
    Duplicated,
}
