using System.Net;
using System.Net.Sockets;
using Faktum.Licensing.Http;
using Faktum.Licensing.Storage;
using Faktum.Licensing.Testing;
using Faktum.Licensing.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace Faktum.Licensing.Tests.Startup;

/// <summary>
/// The server out of reach over real TCP on loopback, with the SDK wired through DI and its real <see cref="SocketsHttpHandler"/>:
/// which failures are retried, counted per attempt (an <see cref="AttemptCounter"/> inside the resilience handler), never timed.
/// </summary>
public sealed class UnreachableServerTests : IDisposable
{
    private static readonly TimeSpan ShortDeadline = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new(LicensingTestHost.Start);
    private readonly FakeLicenseServer _keys;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "faktum-tests", Guid.NewGuid().ToString("N"));
    private readonly AttemptCounter.Log _attempts = new();

    public UnreachableServerTests()
    {
        // Only its key and its token minting: every request below goes over real sockets.
        _keys = new FakeLicenseServer(_time);
    }

    [Fact]
    public async Task Check_async_over_a_refused_connection_tries_once_and_works_offline_on_the_cached_license()
    {
        await WriteCachedLicenseAsync();
        await using var provider = Sdk(LoopbackPeer.Refusing());

        var status = await provider.GetRequiredService<IFaktumLicensing>().CheckAsync();

        AssertOneConnectionTriedAndNoRequestWritten(provider);
        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.False(status.IsConfirmedOnline);
        Assert.Contains("cannot be reached", status.Message, StringComparison.Ordinal);
        Assert.Equal("Bakkerij Jansen B.V.", status.Company?.Name);
    }

    [Fact]
    public async Task Check_async_over_a_refused_connection_never_builds_the_retry_pipeline()
    {
        await WriteCachedLicenseAsync();
        await using var provider = Sdk(LoopbackPeer.Refusing());

        var status = await provider.GetRequiredService<IFaktumLicensing>().CheckAsync();

        Assert.Equal(LicenseState.OfflineGrace, status.State);
        AssertOneConnectionTriedAndNoRequestWritten(provider);
        Assert.False(provider.GetRequiredService<LicenseServerPipelines>().IsRetryingBuilt);
    }

    [Fact]
    public async Task An_offline_start_that_writes_no_request_says_and_logs_what_a_refused_request_would()
    {
        await WriteCachedLicenseAsync();
        var server = LoopbackPeer.Refusing();
        await using var early = Sdk(server);
        await using var sent = Sdk(server, primaryHandler: () => new SocketsHttpHandler());

        var offline = await early.GetRequiredService<IFaktumLicensing>().CheckAsync();
        var refused = await sent.GetRequiredService<IFaktumLicensing>().CheckAsync();

        // The host's own primary handler opens no early connection: its request is sent, and refused, through the client.
        Assert.Equal(0, sent.GetRequiredService<EarlyConnection>().Opened);
        Assert.Equal(1, _attempts.Count("/v1/startup"));
        Assert.Equal(1, early.GetRequiredService<EarlyConnection>().Opened);
        Assert.Equal((refused.State, refused.Message), (offline.State, offline.Message));
        Assert.Equal(Unreachable(sent), Unreachable(early));

        static string Unreachable(ServiceProvider provider) =>
            Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), record => record.Id.Name == "ServerUnreachable").Message;
    }

    [Fact]
    public async Task A_start_up_check_makes_one_connection_and_the_next_check_in_the_process_reuses_it()
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.AnsweringOnOneConnection(HttpStatusCode.BadRequest);
        await using var provider = Sdk(peer.Uri);
        var licensing = provider.GetRequiredService<IFaktumLicensing>();

        var first = await licensing.CheckAsync();
        var second = await licensing.CheckAsync();

        Assert.Equal(2, peer.Requests);
        Assert.Equal(1, peer.Accepted);
        Assert.Equal(LicenseState.OfflineGrace, first.State);
        Assert.Equal(LicenseState.OfflineGrace, second.State);
    }

    [Fact]
    public async Task A_start_up_check_opens_its_connection_while_it_checks_the_cached_license_and_sends_its_request_over_it()
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.AnsweringOnOneConnection(HttpStatusCode.BadRequest);
        await using var provider = Sdk(peer.Uri);

        await provider.GetRequiredService<IFaktumLicensing>().CheckAsync();

        Assert.Equal(1, provider.GetRequiredService<EarlyConnection>().Opened);
        Assert.Equal(1, peer.Accepted);
        Assert.Equal(1, peer.Requests);
    }

    [Fact]
    public async Task A_cached_license_refused_here_sends_nothing_and_its_early_connection_is_closed_unused()
    {
        await WriteCachedLicenseAsync(installationIdInToken: LicenseStateStore.NewInstallationId());
        await using var peer = LoopbackPeer.AnsweringOnOneConnection(HttpStatusCode.BadRequest);
        await using var provider = Sdk(peer.Uri);

        var status = await provider.GetRequiredService<IFaktumLicensing>().CheckAsync();

        Assert.Equal(LicenseState.Invalid, status.State);
        Assert.Equal(0, peer.Requests);
        Assert.True(SpinWait.SpinUntil(() => peer.Closed == peer.Accepted, HangGuard), "the early connection was left open");
        Assert.Equal(0, peer.Requests);
    }

    [Fact]
    public async Task Check_async_when_the_servers_name_does_not_resolve_tries_once_and_works_offline_on_the_cached_license()
    {
        await WriteCachedLicenseAsync();
        await using var provider = Sdk(new Uri("https://faktum-licensing-test.invalid:8443/"));

        var status = await CheckWithinHangGuardAsync(provider);

        AssertOneConnectionTriedAndNoRequestWritten(provider);
        AssertWorksOfflineOnTheCachedLicense(status);
        Assert.Contains("cannot be reached", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_answered_with_a_transient_status_hands_the_retries_to_the_pipeline_built_then()
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.Answering(HttpStatusCode.ServiceUnavailable);
        await using var provider = Sdk(peer.Uri);
        var pipelines = provider.GetRequiredService<LicenseServerPipelines>();
        Assert.False(pipelines.IsRetryingBuilt);

        var status = await provider.GetRequiredService<IFaktumLicensing>().CheckAsync();

        Assert.True(pipelines.IsRetryingBuilt);
        Assert.Equal(3, _attempts.Count("/v1/startup"));
        Assert.Equal(LicenseState.OfflineGrace, status.State);
    }

    [Fact]
    public async Task Check_async_over_a_connection_reset_after_the_request_was_sent_is_still_retried()
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.ResettingAfterTheRequest();
        await using var provider = Sdk(peer.Uri);

        var status = await provider.GetRequiredService<IFaktumLicensing>().CheckAsync();

        Assert.Equal(3, _attempts.Count("/v1/startup"));
        Assert.Equal(3, peer.Accepted);
        Assert.Equal(LicenseState.OfflineGrace, status.State);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Check_async_over_a_real_connection_answering_a_transient_status_is_still_retried(HttpStatusCode status)
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.Answering(status);
        await using var provider = Sdk(peer.Uri);

        var result = await provider.GetRequiredService<IFaktumLicensing>().CheckAsync();

        Assert.Equal(3, _attempts.Count("/v1/startup"));
        Assert.Equal(3, peer.Accepted);
        Assert.Equal(LicenseState.OfflineGrace, result.State);
    }

    [Fact]
    public async Task Check_async_against_a_server_that_never_answers_ends_each_attempt_at_the_request_timeout_then_works_offline()
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.Silent();
        await using var provider = Sdk(peer.Uri, TimeSpan.FromMilliseconds(100));

        var status = await provider.GetRequiredService<IFaktumLicensing>().CheckAsync();

        Assert.Equal(3, _attempts.Count("/v1/startup"));
        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.Contains("in time", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_when_the_server_sends_its_headers_then_stalls_ends_at_the_startup_deadline_and_works_offline()
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.SendingHeadersThenStalling();
        await using var provider = Sdk(peer.Uri, startupCheckTimeout: ShortDeadline);

        var status = await CheckWithinHangGuardAsync(provider);

        AssertWorksOfflineOnTheCachedLicense(status);
        Assert.Contains("in time", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_when_the_server_trickles_its_answer_forever_ends_at_the_startup_deadline_and_works_offline()
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.Trickling(TimeSpan.FromMilliseconds(300));
        await using var provider = Sdk(peer.Uri, startupCheckTimeout: ShortDeadline);

        var status = await CheckWithinHangGuardAsync(provider);

        AssertWorksOfflineOnTheCachedLicense(status);
        Assert.Contains("in time", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_when_the_connection_is_reset_mid_body_works_offline_and_is_not_a_data_folder_error()
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.ResettingMidBody();
        await using var provider = Sdk(peer.Uri, startupCheckTimeout: ShortDeadline);

        var status = await CheckWithinHangGuardAsync(provider);

        AssertWorksOfflineOnTheCachedLicense(status);
        Assert.DoesNotContain("data folder", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_against_a_server_that_accepts_and_never_answers_ends_at_the_startup_deadline_not_the_request_timeout()
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.Silent();
        await using var provider = Sdk(peer.Uri, requestTimeout: TimeSpan.FromMinutes(5), startupCheckTimeout: ShortDeadline);

        var status = await CheckWithinHangGuardAsync(provider);

        AssertWorksOfflineOnTheCachedLicense(status);
        Assert.Contains("in time", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_async_when_the_connection_never_completes_ends_at_the_startup_deadline_not_the_request_timeout()
    {
        await WriteCachedLicenseAsync();
        using var server = new UnansweredConnect();
        await using var provider = Sdk(server.Uri, requestTimeout: TimeSpan.FromMinutes(5), startupCheckTimeout: ShortDeadline);

        var status = await CheckWithinHangGuardAsync(provider);

        AssertWorksOfflineOnTheCachedLicense(status);
        Assert.Contains("in time", status.Message, StringComparison.Ordinal);
        Assert.Equal(0, _attempts.Count("/v1/startup"));
    }

    [Fact]
    public async Task Check_async_cancelled_by_the_caller_is_cancelled_not_offline()
    {
        await WriteCachedLicenseAsync();
        await using var peer = LoopbackPeer.Silent();
        await using var provider = Sdk(peer.Uri, requestTimeout: TimeSpan.FromMinutes(5), startupCheckTimeout: TimeSpan.FromMinutes(5));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => provider.GetRequiredService<IFaktumLicensing>().CheckAsync(cancellation.Token).WaitAsync(HangGuard));
    }

    [Fact]
    public async Task Register_company_async_when_the_server_stalls_after_its_headers_ends_at_the_request_timeout_as_server_unreachable()
    {
        await using var peer = LoopbackPeer.SendingHeadersThenStalling();
        await using var provider = Sdk(peer.Uri, requestTimeout: TimeSpan.FromMilliseconds(500));

        var result = await provider.GetRequiredService<IFaktumLicensing>().RegisterCompanyAsync(LicensingTestHost.Registration()).WaitAsync(HangGuard);

        Assert.Equal(LicensingFailure.ServerUnreachable, result.Failure);
    }

    [Fact]
    public async Task Confirm_async_when_the_server_trickles_its_answer_ends_at_the_request_timeout_as_server_unreachable()
    {
        await using var peer = LoopbackPeer.Trickling(TimeSpan.FromMilliseconds(100));
        await using var provider = Sdk(peer.Uri, requestTimeout: TimeSpan.FromMilliseconds(500));

        var result = await provider.GetRequiredService<IFaktumLicensing>().ConfirmAsync("info@bakkerij-jansen.example", "123456").WaitAsync(HangGuard);

        Assert.Equal(LicensingFailure.ServerUnreachable, result.Failure);
    }

    [Fact]
    public async Task Register_company_async_over_a_refused_connection_is_retried_with_one_idempotency_key()
    {
        await using var provider = Sdk(LoopbackPeer.Refusing());

        var result = await provider.GetRequiredService<IFaktumLicensing>().RegisterCompanyAsync(LicensingTestHost.Registration());

        Assert.Equal(LicensingFailure.ServerUnreachable, result.Failure);
        Assert.Equal(3, _attempts.Count("/v1/registrations"));
        Assert.NotNull(Assert.Single(_attempts.Attempts.Select(a => a.IdempotencyKey).Distinct()));
    }

    [Fact]
    public async Task Request_one_time_password_async_over_a_refused_connection_is_retried()
    {
        await using var provider = Sdk(LoopbackPeer.Refusing());

        var result = await provider.GetRequiredService<IFaktumLicensing>().RequestOneTimePasswordAsync("info@bakkerij-jansen.example");

        Assert.Equal(LicensingFailure.ServerUnreachable, result.Failure);
        Assert.Equal(3, _attempts.Count("/v1/recoveries"));
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, SocketError.ConnectionRefused, true)]
    [InlineData(HttpRequestError.ConnectionError, SocketError.HostUnreachable, true)]
    [InlineData(HttpRequestError.ConnectionError, SocketError.NetworkUnreachable, true)]
    [InlineData(HttpRequestError.ConnectionError, SocketError.NetworkDown, true)]
    [InlineData(HttpRequestError.NameResolutionError, SocketError.HostNotFound, true)]
    [InlineData(HttpRequestError.NameResolutionError, SocketError.TryAgain, true)]
    [InlineData(HttpRequestError.ConnectionError, SocketError.ConnectionReset, false)]
    [InlineData(HttpRequestError.ConnectionError, SocketError.TimedOut, false)]
    [InlineData(HttpRequestError.Unknown, SocketError.ConnectionReset, false)]
    [InlineData(HttpRequestError.ResponseEnded, SocketError.ConnectionReset, false)]
    public void A_connection_is_not_established_only_when_refused_unreachable_or_its_name_does_not_resolve(HttpRequestError error, SocketError socket, bool expected)
    {
        var exception = new HttpRequestException(error, "test", new SocketException((int)socket));

        Assert.Equal(expected, LicenseServerClient.IsConnectionNotEstablished(exception));
    }

    [Fact]
    public void A_failure_without_a_socket_error_or_a_timeout_is_not_a_connection_not_established()
    {
        Assert.False(LicenseServerClient.IsConnectionNotEstablished(new HttpRequestException("offline")));
        Assert.False(LicenseServerClient.IsConnectionNotEstablished(new HttpRequestException(HttpRequestError.ConnectionError, "test")));
        Assert.False(LicenseServerClient.IsConnectionNotEstablished(new TimeoutRejectedException()));
        Assert.False(LicenseServerClient.IsConnectionNotEstablished(new HttpRequestException("wrapped", new IOException("reset", new SocketException((int)SocketError.ConnectionRefused)))));
    }

    public void Dispose()
    {
        _keys.Key.Dispose();
        _keys.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    // The start-up call's one try is its early connection: once that cannot be established the call is over (fail-fast), so no
    // request is written and nothing enters the client's handlers, the resilience handler and its attempt counter included.
    private void AssertOneConnectionTriedAndNoRequestWritten(ServiceProvider provider)
    {
        Assert.Equal(1, provider.GetRequiredService<EarlyConnection>().Opened);
        Assert.Equal(0, _attempts.Count("/v1/startup"));
    }

    private static void AssertWorksOfflineOnTheCachedLicense(LicenseStatus status)
    {
        Assert.Equal(LicenseState.OfflineGrace, status.State);
        Assert.False(status.IsConfirmedOnline);
        Assert.Equal("Bakkerij Jansen B.V.", status.Company?.Name);
        Assert.NotNull(status.Claims);
    }

    // Not a timing assertion: only a guard that turns a hang into a failure instead of a stuck test run.
    private static async Task<LicenseStatus> CheckWithinHangGuardAsync(ServiceProvider provider) =>
        await provider.GetRequiredService<IFaktumLicensing>().CheckAsync().WaitAsync(HangGuard);

    /// <summary>
    /// A data folder as a confirmed installation leaves it: a valid trial license, last checked online a day ago; with
    /// <paramref name="installationIdInToken"/>, a token bound to another installation, which the local check refuses.
    /// </summary>
    private async Task WriteCachedLicenseAsync(string? installationIdInToken = null)
    {
        var installationId = LicenseStateStore.NewInstallationId();
        var token = _keys.IssueLicense(installationIdInToken ?? installationId);
        var company = new CompanyProfile("Bakkerij Jansen B.V.", "1234 AB", "NL", "Dorpsstraat", "1", "Ons Dorp", "J. Jansen", null, "info@bakkerij-jansen.example");
        var store = new LicenseStateStore(_dataDirectory, NullLogger.Instance);
        await store.UpdateAsync(
            _ => (new LocalLicenseState
            {
                InstallationId = installationId,
                LastOnlineCheck = _time.GetUtcNow(),
                HighestServerTime = _time.GetUtcNow(),
                Company = company,
            }, token),
            CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
    }

    /// <summary>The SDK as a host app wires it, pointed at <paramref name="server"/>, with an attempt counter on the retrying client.</summary>
    /// <remarks>
    /// The start-up deadline defaults to a minute here, so the tests that count attempts never meet it on a busy machine; the
    /// tests of the deadline set a short one.
    /// </remarks>
    private ServiceProvider Sdk(Uri server, TimeSpan? requestTimeout = null, TimeSpan? startupCheckTimeout = null, Func<HttpMessageHandler>? primaryHandler = null)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddFaktumLicensing(options =>
        {
            options.ServerUrl = server;
            options.ProductId = FakeLicenseServer.Product;
            options.TrustedKeys[_keys.Key.KeyId] = _keys.Key.ExportPublicKeyBase64Url();
            options.AppVersion = "2.3.1";
            options.DataDirectory = _dataDirectory;
            options.RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10);
            options.StartupCheckTimeout = startupCheckTimeout ?? TimeSpan.FromMinutes(1);
        });
        var client = services.AddHttpClient(LicenseServerClient.RetryingClientName).AddHttpMessageHandler(() => new AttemptCounter(_attempts));
        if (primaryHandler is not null)
        {
            client.ConfigurePrimaryHttpMessageHandler(primaryHandler);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
