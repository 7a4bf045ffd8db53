using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Diagnostics;

/// <summary>Issue 15, item 4: a wrong product id and an unusable data folder each say what is wrong, naming the product or the folder.</summary>
public sealed class PreciseStatusTests
{
    private const string OtherProduct = "faktum-boekhouding";

    [Fact]
    public async Task Registering_a_product_the_server_does_not_license_fails_with_UnknownProduct_naming_the_product()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-1"), configure: options => options.ProductId = OtherProduct);

        var registered = await app.Licensing.RegisterCompanyAsync(HostApp.Registration());

        Assert.Equal(LicensingFailure.UnknownProduct, registered.Failure);
        Assert.Contains($"'{OtherProduct}'", registered.Message, StringComparison.Ordinal);
        Assert.Contains("ProductId", registered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovering_for_a_product_the_server_does_not_license_fails_with_UnknownProduct()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-1"), configure: options => options.ProductId = OtherProduct);

        var recovery = await app.Licensing.RequestOneTimePasswordAsync(HostApp.Email);

        Assert.Equal(LicensingFailure.UnknownProduct, recovery.Failure);
        Assert.Contains($"'{OtherProduct}'", recovery.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checking_without_a_license_names_the_product_and_the_data_folder()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-1"), configure: options => options.ProductId = OtherProduct);

        var status = await app.Licensing.CheckAsync();

        Assert.Equal(LicenseState.NotRegistered, status.State);
        Assert.Contains($"'{OtherProduct}'", status.Message, StringComparison.Ordinal);
        Assert.Contains(app.DataDirectory, status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checking_a_license_of_another_product_is_Invalid_with_WrongAudience()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-1");
        using (var app = new HostApp(server, computer))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        using var other = new HostApp(server, computer, configure: options => options.ProductId = OtherProduct);
        var status = await other.Licensing.CheckAsync();

        Assert.Equal((LicenseState.Invalid, Tokens.LicenseTokenFailure.WrongAudience), (status.State, status.InvalidReason));
    }

    [Fact]
    public async Task Checking_with_a_data_folder_that_cannot_be_created_is_DataFolderUnavailable_naming_the_folder()
    {
        await using var server = await E2eServer.StartAsync();
        var file = Path.Combine(server.Root, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        using var app = new HostApp(server, Path.Combine(file, "licensing"));

        var status = await app.Licensing.CheckAsync();
        var registered = await app.Licensing.RegisterCompanyAsync(HostApp.Registration());

        Assert.Equal((LicenseState.DataFolderUnavailable, LicenseMode.ReadOnly), (status.State, status.Mode));
        Assert.Contains(app.DataDirectory, status.Message, StringComparison.Ordinal);
        Assert.Equal(LicensingFailure.LocalStateUnavailable, registered.Failure);
        Assert.Contains(app.DataDirectory, registered.Message, StringComparison.Ordinal);
    }
}
