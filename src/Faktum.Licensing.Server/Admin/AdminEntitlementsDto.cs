namespace Faktum.Licensing.Server.Admin;

/// <summary>A license's entitlements as the admin API and CLI show them.</summary>
/// <param name="LicenseId">The license.</param>
/// <param name="Product">Its product.</param>
/// <param name="Kind"><c>trial</c> or <c>paid</c>.</param>
/// <param name="Entitlements">What the vendor set; <see langword="null"/>: the default (a trial: <c>FaktumServer:TrialEntitlements</c> of the product; paid: none).</param>
internal sealed record AdminEntitlementsDto(string LicenseId, string Product, string Kind, IReadOnlyList<string>? Entitlements);
