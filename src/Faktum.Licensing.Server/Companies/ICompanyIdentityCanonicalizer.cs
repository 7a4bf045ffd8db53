using Faktum.Licensing.Companies;

namespace Faktum.Licensing.Server.Companies;

/// <summary>Computes the canonical company identity that invariant I1's unique index holds.</summary>
internal interface ICompanyIdentityCanonicalizer
{
    CompanyIdentityResult Create(string? name, string? postcode, string? country);
}
