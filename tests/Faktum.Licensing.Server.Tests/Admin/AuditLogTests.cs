using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.Server.Tests.Admin;

public sealed class AuditLogTests
{
    [Fact]
    public async Task No_route_changes_or_deletes_the_audit_log_and_its_routes_only_read()
    {
        await using var server = await ServerFixture.StartAsync();
        var endpoints = server.Server.Services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Path: e.RoutePattern.RawText ?? string.Empty, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList();

        Assert.Contains(endpoints, e => e.Path.Contains("audit", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(endpoints, e => e.Path.StartsWith("/v1/admin", StringComparison.Ordinal) && e.Methods.Any(m => m is "PUT" or "PATCH" or "DELETE"));
        Assert.All(endpoints.Where(e => e.Path.Contains("audit", StringComparison.OrdinalIgnoreCase) && e.Methods.Count > 0), e => Assert.Equal(["GET"], e.Methods));

        // A Razor page's endpoint takes any method; what it does is its handlers: the console's audit page has GET handlers only.
        Assert.Contains(endpoints, e => e.Path.Equals("console/Audit", StringComparison.Ordinal) && e.Methods.Count == 0);
        var handlers = typeof(WebConsole.Pages.AuditModel).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal)).Select(m => m.Name).ToList();
        Assert.NotEmpty(handlers);
        Assert.All(handlers, name => Assert.StartsWith("OnGet", name, StringComparison.Ordinal));
    }

