using Faktum.Licensing.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Tests.Options;

public sealed class FaktumLicensingOptionsTests : IDisposable
{
    private readonly Ed25519SigningKey _key = Ed25519SigningKey.Generate();

    public void Dispose() => _key.Dispose();

    public static TheoryData<string, Action<FaktumLicensingOptions>, string> InvalidConfigurations(Ed25519SigningKey other) => new()
    {
        { "no server url", o => o.ServerUrl = null, "Set FaktumLicensingOptions.ServerUrl" },
        { "relative server url", o => o.ServerUrl = new Uri("/licenses", UriKind.Relative), "must be an absolute https URL" },
        { "ftp server url", o => o.ServerUrl = new Uri("ftp://licenses.example.com/"), "must be an absolute https URL" },
        { "http to a remote host", o => o.ServerUrl = new Uri("http://licenses.example.com/"), "uses http: use https" },
        { "query in server url", o => o.ServerUrl = new Uri("https://licenses.example.com/?x=1"), "must not carry a query" },
        { "no product", o => o.ProductId = null, "Set FaktumLicensingOptions.ProductId" },
        { "product with capitals", o => o.ProductId = "Faktum Factuur", "may hold only lower-case letters" },
        { "no issuer", o => o.Issuer = "", "Set FaktumLicensingOptions.Issuer" },
        { "no keys", o => o.TrustedKeys.Clear(), "TrustedKeys is empty" },
        { "key not base64url", o => o.TrustedKeys["abc"] = "not a key!", "is not an Ed25519 public key" },
        { "key of the wrong length", o => o.TrustedKeys["abc"] = "AAAA", "is not an Ed25519 public key" },
        { "kid that is not the thumbprint", o => o.TrustedKeys["my-key"] = other.ExportPublicKeyBase64Url(), $"must be the RFC 7638 thumbprint of its key; for this key it is '{other.KeyId}'" },
        { "release key not base64url", o => o.ReleaseKeys["abc"] = "not a key!", "ReleaseKeys['abc'] is not an Ed25519 public key" },
        { "release kid that is not the thumbprint", o => o.ReleaseKeys["my-key"] = other.ExportPublicKeyBase64Url(), $"ReleaseKeys['my-key']: a key id must be the RFC 7638 thumbprint of its key; for this key it is '{other.KeyId}'" },
        { "release key that is the license key", o => o.ReleaseKeys[o.TrustedKeys.First().Key] = o.TrustedKeys.First().Value, "is also a license key" },
        { "empty app version", o => o.AppVersion = " ", "AppVersion is empty" },
        { "empty channel", o => o.Channel = "", "Channel is empty" },
        { "channel the server does not serve", o => o.Channel = "nightly", "Channel 'nightly' is not a channel the server serves: use stable, beta or alpha" },
        { "channel in upper case", o => o.Channel = "Beta", "Channel 'Beta' is not a channel the server serves: use stable, beta or alpha" },
        { "relative data folder", o => o.DataDirectory = "data", "is not a full path" },
        { "negative grace", o => o.OfflineGrace = TimeSpan.FromDays(-1), "OfflineGrace must lie between 0 and 365 days" },
        { "grace of years", o => o.OfflineGrace = TimeSpan.FromDays(400), "OfflineGrace must lie between 0 and 365 days" },
        { "tolerance of days", o => o.ClockTolerance = TimeSpan.FromDays(2), "ClockTolerance must lie between 0 and 1 day" },
        { "zero timeout", o => o.RequestTimeout = TimeSpan.Zero, "RequestTimeout must lie between 100 milliseconds and 5 minutes" },
        { "zero start-up deadline", o => o.StartupCheckTimeout = TimeSpan.Zero, "StartupCheckTimeout must lie between 100 milliseconds and 5 minutes" },
        { "start-up deadline of an hour", o => o.StartupCheckTimeout = TimeSpan.FromHours(1), "StartupCheckTimeout must lie between 100 milliseconds and 5 minutes" },
        { "tiny response cap", o => o.MaxResponseBytes = 100, "MaxResponseBytes must lie between 4096 and 16777216" },
    };

