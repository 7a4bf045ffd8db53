using Faktum.Licensing.Storage;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: StateWriter <data folder>. Writes state (and a token) forever, each write numbered, so a reader can tell
// a complete file of any generation from a torn one. Prints "ready" after the first write.
var store = new LicenseStateStore(args[0], NullLogger.Instance);
var installation = LicenseStateStore.NewInstallationId();
var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
var padding = new string('x', 2000);
for (var generation = 1L; ; generation++)
{
    var n = generation;
    await store.UpdateAsync(
        _ => (new LocalLicenseState
        {
            InstallationId = installation,
            LastOnlineCheck = start.AddSeconds(n),
            HighestServerTime = start.AddSeconds(n),
            Company = new Faktum.Licensing.CompanyProfile("Generation " + n, "1234 AB", "NL", padding, "1", "City", "Contact", null, "a@b.example"),
        }, $"token-{n}-{padding}"),
        CancellationToken.None);
    if (generation == 1)
    {
        Console.WriteLine("ready");
    }
}