    [Theory]
    [BothStorageProviders]
    public async Task The_database_refuses_to_update_or_delete_an_audit_record(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await server.RegisterAndConfirmAsync("audit@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());
        using var suspended = await AdminAsync(server, HttpMethod.Post, $"licenses/{licenseId}/suspend");
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);

        await Assert.ThrowsAnyAsync<Exception>(() => server.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditRecords\" SET \"Actor\" = 'someone-else'")));
        await Assert.ThrowsAnyAsync<Exception>(() => server.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditRecords\"")));

        var record = await server.WithDbAsync(db => db.AuditRecords.SingleAsync());
        Assert.Equal(("license-suspended", "api-key"), (record.Action, record.Actor));
    }

    [Theory]
    [BothStorageProviders]
    public async Task An_action_whose_transaction_fails_leaves_no_audit_row_and_no_change(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await server.RegisterAndConfirmAsync("fails@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());

        // A real failure inside the action's SaveChanges: the database refuses the license's change to paid.
        var refuse = provider == StorageProvider.Sqlite
            ? new[] { "CREATE TRIGGER \"test_refuse_paid\" BEFORE UPDATE ON \"Licenses\" WHEN NEW.\"Kind\" = 'Paid' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;" }
            : [
                "CREATE FUNCTION test_refuse_paid() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.\"Kind\" = 'Paid' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END; $$;",
                "CREATE TRIGGER \"test_refuse_paid\" BEFORE UPDATE ON \"Licenses\" FOR EACH ROW EXECUTE FUNCTION test_refuse_paid();",
            ];
        foreach (var statement in refuse)
        {
            await server.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(statement));
        }

        using var paid = await AdminAsync(server, HttpMethod.Post, $"licenses/{licenseId}/paid", new { });

        Assert.Equal(HttpStatusCode.InternalServerError, paid.StatusCode);
        Assert.Equal(0, await server.WithDbAsync(db => db.AuditRecords.CountAsync()));
        Assert.Equal(StoredLicenseKind.Trial, await server.WithDbAsync(db => db.Licenses.Select(l => l.Kind).SingleAsync()));
    }

    [Theory]
    [BothStorageProviders]
    public async Task An_api_action_records_source_actor_and_the_fields_it_changed(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider, configure: c => c["FaktumServer:Admin:ApiKeyName"] = "billing-script");
        await server.RegisterAndConfirmAsync("paid@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());

        using var paid = await AdminAsync(server, HttpMethod.Post, $"licenses/{licenseId}/paid", new { endsAt = "2027-12-31T00:00:00Z" });

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var record = await server.WithDbAsync(db => db.AuditRecords.SingleAsync());
        Assert.Equal((AuditSource.Api, "billing-script", "license-marked-paid", licenseId), (record.Source, record.Actor, record.Action, record.LicenseId));
        Assert.NotNull(record.CompanyId);
        using var before = JsonDocument.Parse(record.Before!);
        using var after = JsonDocument.Parse(record.After!);
        Assert.Equal("trial", before.RootElement.GetProperty("kind").GetString());
        Assert.Equal("paid", after.RootElement.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("licenseEndsAt").ValueKind);
        Assert.False(after.RootElement.TryGetProperty("status", out _)); // unchanged fields are left out
        Assert.DoesNotContain("paid@example.nl", record.Before + record.After + record.Detail, StringComparison.Ordinal);

        using var listed = await AdminAsync(server, HttpMethod.Get, $"audit?actor=billing-script&action=license-marked-paid");
        var page = await listed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal("api", page.GetProperty("items")[0].GetProperty("source").GetString());
        using var csv = await AdminAsync(server, HttpMethod.Get, "audit.csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,source,actor,action,companyId,licenseId,before,after,detail", lines[0]);
        Assert.Contains(",api,billing-script,license-marked-paid,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [BothStorageProviders]
    public async Task Each_action_that_makes_no_sense_answers_409_with_its_code_and_writes_no_audit_row(StorageProvider provider)
    {
        await using var server = await ServerFixture.StartAsync(provider: provider);
        await server.RegisterAndConfirmAsync("refuse@example.nl", installationId: "install-ref-0001");
        var license = await server.WithDbAsync(db => db.Licenses.Select(l => new { l.Id, l.CompanyId }).SingleAsync());
        var (licenseId, companyId) = (license.Id, license.CompanyId);
        var mailId = await server.WithDbAsync(db => db.OutboxMessages.Select(m => m.Id).FirstAsync());

        await RefusedAsync(server, $"licenses/{licenseId}/reinstate", "license-not-suspended");
        await RefusedAsync(server, $"companies/{companyId}/resend-confirmation", "account-already-confirmed");
        await RefusedAsync(server, $"mail/{mailId}/retry", "mail-not-failed");
        Assert.Equal(HttpStatusCode.OK, (await AdminAsync(server, HttpMethod.Post, $"licenses/{licenseId}/installations/install-ref-0001/release")).StatusCode);
        await RefusedAsync(server, $"licenses/{licenseId}/installations/install-ref-0001/release", "installation-already-released");
        Assert.Equal(HttpStatusCode.OK, (await AdminAsync(server, HttpMethod.Post, $"licenses/{licenseId}/suspend")).StatusCode);
        await RefusedAsync(server, $"licenses/{licenseId}/suspend", "license-already-suspended");
        Assert.Equal(HttpStatusCode.OK, (await AdminAsync(server, HttpMethod.Post, $"licenses/{licenseId}/revoke")).StatusCode);
        await RefusedAsync(server, $"licenses/{licenseId}/revoke", "license-already-revoked");
        await RefusedAsync(server, $"licenses/{licenseId}/suspend", "license-revoked");
        await RefusedAsync(server, $"licenses/{licenseId}/paid", "license-revoked");
        await RefusedAsync(server, $"licenses/{licenseId}/extend", "license-revoked", new { days = 3 });
        await RefusedAsync(server, $"licenses/{licenseId}/reinstate", "license-not-suspended");

        Assert.Equal(["installation-released", "license-suspended", "license-revoked"],
            await server.WithDbAsync(db => db.AuditRecords.OrderBy(r => r.At).Select(r => r.Action).ToListAsync()));
        using var unknown = await AdminAsync(server, HttpMethod.Post, "licenses/lic_unknown/revoke");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    internal static async Task RefusedAsync(ServerFixture server, string path, string code, object? body = null)
    {
        using var response = await AdminAsync(server, HttpMethod.Post, path, body ?? new { });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.Equal("urn:faktum:problem:admin-action-refused", problem.GetProperty("type").GetString());
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    internal static async Task<HttpResponseMessage> AdminAsync(ServerFixture server, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "/v1/admin/" + path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);
        return await server.Http.SendAsync(request);
    }
}
