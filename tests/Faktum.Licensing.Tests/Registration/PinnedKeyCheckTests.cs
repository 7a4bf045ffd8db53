using System.Net;
using Faktum.Licensing.Tests.Infrastructure;

namespace Faktum.Licensing.Tests.Registration;

/// <summary>The pre-check before a one-time password is spent: the server's JWKS must hold a pinned key (edge cases the real server cannot produce).</summary>
public sealed class PinnedKeyCheckTests
{
    private const string Email = "info@bakkerij-jansen.example";

    [Fact]
    public async Task Confirm_async_reads_the_published_keys_once_per_process()
    {
        using var host = new LicensingTestHost();

        Assert.Equal(LicensingFailure.OneTimePasswordInvalid, (await host.Licensing.ConfirmAsync(Email, "000000")).Failure);
        Assert.True((await host.Licensing.ConfirmAsync(Email, "123456")).Succeeded);

        Assert.Equal(1, host.Server.Count("/.well-known/jwks.json"));
        Assert.Equal(2, host.Server.Count("/v1/confirmations"));
    }

    [Fact]
    public async Task Confirm_async_a_key_set_that_is_not_a_jwks_is_invalid_response_and_the_password_is_not_sent()
    {
        using var host = new LicensingTestHost();
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/.well-known/jwks.json" ? FakeLicenseServer.Json(HttpStatusCode.OK, "[1,2]") : null);

        var result = await host.Licensing.ConfirmAsync(Email, "123456");

        Assert.Equal(LicensingFailure.InvalidResponse, result.Failure);
        Assert.Equal(0, host.Server.Count("/v1/confirmations"));
    }

    [Fact]
    public async Task Confirm_async_an_empty_key_set_is_server_key_not_trusted_and_the_password_is_not_sent()
    {
        using var host = new LicensingTestHost();
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/.well-known/jwks.json" ? FakeLicenseServer.Json(HttpStatusCode.OK, """{"keys":[]}""") : null);

        var result = await host.Licensing.ConfirmAsync(Email, "123456");

        Assert.Equal(LicensingFailure.ServerKeyNotTrusted, result.Failure);
        Assert.Contains("(none)", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Server.Count("/v1/confirmations"));
    }

    [Fact]
    public async Task Confirm_async_a_key_set_the_server_fails_to_serve_is_server_unreachable_and_the_password_is_not_sent()
    {
        using var host = new LicensingTestHost();
        host.Server.Intercept = r => Task.FromResult<HttpResponseMessage?>(r.Path == "/.well-known/jwks.json" ? new HttpResponseMessage(HttpStatusCode.BadGateway) : null);

        var result = await host.Licensing.ConfirmAsync(Email, "123456");

        Assert.Equal(LicensingFailure.ServerUnreachable, result.Failure);
        Assert.Equal(0, host.Server.Count("/v1/confirmations"));
    }
}
