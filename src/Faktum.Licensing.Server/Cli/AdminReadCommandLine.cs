using System.CommandLine;
using System.Globalization;
using Faktum.Licensing.Server.Admin;

namespace Faktum.Licensing.Server.Cli;

/// <summary>The read commands of <c>admin</c>: search, company, home, mail, audit (with a CSV export). None writes.</summary>
internal static class AdminReadCommandLine
{
    public static void AddTo(Command admin, AdminTarget target)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(target);
        var text = new Argument<string>("text") { Description = "A name (any spelling variant), postcode, e-mail address or license id." };
        var search = new Command("search", "Find companies by name, postcode, e-mail or license id.") { text };
        search.SetAction((parse, ct) => target.ReadAsync<object>(parse, $"Companies matching '{parse.GetValue(text)}'", $"v1/admin/companies/search?q={Uri.EscapeDataString(parse.GetValue(text)!)}",
            async (services, c) => await services.GetRequiredService<AdminQueries>().SearchCompaniesAsync(parse.GetValue(text)!, 50, c).ConfigureAwait(false), ct));
        admin.Subcommands.Add(search);

        var companyId = new Argument<string>("company-id") { Description = "The company id (cmp_…)." };
        var company = new Command("company", "Show a company: address, contact, license and installations.") { companyId };
        company.SetAction((parse, ct) => target.ReadAsync(parse, $"Company {parse.GetValue(companyId)}", $"v1/admin/companies/{Uri.EscapeDataString(parse.GetValue(companyId)!)}",
            (services, c) => services.GetRequiredService<AdminQueries>().CompanyAsync(parse.GetValue(companyId)!, c), ct));
        admin.Subcommands.Add(company);

        var home = new Command("home", "Counts: trials, paid, suspended, revoked, start-up checks per day, moves per week, the outbox.");
        home.SetAction((parse, ct) => target.ReadAsync<object>(parse, "Home", "v1/admin/home",
            async (services, c) => await services.GetRequiredService<AdminQueries>().HomeAsync(c).ConfigureAwait(false), ct));
        admin.Subcommands.Add(home);

        var page = new Option<int>("--page") { Description = "The page, from 1.", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "Items per page (1 to 500).", DefaultValueFactory = _ => 50 };
        var status = new Option<string?>("--status") { Description = "pending, sent, failed or discarded." };
        var ofCompany = new Option<string?>("--company") { Description = "Only this company (cmp_…)." };
        var mail = new Command("mail", "List the mail outbox, newest first (never a body).") { status, ofCompany, page, pageSize };
        mail.SetAction((parse, ct) =>
        {
            var wanted = AdminCommandLine.Status(parse.GetValue(status));
            var query = Query(("status", parse.GetValue(status)), ("companyId", parse.GetValue(ofCompany)), ("page", Number(parse.GetValue(page))), ("pageSize", Number(parse.GetValue(pageSize))));
            return target.ReadAsync<object>(parse, "Mail outbox", $"v1/admin/mail?{query}",
                async (services, c) => await services.GetRequiredService<AdminQueries>().MailAsync(wanted, parse.GetValue(ofCompany), parse.GetValue(page), parse.GetValue(pageSize), c).ConfigureAwait(false), ct);
        });
        admin.Subcommands.Add(mail);

        var actor = new Option<string?>("--actor") { Description = "Only this actor (key name, OS user or staff e-mail)." };
        var action = new Option<string?>("--action") { Description = "Only this action, e.g. license-marked-paid." };
        var csv = new Option<string?>("--csv") { Description = "Write every matching record as CSV to this file instead of listing a page." };
        var audit = new Command("audit", "List the audit log, newest first, or export it as CSV.") { ofCompany, actor, action, page, pageSize, csv };
        audit.SetAction(async (parse, ct) =>
        {
            var filter = new AdminAuditFilter(parse.GetValue(ofCompany), parse.GetValue(actor), parse.GetValue(action));
            var query = Query(("companyId", filter.CompanyId), ("actor", filter.Actor), ("action", filter.Action));
            if (parse.GetValue(csv) is not { } file)
            {
                return await target.ReadAsync<object>(parse, "Audit log", $"v1/admin/audit?{query}&page={Number(parse.GetValue(page))}&pageSize={Number(parse.GetValue(pageSize))}",
                    async (services, c) => await services.GetRequiredService<AdminAuditLog>().ListAsync(filter, parse.GetValue(page), parse.GetValue(pageSize), c).ConfigureAwait(false), ct).ConfigureAwait(false);
            }

            return await target.ExportAsync(parse, $"v1/admin/audit.csv?{query}", file,
                (services, writer, c) => services.GetRequiredService<AdminAuditLog>().WriteCsvAsync(filter, writer, c), ct).ConfigureAwait(false);
        });
        admin.Subcommands.Add(audit);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] pairs) =>
        string.Join('&', pairs.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
}
