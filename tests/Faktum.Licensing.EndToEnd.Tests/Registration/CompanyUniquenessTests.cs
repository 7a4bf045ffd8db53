using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Registration;

public sealed class CompanyUniquenessTests
{
    [Fact]
    public async Task Registering_the_same_company_under_a_name_and_postcode_variant_is_refused_as_already_registered()
    {
        await using var server = await E2eServer.StartAsync();
        using var first = new HostApp(server, server.Computer("computer-a"));
        using var second = new HostApp(server, server.Computer("computer-b"));
        (await first.Licensing.RegisterCompanyAsync(HostApp.Registration("Bakkerij Jansen B.V.", "1234 AB", "info@bakkerij-jansen.example"))).EnsureSuccess();

        var again = await second.Licensing.RegisterCompanyAsync(HostApp.Registration("bakkerij  jansen bv", "1234ab", "jan@jansen-bakkerij.example"));

        Assert.False(again.Succeeded);
        Assert.Equal(LicensingFailure.CompanyAlreadyRegistered, again.Failure);
        Assert.False(string.IsNullOrWhiteSpace(again.Message));
        Assert.Empty(server.MessagesTo("jan@jansen-bakkerij.example"));
    }
}
