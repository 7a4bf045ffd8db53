using System.Diagnostics.CodeAnalysis;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Server.Licenses;

/// <summary>
/// The server's check of a presented license token: its claims, or why it was refused — a token of a product this server
/// does not license (<see cref="ForeignProduct"/>), or the validator's <see cref="Failure"/>.
/// </summary>
internal sealed record LicenseTokenCheck
{
    private LicenseTokenCheck(LicenseClaims? claims, LicenseTokenFailure failure, bool foreignProduct)
    {
        Claims = claims;
        Failure = failure;
        ForeignProduct = foreignProduct;
    }

    /// <summary>Gets the refusal of a token whose audience is not a product of this server.</summary>
    public static LicenseTokenCheck OfForeignProduct { get; } = new(null, LicenseTokenFailure.None, foreignProduct: true);

    /// <summary>Gets the verified claims when <see cref="Succeeded"/>.</summary>
    public LicenseClaims? Claims { get; }

    /// <summary>Gets the validator's refusal, or <see cref="LicenseTokenFailure.None"/>.</summary>
    public LicenseTokenFailure Failure { get; }

    /// <summary>Gets whether the token names no product of this server (it was not validated at all).</summary>
    public bool ForeignProduct { get; }

    [MemberNotNullWhen(true, nameof(Claims))]
    public bool Succeeded => Claims is not null;

    /// <summary>Gets the refusal as logs name it ("ForeignProduct" or the failure).</summary>
    public string Refusal => ForeignProduct ? "ForeignProduct" : Failure.ToString();

    public static LicenseTokenCheck From(LicenseTokenValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? new LicenseTokenCheck(result.Claims, LicenseTokenFailure.None, false) : new LicenseTokenCheck(null, result.Failure, false);
    }
}
