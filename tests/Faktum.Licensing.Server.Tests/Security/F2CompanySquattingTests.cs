using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>
/// F2: a squatted company can be freed or handed to its owner by an audited admin operation; plus-addresses count as
/// one mailbox in the registration limit; a mailbox with many trial companies is flagged for the vendor.
/// </summary>
public sealed class F2CompanySquattingTests
{
    [Theory]
    [BothStorageProviders]
    public async Task Releasing_a_squatted_identity_revokes_the_squat_audits_it_and_lets_the_owner_register(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await server.RegisterAndConfirmAsync("squat+1@example.org", "install-sqt-0001");
        using var refused = await server.PostAsync("/v1/registrations", ServerFixture.Registration("owner@bakkerij.nl", installationId: "install-own-0002"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        using var released = await AdminPostAsync(server, "/v1/admin/identities/release", new { name = "bakkerij jansen bv", postcode = "1234ab", country = "NL", reason = "dispute 2026-17: KvK extract" });

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(LicenseRecordStatus.Revoked, await server.WithDbAsync(db => db.Licenses.Select(l => l.Status).SingleAsync()));
        var audit = await server.WithDbAsync(db => db.AuditRecords.SingleAsync());
        Assert.Equal("identity-released", audit.Action);
        Assert.Contains("reason dispute 2026-17: KvK extract", audit.Detail, StringComparison.Ordinal);
        Assert.Equal((AuditSource.Api, "api-key"), (audit.Source, audit.Actor));
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("owner@bakkerij.nl", installationId: "install-own-0002"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        var confirmed = await server.ConfirmAsync("owner@bakkerij.nl", server.ReadOneTimePassword("owner@bakkerij.nl"), "install-own-0002");
        Assert.Equal("Bakkerij Jansen B.V.", confirmed.Company.Name);
    }

    [Theory]
    [BothStorageProviders]
    public async Task Handing_a_squatted_identity_over_gives_the_owner_the_license_by_recovery_and_moves_the_squatter_out(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        var squat = await server.RegisterAndConfirmAsync("squat+2@example.org", "install-sqt-0001");

        using var handed = await AdminPostAsync(server, "/v1/admin/identities/hand-over", new { name = "Bakkerij Jansen B.V.", postcode = "1234 AB", reason = "dispute 2026-18", email = "Owner@Bakkerij.nl" });

        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        Assert.Equal("identity-handed-over", await server.WithDbAsync(db => db.AuditRecords.Select(r => r.Action).SingleAsync()));
        Assert.False(await server.WithDbAsync(db => db.Accounts.AnyAsync(a => a.Email == "squat+2@example.org")));
        using var recovery = await server.PostAsync("/v1/recoveries", new RecoveryRequest("owner@bakkerij.nl", ServerFixture.Product, "install-own-0002"));
        var owner = await server.ConfirmAsync("owner@bakkerij.nl", server.ReadOneTimePassword("owner@bakkerij.nl"), "install-own-0002");
        Assert.Equal("Bakkerij Jansen B.V.", owner.Company.Name);
        Assert.Equal("moved", (await server.StartupAsync(squat.License)).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Plus_addresses_of_one_mailbox_share_its_registration_limit()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:RegistrationsPerMailbox"] = "2");
        var statuses = new List<HttpStatusCode>();
        foreach (var (email, postcode) in new[] { ("jan+a@example.org", "1111 AA"), ("jan+b@example.org", "2222 BB"), ("JAN+c@example.org", "3333 CC"), ("jan@example.org", "4444 DD") })
        {
            using var response = await server.PostAsync("/v1/registrations", ServerFixture.Registration(email, postcode: postcode));
            statuses.Add(response.StatusCode);
        }

        using var other = await server.PostAsync("/v1/registrations", ServerFixture.Registration("piet@example.org", postcode: "5555 EE"));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    [Fact]
    public async Task A_mailbox_holding_many_trial_companies_is_flagged_for_the_admin_and_not_refused()
    {
        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:RegistrationsPerMailbox"] = "10");
        foreach (var (email, postcode) in new[] { ("boekhouder+1@example.org", "1111 AA"), ("boekhouder+2@example.org", "2222 BB"), ("boekhouder+3@example.org", "3333 CC"), ("solo@example.org", "4444 DD") })
        {
            using var response = await server.PostAsync("/v1/registrations", ServerFixture.Registration(email, postcode: postcode));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/mailboxes");
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);
        using var listed = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var mailboxes = (await listed.Content.ReadFromJsonAsync<JsonElement>(ServerFixture.Json)).EnumerateArray().ToList();
        var flagged = Assert.Single(mailboxes);
        Assert.Equal("boekhouder@example.org", flagged.GetProperty("mailbox").GetString());
        Assert.Equal(3, flagged.GetProperty("trialCompanies").GetInt32());
    }

    private static Task<HttpResponseMessage> AdminPostAsync<T>(ServerFixture server, string path, T body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: ServerFixture.Json) };
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);
        return server.Http.SendAsync(request);
    }
}
