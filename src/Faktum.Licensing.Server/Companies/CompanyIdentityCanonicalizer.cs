using Faktum.Licensing.Companies;

namespace Faktum.Licensing.Server.Companies;

/// <summary>
/// The server's use of <see cref="CompanyIdentity"/> (src/Shared/Companies, compiled into the server): the one
/// canonicalization behind invariant I1's unique index. A missing country means the Netherlands, the registration
/// screen's default (S2).
/// </summary>
internal sealed class CompanyIdentityCanonicalizer : ICompanyIdentityCanonicalizer
{
    public const string DefaultCountry = "NL";

    public CompanyIdentityResult Create(string? name, string? postcode, string? country) =>
        CompanyIdentity.Create(name, postcode, string.IsNullOrWhiteSpace(country) ? DefaultCountry : country);
}
