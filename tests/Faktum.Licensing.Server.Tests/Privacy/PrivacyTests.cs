using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Privacy;

public sealed class PrivacyTests
{
    private const string CompanyName = "Privacy Proefbedrijf B.V.";
    private const string Postcode = "4321 PQ";

    [Fact]
    public async Task The_export_holds_every_stored_field_of_the_company_its_account_licenses_installations_and_mails()
    {
        await using var server = await ServerFixture.StartAsync();
        var email = $"export-{Guid.NewGuid():N}@example.nl";
        await server.RegisterAndConfirmAsync(email, name: CompanyName, postcode: Postcode);
        var company = await server.WithDbAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.Name == CompanyName));
        var account = await server.WithDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == company.AccountId));
        var license = await server.WithDbAsync(db => db.Licenses.AsNoTracking().SingleAsync(l => l.CompanyId == company.Id));
        var installation = await server.WithDbAsync(db => db.Installations.AsNoTracking().SingleAsync(i => i.LicenseId == license.Id));
        var mails = await server.OutboxAsync();

        using var document = JsonDocument.Parse(await AdminAsync(server, HttpMethod.Get, $"/v1/admin/companies/{company.Id}/export", HttpStatusCode.OK));
        var root = document.RootElement;

        AssertHoldsEveryField(account, root.GetProperty("account"));
        AssertHoldsEveryField(company, root.GetProperty("company"));
        AssertHoldsEveryField(license, Assert.Single(root.GetProperty("licenses").EnumerateArray()));
        AssertHoldsEveryField(installation, Assert.Single(root.GetProperty("installations").EnumerateArray()));
        Assert.Equal(mails.Count, root.GetProperty("mails").GetArrayLength());
        Assert.NotEmpty(root.GetProperty("oneTimePasswords").EnumerateArray());
        Assert.DoesNotContain("hash", root.GetProperty("oneTimePasswords")[0].EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("content", root.GetProperty("mails")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task After_erase_no_database_byte_holds_the_email_or_contact_the_installation_keeps_working_and_the_email_can_register_again()
    {
        await using var server = await ServerFixture.StartAsync();
        var email = $"erase-{Guid.NewGuid():N}@example.nl";
        var confirmed = await server.RegisterAndConfirmAsync(email, name: CompanyName, postcode: Postcode);
        var companyId = await server.WithDbAsync(db => db.Companies.Where(c => c.Name == CompanyName).Select(c => c.Id).SingleAsync());
        await ServerFixture.WaitUntilAsync(async () => (await server.OutboxAsync()).All(m => m.Status != OutboxMessageStatus.Pending), "the mail to be sent");

        await AdminAsync(server, HttpMethod.Post, $"/v1/admin/companies/{companyId}/erase", HttpStatusCode.NoContent);

        var database = Path.Combine(server.Server.DataDirectory, "faktum-licensing.db");
        foreach (var file in new[] { database, database + "-wal" }.Where(File.Exists))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(email)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Jan Jansen")));
        }

        // Kept for bookkeeping and fraud prevention: the license keeps working for the installation it is bound to.
        Assert.Equal("trial", (await server.StartupAsync(confirmed.License)).GetProperty("verdict").GetString());

        // The address is free again, for another company.
        using var again = await server.PostAsync("/v1/registrations", ServerFixture.Registration(email, "Nieuw Bedrijf B.V.", "1111 AA", "install-after-erase-1"));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await AdminAsync(server, HttpMethod.Post, "/v1/admin/companies/cmp_unknown/erase", HttpStatusCode.NotFound);
    }

    private static void AssertHoldsEveryField(object entity, JsonElement exported)
    {
        foreach (var property in entity.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!(type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateTimeOffset)))
            {
                continue; // navigations
            }

            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Assert.True(exported.TryGetProperty(name, out var value), $"{entity.GetType().Name}.{property.Name} is not exported.");
            if (property.GetValue(entity) is string text)
            {
                Assert.Equal(text, value.GetString());
            }
        }
    }

    private static async Task<string> AdminAsync(ServerFixture server, HttpMethod method, string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
