using System.Net;
using System.Net.Http.Json;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Testing;

namespace Faktum.Licensing.EndToEnd.Tests.Seats;

/// <summary>Seats per license (S8) against the real server: several PCs at once, the owner's choice when they are full.</summary>
public sealed class SeatsTests
{
    [Fact]
    public async Task With_two_seats_a_third_pc_is_offered_the_two_and_releasing_the_first_licenses_it_moves_the_first_and_leaves_the_second()
    {
        await using var server = await E2eServer.StartAsync();
        using var pc1 = new HostApp(server, server.Computer("pc1"));
        (await pc1.Licensing.RegisterCompanyAsync(HostApp.Registration())).EnsureSuccess();
        var first = (await pc1.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email), new SeatChoice { Label = "Kantoor-PC" })).EnsureSuccess();
        await SetSeatsAsync(server, first.Claims!.LicenseId, 2);

        server.Time.Advance(TimeSpan.FromMinutes(1));
        using var pc2 = new HostApp(server, server.Computer("pc2"));
        var second = await RecoverAsync(server, pc2, new SeatChoice { Label = "Laptop" });
        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(LicenseState.Trial, (await pc1.Licensing.CheckAsync()).State);
        Assert.Equal(LicenseState.Trial, (await pc2.Licensing.CheckAsync()).State);

        server.Time.Advance(TimeSpan.FromMinutes(1));
        using var pc3 = new HostApp(server, server.Computer("pc3"));
        var password = await RequestPasswordAsync(server, pc3);
        var full = await pc3.Licensing.ConfirmAsync(HostApp.Email, password, new SeatChoice { Label = "Balie" });

        Assert.Equal(LicensingFailure.SeatsFull, full.Failure);
        Assert.Equal(["Kantoor-PC", "Laptop"], full.Installations.Select(i => i.Label));
        Assert.All(full.Installations, i => Assert.NotNull(i.LastSeen));
        Assert.False(File.Exists(pc3.TokenPath));

        var kantoor = full.Installations.Single(i => i.Label == "Kantoor-PC");
        var third = await pc3.Licensing.ConfirmAsync(HostApp.Email, password, new SeatChoice { Label = "Balie", ReleaseInstallationId = kantoor.Id });

        Assert.True(third.Succeeded, third.Message);
        Assert.Equal(LicenseState.Trial, (await pc3.Licensing.CheckAsync()).State);
        Assert.Equal(LicenseState.MovedToAnotherInstallation, (await pc1.Licensing.CheckAsync()).State);
        Assert.Equal(LicenseState.Trial, (await pc2.Licensing.CheckAsync()).State);
        var listed = (await pc3.Licensing.GetInstallationsAsync()).EnsureSuccess();
        Assert.Equal(["Laptop", "Balie"], listed.Installations.Select(i => i.Label));
        Assert.Equal("Balie", Assert.Single(listed.Installations, i => i.IsThisInstallation).Label);
    }

    [Fact]
    public async Task A_seats_full_answer_neither_spends_the_password_nor_costs_an_attempt()
    {
        await using var server = await E2eServer.StartAsync();
        using var pc1 = new HostApp(server, server.Computer("pc1"));
        var first = await pc1.RegisterAndConfirmAsync(server);
        await SetSeatsAsync(server, first.Claims!.LicenseId, 2);
        server.Time.Advance(TimeSpan.FromMinutes(1));
        using var pc2 = new HostApp(server, server.Computer("pc2"));
        (await RecoverAsync(server, pc2, new SeatChoice { Label = "PC2" })).EnsureSuccess();

        using var pc3 = new HostApp(server, server.Computer("pc3"));
        var password = await RequestPasswordAsync(server, pc3);
        for (var wrong = 0; wrong < 4; wrong++)
        {
            Assert.Equal(LicensingFailure.OneTimePasswordInvalid, (await pc3.Licensing.ConfirmAsync(HostApp.Email, "ABCDE-FGHJK")).Failure);
        }

        // The fifth and sixth attempts with the right password: a budget of five would refuse the sixth had the first cost one.
        var full = await pc3.Licensing.ConfirmAsync(HostApp.Email, password);
        Assert.Equal(LicensingFailure.SeatsFull, full.Failure);
        var again = await pc3.Licensing.ConfirmAsync(HostApp.Email, password, new SeatChoice { ReleaseInstallationId = full.Installations.Single(i => i.Label == "PC2").Id });

        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(LicenseState.MovedToAnotherInstallation, (await pc2.Licensing.CheckAsync()).State);
        Assert.Equal(LicenseState.Trial, (await pc1.Licensing.CheckAsync()).State);
        Assert.Equal(LicensingFailure.OneTimePasswordInvalid, (await pc3.Licensing.ConfirmAsync(HostApp.Email, password)).Failure); // now spent
    }

    [Fact]
    public async Task Naming_an_installation_that_holds_no_seat_answers_seats_full_again_and_a_bad_label_is_a_field_error()
    {
        await using var server = await E2eServer.StartAsync();
        using var pc1 = new HostApp(server, server.Computer("pc1"));
        var first = await pc1.RegisterAndConfirmAsync(server);
        await SetSeatsAsync(server, first.Claims!.LicenseId, 2);
        server.Time.Advance(TimeSpan.FromMinutes(1));
        using var pc2 = new HostApp(server, server.Computer("pc2"));
        (await RecoverAsync(server, pc2)).EnsureSuccess();
        using var pc3 = new HostApp(server, server.Computer("pc3"));
        var password = await RequestPasswordAsync(server, pc3);

        var unknown = await pc3.Licensing.ConfirmAsync(HostApp.Email, password, new SeatChoice { ReleaseInstallationId = "ins_nonexistent" });
        var invisible = await pc3.Licensing.ConfirmAsync(HostApp.Email, password, new SeatChoice { Label = "Kantoor\u200B-PC" });
        var tooLong = await pc3.Licensing.ConfirmAsync(HostApp.Email, password, new SeatChoice { Label = new string('x', 41) });

        Assert.Equal(LicensingFailure.SeatsFull, unknown.Failure);
        Assert.Equal(2, unknown.Installations.Count);
        Assert.Equal(LicensingFailure.InvalidInput, invisible.Failure);
        Assert.Contains("label", invisible.FieldErrors.Keys);
        Assert.Equal(LicensingFailure.InvalidInput, tooLong.Failure);
        Assert.True((await pc3.Licensing.ConfirmAsync(HostApp.Email, password, new SeatChoice { ReleaseInstallationId = unknown.Installations[0].Id })).Succeeded);
    }

    [Fact]
    public async Task With_one_seat_a_recovery_still_moves_the_license_in_one_step_and_the_label_is_kept()
    {
        await using var server = await E2eServer.StartAsync();
        using var pc1 = new HostApp(server, server.Computer("pc1"));
        await pc1.RegisterAndConfirmAsync(server);
        server.Time.Advance(TimeSpan.FromMinutes(1));
        using var pc2 = new HostApp(server, server.Computer("pc2"));

        var moved = await RecoverAsync(server, pc2, new SeatChoice { Label = "Nieuwe PC" });

        Assert.True(moved.Succeeded, moved.Message);
        Assert.Equal(LicenseState.MovedToAnotherInstallation, (await pc1.Licensing.CheckAsync()).State);
        var listed = (await pc2.Licensing.GetInstallationsAsync()).EnsureSuccess();
        Assert.Equal(1, listed.Seats);
        Assert.Equal("Nieuwe PC", Assert.Single(listed.Installations).Label);
        Assert.Equal(2, listed.MovesLeft);
    }

    /// <summary>Asks for a recovery password on <paramref name="app"/>, reads the new one from the pickup folder and confirms with it.</summary>
    internal static async Task<LicensingResult<LicenseStatus>> RecoverAsync(E2eServer server, HostApp app, SeatChoice? choice = null, string email = HostApp.Email) =>
        await app.Licensing.ConfirmAsync(email, await RequestPasswordAsync(server, app, email), choice);

    /// <summary>
    /// Asks for a recovery password and waits for the mail with a password not seen before the request. (Counting mails does not
    /// work once the fake clock moves: the pickup folder drops a mail whose password expired.)
    /// </summary>
    internal static async Task<string> RequestPasswordAsync(E2eServer server, HostApp app, string email = HostApp.Email)
    {
        var before = server.MessagesTo(email).Select(PickupFolder.PasswordIn).ToHashSet(StringComparer.Ordinal);
        (await app.Licensing.RequestOneTimePasswordAsync(email)).EnsureSuccess();
        var deadline = Environment.TickCount64 + 15_000;
        while (true)
        {
            if (server.MessagesTo(email).Select(PickupFolder.PasswordIn).LastOrDefault(p => p is not null && !before.Contains(p)) is { } password)
            {
                return password;
            }

            Assert.True(Environment.TickCount64 < deadline, $"No new one-time password to {email} arrived.");
            await Task.Delay(50);
        }
    }

    internal static async Task SetSeatsAsync(E2eServer server, string licenseId, int seats)
    {
        using var response = await server.Admin.PostAsJsonAsync(new Uri($"v1/admin/licenses/{licenseId}/seats", UriKind.Relative), new { seats });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"seats: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
