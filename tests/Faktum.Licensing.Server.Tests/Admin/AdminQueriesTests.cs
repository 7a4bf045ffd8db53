using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Startup;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.Server.Tests.Admin;

public sealed class AdminQueriesTests
{
    [Theory]
    [BothStorageProviders]
    public async Task Search_finds_a_company_by_a_name_variant_its_postcode_its_email_and_its_license_id(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await server.RegisterAndConfirmAsync("zoek@example.nl", name: "Bakkerij Jansen B.V.", postcode: "1234 AB");
        await server.RegisterAndConfirmAsync("ander@example.nl", "install-two-0002", name: "Slagerij Pieters", postcode: "9999 ZZ");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Where(l => l.Company!.Name == "Bakkerij Jansen B.V.").Select(l => l.Id).SingleAsync());

        foreach (var text in new[] { "BAKKERIJ JANSEN", "bakkerij jansen bv", "1234ab", "1234 AB", "zoek@", licenseId })
        {
            using var response = await AuditLogTests.AdminAsync(server, HttpMethod.Get, $"companies/search?q={Uri.EscapeDataString(text)}");
            var found = await response.Content.ReadFromJsonAsync<JsonElement>();
            var company = Assert.Single(found.EnumerateArray());
            Assert.Equal(("Bakkerij Jansen B.V.", licenseId), (company.GetProperty("name").GetString(), company.GetProperty("licenseId").GetString()));
        }
    }

    [Theory]
    [BothStorageProviders]
    public async Task Home_counts_the_licenses_the_start_up_checks_and_the_installations_last_seen(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var confirmed = await server.RegisterAndConfirmAsync("home@example.nl");
        await server.StartupAsync(confirmed.License);
        await server.StartupAsync(confirmed.License);
        var activity = server.Server.Services.GetRequiredService<StartupActivity>();
        await server.WithDbAsync(async db =>
        {
            await activity.FlushAsync(db, CancellationToken.None);
            return 0;
        });

        using var response = await AuditLogTests.AdminAsync(server, HttpMethod.Get, "home");
        var home = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, home.GetProperty("trialsActive").GetInt32());
        Assert.Equal(0, home.GetProperty("paid").GetInt32());
        var today = home.GetProperty("startupChecksPerDay").EnumerateArray().Last();
        Assert.Equal(StartupActivity.Day(TimeProvider.System.GetUtcNow()), today.GetProperty("period").GetString());
        Assert.Equal(2, today.GetProperty("count").GetInt64());
        Assert.Equal(8, home.GetProperty("movesPerWeek").GetArrayLength());
        Assert.NotNull(await server.WithDbAsync(db => db.Installations.Select(i => i.LastSeenAt).SingleAsync()));
    }

    [Fact]
    public async Task The_outbox_list_never_carries_a_mail_body()
    {
        await using var server = await ServerFixture.StartAsync();
        await server.PostAsync("/v1/registrations", ServerFixture.Registration("body@example.nl"));
        var password = server.ReadOneTimePassword("body@example.nl");

        using var response = await AuditLogTests.AdminAsync(server, HttpMethod.Get, "mail");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains("one-time-password", text, StringComparison.Ordinal);
        Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("content", text, StringComparison.OrdinalIgnoreCase);
    }
}
