namespace Faktum.Licensing.Server.Configuration;

/// <summary>Readiness (<c>FaktumServer:Health</c>; docs/operations.md, "Health").</summary>
public sealed class HealthOptions
{
    /// <summary>Gets or sets the outbox lag (age of the oldest mail due to be sent) above which the server is not ready.</summary>
    /// <value>15 minutes: a one-time password lives 30 minutes by default, so a mail this late is nearly useless.</value>
    public TimeSpan MaxOutboxLag { get; set; } = TimeSpan.FromMinutes(15);
}
