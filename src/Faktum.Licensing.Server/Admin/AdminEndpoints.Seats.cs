using Faktum.Licensing.Registration;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Http;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Admin;

/// <summary>The admin API's seats (S8): read a license's seats and moves, set its seats, grant an extra move.</summary>
internal static partial class AdminEndpoints
{
    private static void MapSeatEndpoints(RouteGroupBuilder admin)
    {
        admin.MapGet("/licenses/{licenseId}/seats", async (string licenseId, HttpContext http, SeatAdminOperations seats) =>
            AdminResults.Found(await seats.DescribeAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminSeatsDto>();

        admin.MapPost("/licenses/{licenseId}/seats", async (string licenseId, HttpContext http, SeatAdminOperations seats, IOptions<FaktumServerOptions> options) =>
        {
            var read = await RequestReader.ReadAsync<AdminSeatsRequest>(http, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
            if (read.Problem is not null)
            {
                return read.Problem;
            }

            if (read.Value!.Seats is < 1 or > SeatAdminOperations.MaxSeats)
            {
                var check = new Validation();
                check.Add("seats", FieldCodes.OutOfRange, $"A license has 1 to {SeatAdminOperations.MaxSeats} seats.");
                return Problems.Validation(check.Errors);
            }

            return AdminResults.Found(await seats.SetSeatsAsync(licenseId, read.Value.Seats, http.RequestAborted).ConfigureAwait(false));
        }).Accepts<AdminSeatsRequest>("application/json").Produces<AdminSeatsDto>();

        admin.MapPost("/licenses/{licenseId}/grant-move", async (string licenseId, HttpContext http, SeatAdminOperations seats) =>
            AdminResults.Found(await seats.GrantMoveAsync(licenseId, http.RequestAborted).ConfigureAwait(false))).Produces<AdminSeatsDto>();
    }
}
