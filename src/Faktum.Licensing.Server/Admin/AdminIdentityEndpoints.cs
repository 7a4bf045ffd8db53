using Faktum.Licensing.Registration;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Companies;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Admin;

/// <summary>The request handling shared by POST /v1/admin/identities/release and /hand-over (F2).</summary>
internal static class AdminIdentityEndpoints
{
    public static async Task<IResult> DisputeAsync(
        HttpContext http,
        ICompanyIdentityCanonicalizer canonicalizer,
        IOptions<FaktumServerOptions> options,
        bool handOver,
        Func<string, AdminIdentityRequest, Task<AdminDisputeResult>> act)
    {
        var read = await RequestReader.ReadAsync<AdminIdentityRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var request = read.Value!;
        var check = new Validation();
        var identity = canonicalizer.Create(request.Name, request.Postcode, request.Country ?? "NL");
        foreach (var error in identity.Errors)
        {
            check.Add(error.Field, error.Code, error.Message);
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 320)
        {
            check.Add("reason", FieldCodes.Required, "Give the dispute's reason or reference (1 to 320 characters); it is kept in the audit record.");
        }

        var email = handOver ? check.Email("email", request.Email) : null;
        if (!check.IsValid)
        {
            return Problems.Validation(check.Errors);
        }

        var result = await act(identity.Key!, request with { Reason = request.Reason!.Trim(), Email = email }).ConfigureAwait(false);
        return result.Status switch
        {
            AdminDisputeStatus.Done => TypedResults.Ok(result),
            AdminDisputeStatus.NotFound => Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", "No company holds or held that identity."),
            _ => Problems.Create(StatusCodes.Status409Conflict, ProblemTypes.CompanyAlreadyRegistered, "The address already has an account.",
                "The rightful owner's address already has an account with a company; hand the identity to another address, or release it so the owner can register."),
        };
    }
}
