using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.EndToEnd.Tests.Copies;

/// <summary>
/// Copy detection without a fingerprint (S8, I10), against the real server: copied data folders are flagged <c>duplicated</c>
/// within one start of each; a lost answer, an offline period, a crash before the token was stored and a restored backup used
/// alone are not. Between starts a day passes (well beyond the server's retry window) unless the test says otherwise.
/// </summary>
public sealed class CopyDetectionTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_copied_data_folder_started_alternately_with_the_original_is_flagged_on_both_within_one_start_each(bool copyStartsFirst)
    {
        await using var server = await E2eServer.StartAsync();
        var original = server.Computer("original");
        using (var app = new HostApp(server, original))
        {
            await app.RegisterAndConfirmAsync(server);
            Assert.Equal(LicenseState.Trial, (await app.Licensing.CheckAsync()).State);
        }

        var copy = server.Computer("copy");
        CopyFolder(original, copy);
        var (first, second) = copyStartsFirst ? (copy, original) : (original, copy);

        // The first start of each cannot be told from a lost answer: both stay licensed once.
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, first)).State);
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, second)).State);

        // The next start of each is flagged, with its own verdict, read-only, and nothing on disk is touched.
        var filesBefore = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var flaggedFirst = await StartAsync(server, first);
        var flaggedSecond = await StartAsync(server, second);
        foreach (var flagged in new[] { flaggedFirst, flaggedSecond })
        {
            Assert.Equal(LicenseState.Duplicated, flagged.State);
            Assert.Equal(LicenseMode.ReadOnly, flagged.Mode);
            Assert.True(flagged.IsConfirmedOnline);
            Assert.Contains("Recover the license on the computer you use", flagged.Message, StringComparison.Ordinal);
            Assert.Equal("Bakkerij Jansen B.V.", flagged.Company!.Name);
        }

        Assert.Equal(filesBefore, Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());

        // It stays so at later starts, and offline.
        Assert.Equal(LicenseState.Duplicated, (await StartAsync(server, first)).State);
        var fault = new StartupFault { Offline = true };
        Assert.Equal(LicenseState.Duplicated, (await StartAsync(server, second, fault)).State);
    }

    [Fact]
    public async Task A_copy_resumed_after_the_original_moved_on_is_flagged_at_the_next_start_of_each()
    {
        await using var server = await E2eServer.StartAsync();
        var original = server.Computer("original");
        using (var app = new HostApp(server, original))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        var copy = server.Computer("copy");
        CopyFolder(original, copy);
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, original)).State);
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, original)).State);
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, copy)).State); // a restored backup would look the same

        Assert.Equal(LicenseState.Duplicated, (await StartAsync(server, original)).State);
        Assert.Equal(LicenseState.Duplicated, (await StartAsync(server, copy)).State);
    }

    [Fact]
    public async Task Copies_started_within_the_retry_window_of_each_other_are_flagged_one_start_later()
    {
        await using var server = await E2eServer.StartAsync();
        var original = server.Computer("original");
        using (var app = new HostApp(server, original))
        {
            await app.RegisterAndConfirmAsync(server);
        }

        var copy = server.Computer("copy");
        CopyFolder(original, copy);
        var states = new List<LicenseState>();
        foreach (var folder in new[] { original, copy, original, copy, original })
        {
            states.Add((await StartAsync(server, folder, advance: TimeSpan.FromSeconds(30))).State);
        }

        Assert.Equal([LicenseState.Trial, LicenseState.Trial, LicenseState.Trial, LicenseState.Duplicated, LicenseState.Duplicated], states);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task An_answer_lost_on_the_way_is_no_copy(int daysUntilTheNextStart)
    {
        await using var server = await E2eServer.StartAsync();
        var computer = await RegisteredAsync(server);
        var fault = new StartupFault { LoseAnswers = true };

        var lost = await StartAsync(server, computer, fault);
        Assert.Equal(LicenseState.OfflineGrace, lost.State);
        Assert.True(fault.Lost >= 1, "the server answered, and the answer was dropped");

        fault.LoseAnswers = false;
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer, fault, TimeSpan.FromDays(daysUntilTheNextStart))).State);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer)).State);
        }
    }

    [Fact]
    public async Task An_offline_period_is_no_copy()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = await RegisteredAsync(server);
        var fault = new StartupFault { Offline = true };
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(LicenseState.OfflineGrace, (await StartAsync(server, computer, fault)).State);
        }

        fault.Offline = false;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer, fault)).State);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_crash_before_the_new_token_was_stored_is_no_copy(int daysUntilTheNextStart)
    {
        await using var server = await E2eServer.StartAsync();
        var computer = await RegisteredAsync(server);
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer)).State);

        // What a crash between the server's answer and the atomic write leaves on disk: the files as they were before the start.
        var before = Snapshot(computer);
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer)).State);
        Restore(computer, before);

        Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer, advance: TimeSpan.FromDays(daysUntilTheNextStart))).State);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer)).State);
        }
    }

    [Fact]
    public async Task A_restored_backup_used_alone_is_no_copy()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = await RegisteredAsync(server);
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer)).State);
        var backup = Snapshot(computer);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer)).State);
        }

        Restore(computer, backup); // the disk died; last week's backup goes back in its place
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer)).State);
        }
    }

    [Fact]
    public async Task Two_app_processes_starting_at_once_on_one_data_folder_are_no_copy()
    {
        await using var server = await E2eServer.StartAsync();
        var computer = await RegisteredAsync(server);
        using var one = new HostApp(server, computer);
        using var two = new HostApp(server, computer);
        var both = await Task.WhenAll(one.Licensing.CheckAsync(), two.Licensing.CheckAsync());
        Assert.All(both, status => Assert.Equal(LicenseState.Trial, status.State));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(LicenseState.Trial, (await StartAsync(server, computer)).State);
        }
    }

    [Fact]
    public async Task Recovery_on_the_computer_in_use_clears_duplicated_there_and_the_copy_stays_duplicated()
    {
        await using var server = await E2eServer.StartAsync();
        var (kept, other) = await FlaggedPairAsync(server);

        using (var app = new HostApp(server, kept))
        {
            var seen = server.MessagesTo(HostApp.Email).Select(m => m.MessageId ?? string.Empty).ToHashSet(StringComparer.Ordinal);
            (await app.Licensing.RequestOneTimePasswordAsync(HostApp.Email)).EnsureSuccess();
            var recovered = (await app.Licensing.ConfirmAsync(HostApp.Email, await NewPasswordAsync(server, seen))).EnsureSuccess();
            Assert.Equal(LicenseState.Trial, recovered.State);
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(LicenseState.Trial, (await StartAsync(server, kept)).State);
        }

        Assert.Equal(LicenseState.Duplicated, (await StartAsync(server, other)).State);
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, kept)).State);
    }

    [Fact]
    public async Task The_vendor_clears_duplicated_through_the_admin_api_and_a_copy_still_in_use_is_flagged_again()
    {
        await using var server = await E2eServer.StartAsync();
        var (kept, other) = await FlaggedPairAsync(server);
        var licenseId = await LicenseIdAsync(server);

        using (var shown = await server.Admin.GetAsync(new Uri($"v1/admin/licenses/{licenseId}/copies", UriKind.Relative)))
        {
            using var body = JsonDocument.Parse(await shown.Content.ReadAsStringAsync());
            Assert.True(body.RootElement.GetProperty("installations")[0].GetProperty("duplicated").GetBoolean());
        }

        using (var cleared = await server.Admin.PostAsJsonAsync(new Uri($"v1/admin/licenses/{licenseId}/copies/clear", UriKind.Relative), new { }))
        {
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
            using var body = JsonDocument.Parse(await cleared.Content.ReadAsStringAsync());
            Assert.False(body.RootElement.GetProperty("installations")[0].GetProperty("duplicated").GetBoolean());
        }

        Assert.Equal(LicenseState.Trial, (await StartAsync(server, kept)).State);
        Assert.Equal(LicenseState.Trial, (await StartAsync(server, kept)).State);

        // The user said the copy was gone, but it starts again: flagged at its next start, and the kept one at its next.
        Assert.Equal(LicenseState.Duplicated, (await StartAsync(server, other)).State);
        Assert.Equal(LicenseState.Duplicated, (await StartAsync(server, kept)).State);

        using var unknown = await server.Admin.PostAsJsonAsync(new Uri("v1/admin/licenses/lic_unknown/copies/clear", UriKind.Relative), new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>One start of the host app on <paramref name="folder"/>, a day (or <paramref name="advance"/>) after the previous one.</summary>
    internal static async Task<LicenseStatus> StartAsync(E2eServer server, string folder, StartupFault? fault = null, TimeSpan? advance = null)
    {
        server.Time.Advance(advance ?? Day);
        using var app = fault is null ? new HostApp(server, folder) : new HostApp(server, folder, build: builder =>
            builder.Services.AddHttpClient(LicenseServerClient.RetryingClientName).AddHttpMessageHandler(() => new StartupFaultHandler(fault)));
        return await app.Licensing.CheckAsync();
    }

    private static async Task<string> RegisteredAsync(E2eServer server)
    {
        var computer = server.Computer("computer");
        using var app = new HostApp(server, computer);
        await app.RegisterAndConfirmAsync(server);
        return computer;
    }

    private static async Task<(string Kept, string Other)> FlaggedPairAsync(E2eServer server)
    {
        var kept = await RegisteredAsync(server);
        var other = server.Computer("copy");
        CopyFolder(kept, other);
        foreach (var folder in new[] { kept, other })
        {
            Assert.Equal(LicenseState.Trial, (await StartAsync(server, folder)).State);
        }

        foreach (var folder in new[] { kept, other })
        {
            Assert.Equal(LicenseState.Duplicated, (await StartAsync(server, folder)).State);
        }

        return (kept, other);
    }

    internal static async Task<string> LicenseIdAsync(E2eServer server)
    {
        var company = await server.Admin.GetFromJsonAsync<JsonElement>(new Uri($"v1/admin/companies?email={Uri.EscapeDataString(HostApp.Email)}", UriKind.Relative));
        return company.GetProperty("licenses")[0].GetProperty("id").GetString()!;
    }

    /// <summary>The one-time password of the first mail not in <paramref name="seen"/> (days have passed: older mails may have left the folder).</summary>
    private static async Task<string> NewPasswordAsync(E2eServer server, HashSet<string> seen)
    {
        for (var i = 0; i < 300; i++)
        {
            if (server.MessagesTo(HostApp.Email).FirstOrDefault(m => !seen.Contains(m.MessageId ?? string.Empty)) is { } mail)
            {
                return Faktum.Licensing.Testing.PickupFolder.PasswordIn(mail) ?? throw new Xunit.Sdk.XunitException("The mail holds no one-time password.");
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("No recovery mail arrived.");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    private static void Restore(string folder, Dictionary<string, byte[]> snapshot)
    {
        foreach (var file in Directory.GetFiles(folder).Where(f => !snapshot.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(file);
        }

        foreach (var (name, bytes) in snapshot)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
    }
}
