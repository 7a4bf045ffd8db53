namespace Faktum.Licensing;

/// <summary>
/// The fields of a <see cref="CompanyRegistration"/> by the names the server uses for them: the keys of
/// <see cref="RegistrationFieldError.Field"/> and of <see cref="LicensingResult.FieldErrors"/>.
/// </summary>
public static class RegistrationFields
{
    /// <summary><see cref="CompanyRegistration.CompanyName"/>.</summary>
    public const string CompanyName = "company.name";

    /// <summary><see cref="CompanyRegistration.Postcode"/>.</summary>
    public const string Postcode = "company.postcode";

    /// <summary><see cref="CompanyRegistration.Country"/>.</summary>
    public const string Country = "company.country";

    /// <summary><see cref="CompanyRegistration.Street"/>.</summary>
    public const string Street = "company.street";

    /// <summary><see cref="CompanyRegistration.HouseNumber"/>.</summary>
    public const string HouseNumber = "company.houseNumber";

    /// <summary><see cref="CompanyRegistration.City"/>.</summary>
    public const string City = "company.city";

    /// <summary><see cref="CompanyRegistration.ContactName"/>.</summary>
    public const string ContactName = "contact.name";

    /// <summary><see cref="CompanyRegistration.Phone"/>.</summary>
    public const string Phone = "contact.phone";

    /// <summary><see cref="CompanyRegistration.Email"/>.</summary>
    public const string Email = "email";
}
