namespace Faktum.Licensing.Server.Registration;

/// <summary>How a confirmation ended.</summary>
internal enum ConfirmationStatus
{
    /// <summary>Confirmed: the license is bound to the installation and a token issued.</summary>
    Confirmed,

    /// <summary>One or more fields are missing or invalid.</summary>
    Invalid,

    /// <summary>The product is not one this server licenses.</summary>
    UnsupportedProduct,

    /// <summary>Too many requests for this e-mail address.</summary>
    RateLimited,

    /// <summary>The one-time password is wrong, expired or already used (or the address unknown: the same answer).</summary>
    OneTimePasswordInvalid,

    /// <summary>The pending one-time password is void after too many wrong attempts.</summary>
    TooManyAttempts,

    /// <summary>The password is right, but the seats are full: the answer lists the installations; confirm again naming one to release.</summary>
    SeatsFull,

    /// <summary>The e-mail address is confirmed, but the seat cannot move: the license moved too often in the window.</summary>
    MoveBudgetExhausted,

    /// <summary>The password is right, but the account has several companies (S9): the answer lists them; confirm again naming those to bring.</summary>
    CompanyChoiceRequired,
}
