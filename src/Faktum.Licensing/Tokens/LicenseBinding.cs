namespace Faktum.Licensing.Tokens;

/// <summary>What a license token must be bound to, beyond its signature; a <see langword="null"/> member is not checked.</summary>
/// <param name="CompanyIdentityKey">The canonical identity key of the company the license must belong to.</param>
/// <param name="InstallationId">The installation the license must be bound to.</param>
public sealed record LicenseBinding(string? CompanyIdentityKey = null, string? InstallationId = null);
