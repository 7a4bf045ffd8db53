using System.Net;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Faktum.Licensing.Server.Tests.Security;

/// <summary>F10: on Unix the data folder is the server account's alone, and pickup mails with a one-time password are
/// removed once that password has expired.</summary>
public sealed class DataFolderModeTests
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_data_folder_its_database_keys_and_mails_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // file modes are a Unix matter; on Windows the folder inherits its ACL
        }

        await using var server = await ServerFixture.StartAsync();
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("modes@example.nl"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        server.WaitForMessagesTo("modes@example.nl");

        var data = server.Server.DataDirectory;
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(data));
        foreach (var directory in Directory.GetDirectories(data, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.GetUnixFileMode(directory) == OwnerOnlyDirectory, $"{directory}: {File.GetUnixFileMode(directory)}");
        }

        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".eml", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.GetUnixFileMode(file) == OwnerOnlyFile, $"{file}: {File.GetUnixFileMode(file)}");
        }
    }

    [Fact]
    public async Task A_data_folder_made_beforehand_with_open_modes_is_narrowed_at_start()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await using var server = await ServerFixture.StartAsync(dataDirectory: data);

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(data));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task A_pickup_mail_holding_a_one_time_password_is_removed_once_the_password_has_expired()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time);
        using var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration("expiry@example.nl"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        Assert.Single(server.WaitForMessagesTo("expiry@example.nl"));

        time.Advance(TimeSpan.FromMinutes(29));
        await Task.Delay(300);
        Assert.Single(server.MessagesTo("expiry@example.nl"));

        await ServerFixture.WaitUntilAsync(() =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return Task.FromResult(server.MessagesTo("expiry@example.nl").Count == 0);
        }, "the expired password's mail to leave the pickup folder");
    }

    [Fact]
    public async Task A_pickup_mail_without_a_one_time_password_stays()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var server = await ServerFixture.StartAsync(time);
        // An address in use by a registration not yet confirmed (a confirmed one registers another company, S9).
        using (var first = await server.PostAsync("/v1/registrations", ServerFixture.Registration("stays@example.nl")))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, first.StatusCode);
        }

        server.WaitForMessagesTo("stays@example.nl", 1);
        using var again = await server.PostAsync("/v1/registrations", ServerFixture.Registration("stays@example.nl", name: "Bakkerij Pietersen", postcode: "5678 CD"));
        var notice = server.NewestMessageTo("stays@example.nl", count: 2);
        Assert.Null(Faktum.Licensing.Testing.PickupFolder.PasswordIn(notice));

        time.Advance(TimeSpan.FromHours(2));
        await Task.Delay(500);
        time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(500);

        var left = server.MessagesTo("stays@example.nl");
        Assert.Single(left);
        Assert.Null(Faktum.Licensing.Testing.PickupFolder.PasswordIn(left[0]));
    }
}
