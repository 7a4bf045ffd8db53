using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Internal;

/// <summary>A license the server issued, verified and stored: its claims and the company.</summary>
internal sealed record AcceptedLicense(LicenseClaims Claims, CompanyProfile Company);
