using Faktum.Licensing.Console.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Faktum.Licensing.Console.Tests.Audit;

[Collection(ConsoleBrowserCollection.Name)]
public sealed class AuditExportTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task The_audit_csv_downloaded_from_a_companys_audit_log_holds_the_console_action_of_the_staff_member_and_nothing_of_another_company()
    {
        await using var site = await ConsoleSite.StartAsync();
        var (companyId, licenseId) = await CompanyRows.AddAsync(site, "Drukkerij De Vries", "info@drukkerij.example");
        var (otherId, _) = await CompanyRows.AddAsync(site, "Bakkerij Jansen B.V.", "info@bakkerij-jansen.example");
        var page = await site.OpenCompanyAsync(browser, otherId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Eén extra verhuizing toekennen" }).ClickAsync();
        await page.GotoAsync(new Uri(site.Console, $"Companies/Detail/{companyId}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Schorsen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Auditlog" }).Last.ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporteer als CSV" }).ClickAsync());

        Assert.Equal("audit-log.csv", download.SuggestedFilename);
        var lines = File.ReadAllLines((await download.PathAsync())!);
        Assert.Equal(Server.Admin.AdminAuditLog.CsvHeader, lines[0]);
        var row = Assert.Single(lines, l => l.Contains(",license-suspended,", StringComparison.Ordinal));
        Assert.Contains($",console,support@vendor.example,license-suspended,{companyId},{licenseId},", row, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains(otherId, StringComparison.Ordinal));
        Assert.Equal(2, lines.Length);
    }
}
