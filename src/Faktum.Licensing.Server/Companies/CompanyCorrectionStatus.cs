namespace Faktum.Licensing.Server.Companies;

/// <summary>How a company correction ended.</summary>
internal enum CompanyCorrectionStatus
{
    /// <summary>Corrected; a fresh license token carries the new details.</summary>
    Corrected,

    /// <summary>One or more fields are invalid.</summary>
    Invalid,

    /// <summary>The request names another company name (I2).</summary>
    NameImmutable,

    /// <summary>The corrected postcode gives the identity of another registered company (I1).</summary>
    CompanyAlreadyRegistered,
}
