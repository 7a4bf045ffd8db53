using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.EndToEnd.Tests.Storage;

public sealed class DamagedFilesTests
{
    [Fact]
    public async Task A_token_file_edited_by_hand_is_invalid_with_a_bad_signature()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));
        await app.RegisterAndConfirmAsync(server);
        var token = (await File.ReadAllTextAsync(app.TokenPath)).Trim();
        var signatureStart = token.LastIndexOf('.') + 1;
        var index = signatureStart + 10;
        var flipped = token[index] == 'A' ? 'B' : 'A';
        await File.WriteAllTextAsync(app.TokenPath, string.Concat(token.AsSpan(0, index), flipped.ToString(), token.AsSpan(index + 1)));
        await server.StopAsync();

        var status = await app.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Invalid, status.State);
        Assert.Equal(LicenseTokenFailure.BadSignature, status.InvalidReason);
        Assert.Equal(LicenseMode.ReadOnly, status.Mode);
        Assert.True(File.Exists(app.TokenPath));
    }

    [Fact]
    public async Task A_truncated_state_file_is_reported_as_not_registered_naming_the_file_and_recovery_repairs_it()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-a"));
        await app.RegisterAndConfirmAsync(server);
        var state = await File.ReadAllBytesAsync(app.StatePath);
        await File.WriteAllBytesAsync(app.StatePath, state.AsSpan(0, state.Length / 2).ToArray());

        var damaged = await app.Licensing.CheckAsync();

        Assert.Equal(LicenseState.NotRegistered, damaged.State);
        Assert.Equal(LicenseMode.ReadOnly, damaged.Mode);
        Assert.Contains(LicenseStateStore.StateFileName, damaged.Message, StringComparison.Ordinal);
        Assert.Contains("Recover", damaged.Message, StringComparison.Ordinal);

        (await app.Licensing.RequestOneTimePasswordAsync(HostApp.Email)).EnsureSuccess();
        var confirmed = await app.Licensing.ConfirmAsync(HostApp.Email, server.ReadOneTimePassword(HostApp.Email, count: 2));

        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.Equal(LicenseState.Trial, confirmed.Value!.State);
        var repaired = await app.Licensing.CheckAsync();
        Assert.Equal(LicenseState.Trial, repaired.State);
        Assert.True(repaired.IsConfirmedOnline);
        Assert.Equal(30, repaired.DaysLeft);
    }
}
