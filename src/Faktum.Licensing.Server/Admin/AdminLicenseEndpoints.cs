using Faktum.Licensing.Server.Companies;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Admin;

/// <summary>The admin API's license and company routes (under the group of <see cref="AdminEndpoints"/>); documented in docs/server.md.</summary>
internal static class AdminLicenseEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/licenses/{licenseId}/paid", async (string licenseId, HttpContext http, AdminOperations operations, IOptions<FaktumServerOptions> options) =>
        {
            var read = await RequestReader.ReadAsync<AdminPaidRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
            return read.Problem ?? AdminResults.From(await operations.MarkPaidAsync(licenseId, read.Value!.EndsAt, read.Value.UpdatesEndAt, http.RequestAborted).ConfigureAwait(false));
        }).Accepts<AdminPaidRequest>("application/json").Produces<AdminLicenseDto>();

        admin.MapPost("/licenses/{licenseId}/extend", async (string licenseId, HttpContext http, AdminOperations operations, IOptions<FaktumServerOptions> options) =>
        {
            var read = await RequestReader.ReadAsync<AdminExtendRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
            if (read.Problem is not null)
            {
                return read.Problem;
            }

            if (read.Value!.Days is < 1 or > 3650)
            {
                var check = new Validation();
                check.Add("days", "Extend by 1 to 3650 days.");
                return Problems.Validation(check.Errors);
            }

            return AdminResults.From(await operations.ExtendAsync(licenseId, read.Value.Days, http.RequestAborted).ConfigureAwait(false));
        }).Accepts<AdminExtendRequest>("application/json").Produces<AdminLicenseDto>();

        admin.MapPost("/licenses/{licenseId}/suspend", async (string licenseId, HttpContext http, AdminOperations operations) =>
            AdminResults.From(await operations.SuspendAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminLicenseDto>();
        admin.MapPost("/licenses/{licenseId}/reinstate", async (string licenseId, HttpContext http, AdminOperations operations) =>
            AdminResults.From(await operations.ReinstateAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminLicenseDto>();
        admin.MapPost("/licenses/{licenseId}/revoke", async (string licenseId, HttpContext http, AdminOperations operations) =>
            AdminResults.From(await operations.RevokeAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminLicenseDto>();
        admin.MapPost("/licenses/{licenseId}/installations/{installationId}/release", async (string licenseId, string installationId, HttpContext http, AdminOperations operations) =>
            AdminResults.From(await operations.ReleaseInstallationAsync(licenseId, installationId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminLicenseDto>();

        admin.MapGet("/companies/{companyId}/export", async (string companyId, HttpContext http, Privacy.PrivacyOperations privacy) =>
            AdminResults.Found(await privacy.ExportAsync(companyId, http.RequestAborted).ConfigureAwait(false))).Produces<Privacy.PrivacyExport>();
        admin.MapPost("/companies/{companyId}/erase", async (string companyId, HttpContext http, Privacy.PrivacyOperations privacy) =>
            await privacy.EraseAsync(companyId, http.RequestAborted).ConfigureAwait(false) ? Results.NoContent() : AdminResults.Found<object>(null)).Produces(StatusCodes.Status204NoContent);
        admin.MapPost("/companies/{companyId}/resend-confirmation", async (string companyId, HttpContext http, AdminOperations operations) =>
            AdminResults.From(await operations.ResendConfirmationAsync(companyId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminMailDto>();
        admin.MapGet("/companies/search", async (string? q, int? limit, HttpContext http, AdminQueries queries) =>
            TypedResults.Ok(await queries.SearchCompaniesAsync(q ?? string.Empty, limit ?? 50, http.RequestAborted).ConfigureAwait(false)))
            .Produces<IReadOnlyList<AdminCompanySummaryDto>>();
        admin.MapGet("/companies/{companyId}", async (string companyId, HttpContext http, AdminQueries queries) =>
            AdminResults.Found(await queries.CompanyAsync(companyId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminCompanyDto>();
        admin.MapGet("/companies", async (string? email, string? name, string? postcode, string? country, HttpContext http, AdminQueries queries, ICompanyIdentityCanonicalizer canonicalizer) =>
        {
            if (!string.IsNullOrWhiteSpace(email))
            {
                return AdminResults.Found(await queries.LookupByEmailAsync(email, http.RequestAborted).ConfigureAwait(false));
            }

            var identity = canonicalizer.Create(name, postcode, country);
            if (!identity.Succeeded)
            {
                var check = new Validation();
                foreach (var error in identity.Errors)
                {
                    check.Add(error.Field, error.Message);
                }

                return Problems.Validation(check.Errors);
            }

            return AdminResults.Found(await queries.LookupByIdentityAsync(identity.Key!, http.RequestAborted).ConfigureAwait(false));
        }).Produces<AdminCompanyDto>();

        admin.MapPost("/identities/release", (HttpContext http, AdminOperations operations, ICompanyIdentityCanonicalizer canonicalizer, IOptions<FaktumServerOptions> options) =>
            AdminIdentityEndpoints.DisputeAsync(http, canonicalizer, options, handOver: false, (key, request) =>
                operations.ReleaseIdentityAsync(key, request.Reason!, http.RequestAborted))).Accepts<AdminIdentityRequest>("application/json").Produces<AdminDisputeResult>();
        admin.MapPost("/identities/hand-over", (HttpContext http, AdminOperations operations, ICompanyIdentityCanonicalizer canonicalizer, IOptions<FaktumServerOptions> options) =>
            AdminIdentityEndpoints.DisputeAsync(http, canonicalizer, options, handOver: true, (key, request) =>
                operations.HandOverIdentityAsync(key, request.Email!, request.Reason!, http.RequestAborted))).Accepts<AdminIdentityRequest>("application/json").Produces<AdminDisputeResult>();
        admin.MapGet("/mailboxes", async (int? min, HttpContext http, AdminQueries queries, IOptions<FaktumServerOptions> options) =>
            TypedResults.Ok(await queries.FlaggedMailboxesAsync(Math.Max(2, min ?? options.Value.MailboxTrialCompaniesFlag), http.RequestAborted).ConfigureAwait(false)))
            .Produces<IReadOnlyList<AdminMailboxDto>>();
    }
}
