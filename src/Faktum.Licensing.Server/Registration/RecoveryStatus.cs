namespace Faktum.Licensing.Server.Registration;

/// <summary>How a recovery request ended.</summary>
internal enum RecoveryStatus
{
    /// <summary>Accepted (202), whether or not an account uses the address (I5).</summary>
    Accepted,

    /// <summary>One or more fields are missing or invalid.</summary>
    Invalid,

    /// <summary>The product is not one this server licenses.</summary>
    UnsupportedProduct,

    /// <summary>Too many requests for this e-mail address.</summary>
    RateLimited,
}