    [Fact]
    public void Every_invalid_configuration_fails_at_start_with_its_own_message()
    {
        using var other = Ed25519SigningKey.Generate();
        var messages = new List<string>();
        var expectations = new HashSet<string>();
        foreach (var row in InvalidConfigurations(other))
        {
            var (name, change, expected) = ((string)row[0], (Action<FaktumLicensingOptions>)row[1], (string)row[2]);
            using var provider = Build(change);

            var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.True(exception.Failures.Count() == 1, $"{name}: {string.Join(" | ", exception.Failures)}");
            Assert.True(exception.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {exception.Message}");
            messages.Add(exception.Failures.Single());
            expectations.Add(expected);
        }

        // Each kind of mistake has its own message (two bad URLs of the same kind may share one).
        Assert.True(messages.Distinct().Count() >= expectations.Count);
    }

    public static TheoryData<string, string?, string?, string> MissingOrMalformedIdentity() => new()
    {
        { "no server url", null, "faktum-factuur", "ServerUrl: Set FaktumLicensingOptions.ServerUrl to the license server's base address, for example https://licenses.example.com/." },
        { "no product", "https://licenses.example.com/", null, "ProductId: Set FaktumLicensingOptions.ProductId to the product id the license server knows this app by, for example faktum-factuur." },
        { "blank product", "https://licenses.example.com/", " \t", "ProductId: Set FaktumLicensingOptions.ProductId to the product id the license server knows this app by, for example faktum-factuur." },
        { "product with capitals", "https://licenses.example.com/", "Faktum", "ProductId: FaktumLicensingOptions.ProductId may hold only lower-case letters, digits and '-' (at most 64), for example faktum-factuur." },
        { "product starting with '-'", "https://licenses.example.com/", "-factuur", "ProductId: FaktumLicensingOptions.ProductId may hold only lower-case letters, digits and '-' (at most 64), for example faktum-factuur." },
        { "product with a line break", "https://licenses.example.com/", "factuur\n", "ProductId: FaktumLicensingOptions.ProductId may hold only lower-case letters, digits and '-' (at most 64), for example faktum-factuur." },
        { "product of 65 characters", "https://licenses.example.com/", new string('a', 65), "ProductId: FaktumLicensingOptions.ProductId may hold only lower-case letters, digits and '-' (at most 64), for example faktum-factuur." },
        { "blank issuer", "https://licenses.example.com/", "faktum-factuur", "Issuer: Set FaktumLicensingOptions.Issuer to the license server's issuer name, or leave it at its default faktum-licensing-server." },
    };

    [Theory]
    [MemberData(nameof(MissingOrMalformedIdentity))]
    public void A_missing_or_malformed_server_product_or_issuer_fails_with_its_member_and_message(string because, string? serverUrl, string? productId, string expected)
    {
        using var provider = Build(o =>
        {
            o.ServerUrl = serverUrl is null ? null : new Uri(serverUrl);
            o.ProductId = productId;
            o.DataDirectory = Path.Combine(Path.GetTempPath(), "faktum-options");
            if (because == "blank issuer")
            {
                o.Issuer = " ";
            }
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal([expected], exception.Failures);
    }

    [Fact]
    public void A_product_id_of_64_characters_and_digits_is_valid()
    {
        using var provider = Build(o => o.ProductId = "9" + new string('-', 62) + "z");

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task Invalid_configuration_stops_the_host_from_starting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddFaktumLicensing(Valid);
        builder.Services.Configure<FaktumLicensingOptions>(o => o.TrustedKeys.Clear());
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("TrustedKeys is empty", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_configuration_passes_and_fills_the_defaults()
    {
        using var provider = Build(_ => { });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<FaktumLicensingOptions>>().Value;

        Assert.Equal("faktum-licensing-server", options.Issuer);
        Assert.Equal("stable", options.Channel);
        Assert.Equal(TimeSpan.FromDays(14), options.OfflineGrace);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ClockTolerance);
        Assert.Equal(65536, options.MaxResponseBytes);
        Assert.False(string.IsNullOrWhiteSpace(options.AppVersion));
        Assert.EndsWith(Path.Combine("Faktum", "faktum-factuur"), options.DataDirectory, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stable")]
    [InlineData("beta")]
    [InlineData("alpha")]
    public void Every_channel_the_server_serves_passes(string channel)
    {
        using var provider = Build(o => o.Channel = channel);

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void The_default_start_up_deadline_is_five_seconds()
    {
        using var provider = Build(_ => { });

        Assert.Equal(TimeSpan.FromSeconds(5), provider.GetRequiredService<IOptions<FaktumLicensingOptions>>().Value.StartupCheckTimeout);
    }

    [Fact]
    public void Configuration_section_binds_including_the_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Licensing:ServerUrl"] = "https://licenses.example.com/",
            ["Licensing:ProductId"] = "faktum-factuur",
            [$"Licensing:TrustedKeys:{_key.KeyId}"] = _key.ExportPublicKeyBase64Url(),
            ["Licensing:OfflineGrace"] = "7.00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddFaktumLicensing(configuration.GetSection("Licensing"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<FaktumLicensingOptions>>().Value;

        Assert.Equal(TimeSpan.FromDays(7), options.OfflineGrace);
        Assert.Equal(_key.ExportPublicKeyBase64Url(), options.TrustedKeys[_key.KeyId]);
    }

    [Fact]
    public void Configuration_section_binds_every_option_through_the_generated_binder_as_a_trimmed_or_aot_host_does()
    {
        using var releaseKey = Ed25519SigningKey.Generate();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Licensing:ServerUrl"] = "https://licenses.example.com/",
            ["Licensing:ProductId"] = "faktum-factuur",
            ["Licensing:Issuer"] = "other-issuer",
            [$"Licensing:TrustedKeys:{_key.KeyId}"] = _key.ExportPublicKeyBase64Url(),
            [$"Licensing:ReleaseKeys:{releaseKey.KeyId}"] = releaseKey.ExportPublicKeyBase64Url(),
            ["Licensing:AppVersion"] = "2.3.1",
            ["Licensing:Channel"] = "beta",
            ["Licensing:DataDirectory"] = Path.Combine(Path.GetTempPath(), "faktum-binding"),
            ["Licensing:OfflineGrace"] = "7.00:00:00",
            ["Licensing:ClockTolerance"] = "00:01:00",
            ["Licensing:RequestTimeout"] = "00:00:03",
            ["Licensing:StartupCheckTimeout"] = "00:00:04",
            ["Licensing:MaxResponseBytes"] = "8192",
        }).Build();
        var services = new ServiceCollection();
        services.AddFaktumLicensing(configuration.GetSection("Licensing"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<FaktumLicensingOptions>>().Value;

        Assert.Equal(new Uri("https://licenses.example.com/"), options.ServerUrl);
        Assert.Equal(("faktum-factuur", "other-issuer", "2.3.1", "beta"), (options.ProductId, options.Issuer, options.AppVersion, options.Channel));
        Assert.Equal(releaseKey.ExportPublicKeyBase64Url(), options.ReleaseKeys[releaseKey.KeyId]);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "faktum-binding"), options.DataDirectory);
        Assert.Equal(
            (TimeSpan.FromDays(7), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4), 8192),
            (options.OfflineGrace, options.ClockTolerance, options.RequestTimeout, options.StartupCheckTimeout, options.MaxResponseBytes));
    }

    [Fact]
    public void Configuration_section_with_an_unknown_key_fails_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Licensing:ServerUrl"] = "https://licenses.example.com/",
            ["Licensing:ProductId"] = "faktum-factuur",
            ["Licensing:OfflineGracePeriod"] = "7.00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddFaktumLicensing(configuration.GetSection("Licensing"));
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("OfflineGracePeriod", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_faktum_licensing_twice_adds_nothing_the_second_time()
    {
        var services = new ServiceCollection();
        services.AddFaktumLicensing(Valid);
        var count = services.Count;

        var builder = services.AddFaktumLicensing(o => o.ProductId = "other");

        Assert.Same(services, builder.Services);
        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void Add_startup_check_hosted_service_adds_one_hosted_service()
    {
        var services = new ServiceCollection();
        services.AddFaktumLicensing(Valid).AddStartupCheckHostedService().AddStartupCheckHostedService();

        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }

    private ServiceProvider Build(Action<FaktumLicensingOptions> change)
    {
        var services = new ServiceCollection();
        services.AddFaktumLicensing(o =>
        {
            Valid(o);
            change(o);
        });
        return services.BuildServiceProvider();
    }

    private void Valid(FaktumLicensingOptions options)
    {
        options.ServerUrl = new Uri("https://licenses.example.com/");
        options.ProductId = "faktum-factuur";
        options.TrustedKeys[_key.KeyId] = _key.ExportPublicKeyBase64Url();
    }
}
