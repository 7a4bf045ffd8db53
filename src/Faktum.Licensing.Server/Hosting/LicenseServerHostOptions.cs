namespace Faktum.Licensing.Server.Hosting;

/// <summary>How to start the license server in-process (tests, the sample's demo).</summary>
public sealed class LicenseServerHostOptions
{
    /// <summary>Gets or sets the data folder; <see langword="null"/> uses the configured one (default <c>./data</c>).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Gets or sets the URLs to listen on.</summary>
    /// <value><c>http://127.0.0.1:0</c>: a free loopback port.</value>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Gets or sets the environment name.</summary>
    /// <value>Production.</value>
    public string EnvironmentName { get; set; } = Environments.Production;

    /// <summary>Gets configuration overrides, e.g. <c>["FaktumServer:TrialDays"] = "14"</c>.</summary>
    public IDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets a clock to use instead of the system clock (e.g. a FakeTimeProvider).</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets a hook that runs after the server registered its services (replace services, add loggers).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}
