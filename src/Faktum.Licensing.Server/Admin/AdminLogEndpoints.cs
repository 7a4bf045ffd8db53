using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Admin;

/// <summary>The admin API's outbox, audit log and home routes. The audit log is read-only here: no route changes or deletes it.</summary>
internal static class AdminLogEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/home", async (HttpContext http, AdminQueries queries) =>
            TypedResults.Ok(await queries.HomeAsync(http.RequestAborted).ConfigureAwait(false))).Produces<AdminHomeDto>();

        admin.MapGet("/mail", async (string? status, string? companyId, int? page, int? pageSize, HttpContext http, AdminQueries queries) =>
        {
            OutboxMessageStatus? wanted = null;
            if (status is not null)
            {
                if (!Enum.TryParse<OutboxMessageStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
                {
                    var check = new Http.Validation();
                    check.Add("status", "pending, sent, failed or discarded.");
                    return Http.Problems.Validation(check.Errors);
                }

                wanted = parsed;
            }

            return TypedResults.Ok(await queries.MailAsync(wanted, companyId, page ?? 1, pageSize ?? 50, http.RequestAborted).ConfigureAwait(false));
        }).Produces<AdminPage<AdminMailDto>>();
        admin.MapPost("/mail/{messageId}/retry", async (string messageId, HttpContext http, AdminOperations operations) =>
            AdminResults.From(await operations.RetryMailAsync(messageId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminMailDto>();

        admin.MapGet("/audit", async (string? companyId, string? actor, string? action, int? page, int? pageSize, HttpContext http, AdminAuditLog log) =>
            TypedResults.Ok(await log.ListAsync(new AdminAuditFilter(companyId, actor, action), page ?? 1, pageSize ?? 50, http.RequestAborted).ConfigureAwait(false)))
            .Produces<AdminPage<AdminAuditEntryDto>>();
        admin.MapGet("/audit.csv", async (string? companyId, string? actor, string? action, HttpContext http, AdminAuditLog log) =>
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"";
            var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false));
            await using (writer.ConfigureAwait(false))
            {
                await log.WriteCsvAsync(new AdminAuditFilter(companyId, actor, action), writer, http.RequestAborted).ConfigureAwait(false);
            }

            return Results.Empty;
        }).Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }
}
