using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.EndToEnd.Tests.Copies;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Entitlements;

/// <summary>Editions and modules: set per license by the vendor, carried in the signed token, asked offline by the host.</summary>
public sealed class EntitlementTests
{
    [Fact]
    public async Task Entitlements_set_through_the_admin_api_are_visible_offline_after_the_next_check_and_gone_after_removal()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer");
        using (var app = new HostApp(server, computer))
        {
            var confirmed = await app.RegisterAndConfirmAsync(server);
            Assert.Empty(confirmed.Claims!.Entitlements);
            Assert.False(confirmed.HasEntitlement("export"));
        }

        var licenseId = await CopyDetectionTests.LicenseIdAsync(server);
        using (var set = await PutAsync(server, licenseId, new { entitlements = new[] { "export", "multi-currency" } }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var online = await CopyDetectionTests.StartAsync(server, computer);
        Assert.Equal(LicenseState.Trial, online.State);
        Assert.True(online.HasEntitlement("export"));
        Assert.True(online.HasEntitlement("multi-currency"));
        Assert.False(online.HasEntitlement("Export"));

        // Offline, from the cached signed token.
        var offline = await CopyDetectionTests.StartAsync(server, computer, new StartupFault { Offline = true });
        Assert.Equal(LicenseState.OfflineGrace, offline.State);
        Assert.True(offline.HasEntitlement("export"));

        using (var removed = await PutAsync(server, licenseId, new { entitlements = new[] { "multi-currency" } }))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        var after = await CopyDetectionTests.StartAsync(server, computer);
        Assert.False(after.HasEntitlement("export"));
        Assert.True(after.HasEntitlement("multi-currency"));
        Assert.False((await CopyDetectionTests.StartAsync(server, computer, new StartupFault { Offline = true })).HasEntitlement("export"));
    }

    [Fact]
    public async Task A_trial_carries_the_products_configured_default_until_the_vendor_sets_its_own_and_a_lapsed_license_grants_nothing()
    {
        await using var server = await E2eServer.StartAsync(configure: c =>
        {
            c["FaktumServer:TrialEntitlements:faktum-factuur:0"] = "basis";
            c["FaktumServer:TrialEntitlements:faktum-factuur:1"] = "export";
        });
        var computer = server.Computer("computer");
        using (var app = new HostApp(server, computer))
        {
            var confirmed = await app.RegisterAndConfirmAsync(server);
            Assert.Equal(["basis", "export"], confirmed.Claims!.Entitlements);
        }

        var licenseId = await CopyDetectionTests.LicenseIdAsync(server);
        using (var none = await PutAsync(server, licenseId, new { entitlements = Array.Empty<string>() }))
        {
            Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        }

        Assert.False((await CopyDetectionTests.StartAsync(server, computer)).HasEntitlement("basis"));

        using (var back = await PutAsync(server, licenseId, new { entitlements = (string[]?)null }))
        {
            Assert.Equal(JsonValueKind.Null, (await back.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entitlements").ValueKind);
        }

        Assert.True((await CopyDetectionTests.StartAsync(server, computer)).HasEntitlement("basis"));

        using (var suspended = await server.Admin.PostAsync(new Uri($"v1/admin/licenses/{licenseId}/suspend", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        }

        var lapsed = await CopyDetectionTests.StartAsync(server, computer);
        Assert.Equal(LicenseState.Suspended, lapsed.State);
        Assert.False(lapsed.HasEntitlement("basis"));
    }

    [Fact]
    public async Task Bad_entitlement_requests_get_a_typed_problem_and_change_nothing()
    {
        await using var server = await E2eServer.StartAsync();
        using (var app = new HostApp(server, server.Computer("computer")))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        var licenseId = await CopyDetectionTests.LicenseIdAsync(server);
        await AssertProblemAsync(server, licenseId, new { entitlements = new[] { "export", "met spatie" } }, HttpStatusCode.BadRequest, "validation-failed", "entitlements[1]");
        await AssertProblemAsync(server, licenseId, new { entitlements = new[] { new string('a', 65) } }, HttpStatusCode.BadRequest, "validation-failed", "entitlements[0]");
        await AssertProblemAsync(server, licenseId, new { entitlements = Enumerable.Range(0, 33).Select(i => $"m{i}").ToArray() }, HttpStatusCode.BadRequest, "validation-failed", "entitlements");
        await AssertProblemAsync(server, licenseId, new { entitlements = new[] { "export" }, extra = 1 }, HttpStatusCode.BadRequest, "malformed-request", null);
        await AssertProblemAsync(server, licenseId, new { entitlements = "export" }, HttpStatusCode.BadRequest, "malformed-request", null);
        await AssertProblemAsync(server, "lic_unknown", new { entitlements = new[] { "export" } }, HttpStatusCode.NotFound, "not-found", null);

        var shown = await server.Admin.GetFromJsonAsync<JsonElement>(new Uri($"v1/admin/licenses/{licenseId}/entitlements", UriKind.Relative));
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("entitlements").ValueKind);
    }

    private static Task<HttpResponseMessage> PutAsync(E2eServer server, string licenseId, object body) =>
        server.Admin.PostAsJsonAsync(new Uri($"v1/admin/licenses/{licenseId}/entitlements", UriKind.Relative), body);

    private static async Task AssertProblemAsync(E2eServer server, string licenseId, object body, HttpStatusCode status, string type, string? field)
    {
        using var response = await PutAsync(server, licenseId, body);
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"urn:faktum:problem:{type}", problem.GetProperty("type").GetString());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }
}
