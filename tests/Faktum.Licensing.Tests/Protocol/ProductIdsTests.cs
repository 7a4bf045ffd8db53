using System.ComponentModel.DataAnnotations;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Tests.Protocol;

/// <summary>
/// One product-id rule (src/Shared/Protocol/ProductIds.cs) for the SDK's options, the server's configuration and release
/// manifests. The server's side of the same table is in Faktum.Licensing.Server.Tests (ProductIdRuleTests).
/// </summary>
public class ProductIdsTests
{
    public static TheoryData<string, bool> Ids => new()
    {
        { "faktum-factuur", true },
        { "a", true },
        { "0-9", true },
        { new string('a', 64), true },
        { new string('a', 65), false },
        { "", false },
        { "-faktum", false },
        { "Faktum-Factuur", false },
        { "faktum.factuur", false },
        { "faktum_factuur", false },
        { "faktum factuur", false },
        { "faktum-factuur\n", false },
        { "fäktum", false },
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_rule_accepts_lower_case_letters_digits_and_hyphens_up_to_64(string id, bool valid)
    {
        Assert.Equal(valid, ProductIds.IsValid(id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_sdk_options_apply_the_same_rule(string id, bool valid)
    {
        var options = new FaktumLicensingOptions { ProductId = id };
        var results = new List<ValidationResult>();

        var accepted = Validator.TryValidateProperty(id, new ValidationContext(options) { MemberName = nameof(FaktumLicensingOptions.ProductId) }, results);

        Assert.Equal(valid, accepted);
    }
}
