using System.Diagnostics;
using System.Text.Json;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.EndToEnd.Tests.Privacy;

public sealed class StartupPrivacyTests
{
    [Fact]
    public async Task The_startup_request_arrives_at_the_server_with_exactly_license_appVersion_channel_and_nonce_and_no_cookie_or_authorization()
    {
        // A host app that traces (OpenTelemetry, Application Insights) listens to every activity; that must not add trace headers.
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var activity = new ActivitySource("HostApp").StartActivity("Start");
        var capture = new StartupRequestCapture();
        await using var server = await E2eServer.StartAsync(services => services.AddSingleton<IStartupFilter>(capture));
        using var app = new HostApp(server, server.Computer("computer-a"));
        await app.RegisterAndConfirmAsync(server);
        var token = (await File.ReadAllTextAsync(app.TokenPath)).Trim();

        var status = await app.Licensing.CheckAsync();

        Assert.Equal(LicenseState.Trial, status.State);
        var request = Assert.Single(capture.Requests);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(JsonValueKind.Object, body.RootElement.ValueKind);
        Assert.Equal(
            ["appVersion", "channel", "license", "nonce"],
            body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.All(body.RootElement.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal(token, body.RootElement.GetProperty("license").GetString());
        Assert.Equal("2.3.1", body.RootElement.GetProperty("appVersion").GetString());
        Assert.Equal("stable", body.RootElement.GetProperty("channel").GetString());
        Assert.DoesNotContain("Cookie", request.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("Authorization", request.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(
            ["accept", "content-length", "content-type", "host"],
            request.Headers.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray());
    }
}
