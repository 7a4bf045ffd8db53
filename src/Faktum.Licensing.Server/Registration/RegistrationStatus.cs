namespace Faktum.Licensing.Server.Registration;

/// <summary>How a registration ended; <see cref="RegistrationOutcome"/> carries what each status needs.</summary>
internal enum RegistrationStatus
{
    /// <summary>Accepted (202): a new registration, or an address already in use (the same answer; its owner is told).</summary>
    Accepted,

    /// <summary>The stored answer of an earlier request with the same Idempotency-Key and body.</summary>
    Replayed,

    /// <summary>One or more fields are missing or invalid (400 <c>validation-failed</c>).</summary>
    Invalid,

    /// <summary>The product is not one this server licenses.</summary>
    UnsupportedProduct,

    /// <summary>Too many requests for this e-mail address.</summary>
    RateLimited,

    /// <summary>The company identity is already registered (409).</summary>
    CompanyAlreadyRegistered,

    /// <summary>The Idempotency-Key was used with another body (422).</summary>
    IdempotencyKeyReused,
}
