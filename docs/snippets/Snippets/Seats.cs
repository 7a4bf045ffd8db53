using Faktum.Licensing;

namespace Faktum.Licensing.Docs.Snippets;

/// <summary>docs/sdk.md, "Seats: several computers per license".</summary>
internal static class Seats
{
    public static async Task ConfirmAsync(IFaktumLicensing licensing, string email, string password, Func<IReadOnlyList<LicensedInstallation>, LicensedInstallation?> askWhichToRelease)
    {
        #region seat-choice
        var choice = new SeatChoice { Label = "Kantoor-PC" };                 // typed by the user, never read from the computer
        var confirmed = await licensing.ConfirmAsync(email, password, choice);
        if (confirmed.Failure == LicensingFailure.SeatsFull && askWhichToRelease(confirmed.Installations) is { } release)
        {
            // The password is not spent: confirm again with it, naming the computer whose seat this one takes.
            confirmed = await licensing.ConfirmAsync(email, password, choice with { ReleaseInstallationId = release.Id });
        }

        if (confirmed.Failure == LicensingFailure.MoveBudgetExhausted)
        {
            // The license moved too often lately; confirmed.NextMoveAt says from when it can move again.
        }
        #endregion
    }

    public static async Task ManageAsync(IFaktumLicensing licensing, TimeProvider time)
    {
        #region installations
        var overview = (await licensing.GetInstallationsAsync()).EnsureSuccess();   // Seats, MovesLeft, NextMoveAt, Installations
        foreach (var pc in overview.Installations.Where(i => !i.IsThisInstallation && i.LastSeen < time.GetUtcNow().AddMonths(-6)))
        {
            await licensing.ReleaseInstallationAsync(pc.Id);                      // it learns "moved" at its next start
        }

        await licensing.RenameInstallationAsync(overview.Installations[0].Id, "Balie");
        #endregion
    }
}
