using Faktum.Licensing.Registration;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The admin routes of entitlements and copy detection, under the admin group (and its API-key filter):
/// GET/POST <c>licenses/{id}/entitlements</c> (POST, as every admin change: the admin API has no PUT, PATCH or DELETE), GET <c>licenses/{id}/copies</c>, POST <c>licenses/{id}/copies/clear</c>.
/// </summary>
internal static class LicenseFeatureEndpoints
{
    public static RouteGroupBuilder MapLicenseFeatureEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/licenses/{licenseId}/entitlements", async (string licenseId, HttpContext http, LicenseFeatureOperations operations) =>
            Found(await operations.EntitlementsAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminEntitlementsDto>();

        admin.MapPost("/licenses/{licenseId}/entitlements", async (string licenseId, HttpContext http, LicenseFeatureOperations operations, IOptions<FaktumServerOptions> options) =>
        {
            var read = await RequestReader.ReadAsync<AdminEntitlementsRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
            if (read.Problem is not null)
            {
                return read.Problem;
            }

            var check = Check(read.Value!.Entitlements);
            return check.IsValid
                ? Found(await operations.SetEntitlementsAsync(licenseId, read.Value.Entitlements, http.RequestAborted).ConfigureAwait(false))
                : Problems.Validation(check.Errors);
        }).Accepts<AdminEntitlementsRequest>("application/json").Produces<AdminEntitlementsDto>();

        admin.MapGet("/licenses/{licenseId}/copies", async (string licenseId, HttpContext http, LicenseFeatureOperations operations) =>
            Found(await operations.CopiesAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminCopiesDto>();

        admin.MapPost("/licenses/{licenseId}/copies/clear", async (string licenseId, HttpContext http, LicenseFeatureOperations operations) =>
            Found(await operations.ClearCopiesAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminCopiesDto>();
        return admin;
    }

    /// <summary>The entitlement names by <see cref="EntitlementNames"/>: each error keyed by its JSON path.</summary>
    internal static Validation Check(IReadOnlyList<string>? entitlements)
    {
        var check = new Validation();
        if (entitlements is null)
        {
            return check;
        }

        if (entitlements.Count > EntitlementNames.MaxCount)
        {
            check.Add("entitlements", FieldCodes.TooLong, $"A license holds at most {EntitlementNames.MaxCount} entitlements.");
        }

        for (var i = 0; i < entitlements.Count; i++)
        {
            if (!EntitlementNames.IsValid(entitlements[i]))
            {
                check.Add($"entitlements[{i}]", FieldCodes.InvalidFormat, $"An entitlement is {EntitlementNames.Rule}.");
            }
        }

        return check;
    }

    private static IResult Found<T>(T? value)
        where T : class =>
        value is null ? Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", "No license has that id.") : TypedResults.Ok(value);
}
