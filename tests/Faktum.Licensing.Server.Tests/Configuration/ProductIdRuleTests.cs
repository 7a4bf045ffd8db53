using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;

namespace Faktum.Licensing.Server.Tests.Configuration;

/// <summary>The server's configuration applies the product-id rule the SDK applies (src/Shared/Protocol/ProductIds.cs).</summary>
public class ProductIdRuleTests
{
    [Theory]
    [InlineData("faktum-factuur", true)]
    [InlineData("0-9", true)]
    [InlineData("Faktum-Factuur", false)]
    [InlineData("faktum.factuur", false)]
    [InlineData("faktum_factuur", false)]
    [InlineData("-faktum", false)]
    [InlineData("", false)]
    public void The_configured_products_follow_the_sdk_rule(string id, bool valid)
    {
        var options = new FaktumServerOptions { Products = [id] };

        var result = new FaktumServerOptionsValidator().Validate(null, options);
        var refused = result.Failures?.Any(f => f.StartsWith($"FaktumServer:Products holds '{id}'", StringComparison.Ordinal)) ?? false;

        Assert.Equal(valid, ProductIds.IsValid(id));
        Assert.Equal(!valid, refused);
    }
}
