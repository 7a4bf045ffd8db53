using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Faktum.Licensing.EndToEnd.Tests.Diagnostics;

/// <summary>Issue 15, item 4: an expected failure is one log line, never a stack trace (Polly's own telemetry included).</summary>
public sealed class ExpectedFailureLoggingTests
{
    [Fact]
    public async Task A_registration_against_a_stopped_server_logs_one_warning_and_no_stack_trace()
    {
        await using var server = await E2eServer.StartAsync();
        using var app = new HostApp(server, server.Computer("computer-1"), build: builder => builder.Services.AddFakeLogging());
        await server.StopAsync();

        var registered = await app.Licensing.RegisterCompanyAsync(HostApp.Registration());

        Assert.Equal(LicensingFailure.ServerUnreachable, registered.Failure);
        var records = app.Provider.GetFakeLogCollector().GetSnapshot();
        Assert.All(records, record => Assert.Null(record.Exception));
        var warning = Assert.Single(records, record => record.Level >= LogLevel.Warning);
        Assert.Contains("v1/registrations", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_refused_for_unmatched_keys_logs_one_warning_and_no_stack_trace()
    {
        await using var server = await E2eServer.StartAsync();
        using var otherKey = Tokens.Ed25519SigningKey.Generate();
        using var app = new HostApp(server, server.Computer("computer-1"), build: builder => builder.Services.AddFakeLogging(), configure: options =>
        {
            options.TrustedKeys.Clear();
            options.TrustedKeys[otherKey.KeyId] = otherKey.PublicKey.ExportPublicKeyBase64Url();
        });

        var refused = await app.Licensing.ConfirmAsync(HostApp.Email, "123456");

        Assert.Equal(LicensingFailure.ServerKeyNotTrusted, refused.Failure);
        var records = app.Provider.GetFakeLogCollector().GetSnapshot();
        Assert.All(records, record => Assert.Null(record.Exception));
        Assert.Single(records, record => record.Level >= LogLevel.Warning);
    }
}
