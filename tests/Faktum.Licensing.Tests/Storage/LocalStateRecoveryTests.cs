using Faktum.Licensing.Tests.Infrastructure;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Tests.Storage;

public class LocalStateRecoveryTests
{
    [Fact]
    public async Task Token_file_edited_by_hand_is_invalid_with_bad_signature_without_calling_the_server()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        var parts = File.ReadAllText(host.TokenPath).Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("\"trial\"", "\"paid\"", StringComparison.Ordinal);
        File.WriteAllText(host.TokenPath, $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload))}.{parts[2]}");
        var requestsBefore = host.Server.Requests.Count;

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Invalid, status.State);
        Assert.Equal(LicenseTokenFailure.BadSignature, status.InvalidReason);
        Assert.Equal(LicenseMode.ReadOnly, status.Mode);
        Assert.Equal(requestsBefore, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Token_file_truncated_is_invalid_and_malformed()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        var token = File.ReadAllText(host.TokenPath);
        File.WriteAllText(host.TokenPath, token[..(token.Length / 2)]);

        var status = await host.Licensing.CheckAsync();

        Assert.Equal((LicenseState.Invalid, LicenseTokenFailure.Malformed), (status.State, status.InvalidReason));
    }

    [Fact]
    public async Task State_file_truncated_is_not_registered_with_a_precise_message_and_recovery_repairs_it()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        var state = File.ReadAllText(host.StatePath);
        File.WriteAllText(host.StatePath, state[..(state.Length / 3)]);

        var damaged = await host.Licensing.CheckAsync();
        Assert.Equal(LicenseState.NotRegistered, damaged.State);
        Assert.Contains("state.json' is damaged", damaged.Message, StringComparison.Ordinal);
        Assert.Contains("Recover the license", damaged.Message, StringComparison.Ordinal);

        Assert.True((await host.Licensing.RequestOneTimePasswordAsync("info@bakkerij-jansen.example")).Succeeded);
        var confirmed = await host.Licensing.ConfirmAsync("info@bakkerij-jansen.example", "123456");
        var repaired = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, confirmed.EnsureSuccess().State);
        Assert.Equal(LicenseState.Trial, repaired.State);
        Assert.True(repaired.IsConfirmedOnline);
    }

    [Fact]
    public async Task State_file_deleted_with_the_token_left_is_not_registered_with_a_message()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        File.Delete(host.StatePath);

        var status = await host.Licensing.CheckAsync();

        Assert.Equal(LicenseState.NotRegistered, status.State);
        Assert.Contains("state file", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_host_on_the_same_data_folder_starts_trial_without_asking_again_and_keeps_the_installation_id()
    {
        using var first = new LicensingTestHost();
        await first.RegisterAndConfirmAsync();
        var stateBefore = System.Text.Json.JsonDocument.Parse(File.ReadAllText(first.StatePath)).RootElement.GetProperty("installationId").GetString();

        using var second = new LicensingTestHost(dataDirectory: first.DataDirectory, server: first.Server);
        var status = await second.Licensing.CheckAsync();

        Assert.Equal((LicenseState.Trial, 30), (status.State, status.DaysLeft));
        Assert.Single(first.Server.Requests, r => r.Path == "/v1/registrations");
        Assert.Equal(stateBefore, System.Text.Json.JsonDocument.Parse(File.ReadAllText(first.StatePath)).RootElement.GetProperty("installationId").GetString());
    }

    [Fact]
    public async Task Two_hosts_checking_at_once_leave_a_usable_state()
    {
        using var first = new LicensingTestHost();
        await first.RegisterAndConfirmAsync();
        using var second = new LicensingTestHost(dataDirectory: first.DataDirectory, server: first.Server);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).Licensing.CheckAsync()));

        Assert.All(results, s => Assert.Equal(LicenseState.Trial, s.State));
        Assert.Equal(LicenseState.Trial, (await first.Licensing.CheckAsync()).State);
    }
}
