using Faktum.Licensing.Companies;

namespace Faktum.Licensing.Server.Companies;

/// <summary>One problem with a company identity field ("name", "postcode" or "country").</summary>
internal sealed record CompanyIdentityError(string Field, string Code, string Message);

/// <summary>The canonical identity of (name, postcode, country), or why there is none.</summary>
internal sealed record CompanyIdentityResult(
    bool Succeeded,
    string? Key,
    string? Name,
    string? Postcode,
    string? Country,
    IReadOnlyList<CompanyIdentityError> Errors);

/// <summary>Computes the canonical company identity that invariant I1's unique index holds.</summary>
internal interface ICompanyIdentityCanonicalizer
{
    CompanyIdentityResult Create(string? name, string? postcode, string? country);
}

/// <summary>
/// The server's view of <see cref="CompanyIdentity"/>, the one canonicalization shared with the SDK.
/// A missing country means the Netherlands, the registration screen's default (S2).
/// </summary>
internal sealed class CompanyIdentityCanonicalizer : ICompanyIdentityCanonicalizer
{
    public const string DefaultCountry = "NL";

    public CompanyIdentityResult Create(string? name, string? postcode, string? country)
    {
        var result = CompanyIdentity.Create(name, postcode, string.IsNullOrWhiteSpace(country) ? DefaultCountry : country);
        return result.Succeeded
            ? new CompanyIdentityResult(true, result.Key, result.Name, result.Postcode, result.Country, [])
            : new CompanyIdentityResult(false, null, null, null, null, result.Errors.Select(e => new CompanyIdentityError(e.Field, e.Code, e.Message)).ToArray());
    }
}
