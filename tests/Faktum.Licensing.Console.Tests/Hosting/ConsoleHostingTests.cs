using System.Net;
using System.Net.Sockets;
using Faktum.Licensing.Console.Tests.Infrastructure;

namespace Faktum.Licensing.Console.Tests.Hosting;

public sealed class ConsoleHostingTests
{
    [Fact]
    public async Task The_console_turned_off_is_not_found()
    {
        await using var site = await ConsoleSite.StartAsync(c => c["FaktumServer:Console:Enabled"] = "false");
        using var client = new HttpClient();

        using var login = await client.GetAsync(new Uri(site.Console, "login"));

        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
    }

    [Fact]
    public async Task The_console_on_its_own_url_answers_only_there_and_nothing_else_answers_there()
    {
        var port = FreePort();
        await using var site = await ConsoleSite.StartAsync(c => c["FaktumServer:Console:Url"] = $"http://127.0.0.1:{port}");
        using var client = new HttpClient();
        var own = new Uri($"http://127.0.0.1:{port}/");
        Assert.NotEqual(port, site.Server.BaseAddress.Port);

        using var onOwn = await client.GetAsync(new Uri(own, "console/login"));
        using var onMain = await client.GetAsync(new Uri(site.Server.BaseAddress, "console/login"));
        using var jwksOnOwn = await client.GetAsync(new Uri(own, ".well-known/jwks.json"));
        using var jwksOnMain = await client.GetAsync(new Uri(site.Server.BaseAddress, ".well-known/jwks.json"));

        Assert.Equal(HttpStatusCode.OK, onOwn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onMain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, jwksOnOwn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, jwksOnMain.StatusCode);
    }

    [Fact]
    public async Task Staff_commands_report_bad_input_and_unknown_addresses_with_exit_codes_and_no_password_in_the_list()
    {
        await using var site = await ConsoleSite.StartAsync();

        var badRole = await site.StaffCliAsync(string.Empty, "staff", "add", "--email", "a@vendor.example", "--role", "admin");
        var shortPassword = await site.StaffCliAsync("short\n", "staff", "add", "--email", "a@vendor.example", "--role", "owner", "--password-stdin");
        var chosen = await site.StaffCliAsync("a-long-enough-password\n", "staff", "add", "--email", "A@Vendor.example", "--role", "owner", "--password-stdin");
        var again = await site.StaffCliAsync(string.Empty, "staff", "add", "--email", "a@vendor.example", "--role", "support");
        var unknownReset = await site.StaffCliAsync(string.Empty, "staff", "reset", "--email", "b@vendor.example");
        var reset = await site.StaffCliAsync(string.Empty, "staff", "reset", "--email", "a@vendor.example", "--json");
        var list = await site.StaffCliAsync(string.Empty, "staff", "list", "--json");

        Assert.Equal(2, badRole.ExitCode);
        Assert.Equal(2, shortPassword.ExitCode);
        Assert.Equal(0, chosen.ExitCode);
        Assert.DoesNotContain("a-long-enough-password", chosen.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(1, unknownReset.ExitCode);
        Assert.Equal(0, reset.ExitCode);
        Assert.Matches("\"password\":\"[2-9A-Z]{5}(-[2-9A-Z]{5}){3}\"", reset.Output);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("\"email\":\"a@vendor.example\",\"role\":\"owner\",\"totpSetUp\":false", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("password", list.Output, StringComparison.OrdinalIgnoreCase);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
