using Faktum.Licensing.EndToEnd.Tests.Infrastructure;

namespace Faktum.Licensing.EndToEnd.Tests.Registration;

public sealed class ServerRestartTests
{
    [Fact]
    public async Task A_restarted_server_on_the_same_data_folder_keeps_its_keys_and_the_license_still_checks_as_trial()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-a");
        using (var app = new HostApp(server, computer))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        var keysBefore = server.TrustedKeys.ToDictionary();
        await server.RestartAsync();
        using var next = new HostApp(server, computer);
        var status = await next.Licensing.CheckAsync();

        Assert.Equal(keysBefore, server.TrustedKeys);
        Assert.Equal(LicenseState.Trial, status.State);
        Assert.True(status.IsConfirmedOnline, status.Message);
    }

    [Fact]
    public async Task Two_host_processes_starting_at_once_on_one_data_folder_both_check_trial_and_leave_a_readable_state()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = server.Computer("computer-a");
        using (var app = new HostApp(server, computer))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        using var one = new HostApp(server, computer);
        using var two = new HostApp(server, computer);
        var checks = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? one : two).Licensing.CheckAsync()));

        Assert.All(checks, c => Assert.Equal(LicenseState.Trial, c.State));
        Assert.All(checks, c => Assert.True(c.IsConfirmedOnline, c.Message));
        using var third = new HostApp(server, computer);
        Assert.Equal(LicenseState.Trial, (await third.Licensing.CheckAsync()).State);
    }

    [Fact]
    public async Task A_recovery_for_an_unknown_address_answers_like_a_known_one_and_mails_nothing()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));

        var requested = await app.Licensing.RequestOneTimePasswordAsync("nobody@nowhere.example");

        Assert.True(requested.Succeeded, requested.Message);
        Assert.Empty(server.MessagesTo("nobody@nowhere.example"));
        Assert.Equal(LicenseState.NotRegistered, (await app.Licensing.CheckAsync()).State);
    }
}
