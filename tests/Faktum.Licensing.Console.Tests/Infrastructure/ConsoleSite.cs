using System.CommandLine;
using System.Text.RegularExpressions;
using Faktum.Licensing.EndToEnd.Tests.Infrastructure;
using Faktum.Licensing.Server.Cli;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Faktum.Licensing.Console.Tests.Infrastructure;

/// <summary>
/// The real license server (<see cref="E2eServer"/>: Kestrel on a loopback port, a real SQLite file, a fake clock) with its
/// console, staff made through the real CLI code path (<c>staff add</c>), and sign-in helpers that read the TOTP secret
/// from the set-up page and compute codes with Otp.NET at the server's clock.
/// </summary>
internal sealed partial class ConsoleSite : IAsyncDisposable
{
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

    private ConsoleSite(E2eServer server) => Server = server;

    public E2eServer Server { get; }

    /// <summary>
    /// Gets the console's address as a browser should use it: <c>localhost</c> (a secure context without TLS), since the
    /// session cookies are always Secure and a browser drops a Secure cookie from plain http://127.0.0.1.
    /// </summary>
    public Uri Console => new(new UriBuilder(Server.BaseAddress) { Host = "localhost" }.Uri, "console/");

    public static async Task<ConsoleSite> StartAsync(Action<IDictionary<string, string?>>? configure = null) =>
        new(await E2eServer.StartAsync(configure: configure));

    /// <summary>Runs <c>staff …</c> as the executable does; returns the exit code, stdout and stderr.</summary>
    public async Task<(int ExitCode, string Output, string Error)> StaffCliAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var dataDir = new Option<string>("--data-dir") { DefaultValueFactory = _ => "data", Recursive = true };
        var root = new RootCommand { StaffCommandLine.Create(dataDir, output, error, new StringReader(input)) };
        var exit = await root.Parse([.. args, "--data-dir", Server.DataDirectory]).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Adds a staff member with <c>staff add</c> and returns the password it printed once.</summary>
    public async Task<string> AddStaffAsync(string email, string role)
    {
        var (exit, output, error) = await StaffCliAsync(string.Empty, "staff", "add", "--email", email, "--role", role);
        Assert.True(exit == 0, $"staff add failed ({exit}): {error}");
        return PasswordLine().Match(output).Groups[1].Value;
    }

    public string TotpCode(string email) => new Totp(Base32Encoding.ToBytes(_secrets[email])).ComputeTotp(Server.Time.GetUtcNow().UtcDateTime);

    /// <summary>Submits the password form.</summary>
    public async Task SubmitPasswordAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(new Uri(Console, "login").ToString());
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
    }

    /// <summary>Signs in completely: password, then the TOTP set-up (first time) or the code; the clock moves on a step first.</summary>
    public async Task SignInAsync(IPage page, string email, string password)
    {
        Server.Time.Advance(TimeSpan.FromSeconds(30));
        await SubmitPasswordAsync(page, email, password);
        if (page.Url.Contains("TotpSetup", StringComparison.OrdinalIgnoreCase))
        {
            _secrets[email] = (await page.Locator("#totp-secret").InnerTextAsync()).Trim();
        }

        await page.GetByLabel("Code uit je authenticator-app (6 cijfers)").FillAsync(TotpCode(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        Assert.EndsWith("/console", new Uri(page.Url).AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Adds a staff member, signs in with a fresh browser context and opens the company's page.</summary>
    public async Task<IPage> OpenCompanyAsync(ConsoleBrowser browser, string companyId, string email = "support@vendor.example", string role = "support")
    {
        var password = await AddStaffAsync(email, role);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, email, password);
        await page.GotoAsync(new Uri(Console, $"Companies/Detail/{companyId}").ToString());
        return page;
    }

    /// <summary>The company that holds a license (a license id is what a registered host app knows).</summary>
    public Task<string> CompanyOfAsync(string licenseId) =>
        WithDatabaseAsync(db => db.Licenses.Where(l => l.Id == licenseId).Select(l => l.CompanyId).SingleAsync());

    /// <summary>The audit rows of one action on one license, oldest first.</summary>
    public Task<List<AuditRecord>> AuditAsync(string licenseId, string action) =>
        WithDatabaseAsync(db => db.AuditRecords.AsNoTracking().Where(a => a.LicenseId == licenseId && a.Action == action).OrderBy(a => a.At).ToListAsync());

    /// <summary>Asserts the one audit row of <paramref name="action"/> on the license: written by the console, as the staff member.</summary>
    public async Task<AuditRecord> AssertAuditedAsync(string licenseId, string action, string staff = "support@vendor.example")
    {
        var row = Assert.Single(await AuditAsync(licenseId, action));
        Assert.Equal((AuditSource.Console, staff), (row.Source, row.Actor));
        return row;
    }

    /// <summary>Recovers the license on <paramref name="app"/>'s computer (S4): a new one-time password, read from the pickup folder, confirmed.</summary>
    public async Task<LicensingResult<LicenseStatus>> RecoverAsync(HostApp app, string email = HostApp.Email)
    {
        var mails = Server.MessagesTo(email).Count;
        (await app.Licensing.RequestOneTimePasswordAsync(email)).EnsureSuccess();
        return await app.Licensing.ConfirmAsync(email, Server.ReadOneTimePassword(email, mails + 1));
    }

    /// <summary>GETs an admin API path (with the API key) as JSON.</summary>
    public async Task<System.Text.Json.JsonElement> AdminGetAsync(string path)
    {
        using var response = await Server.Admin.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public async Task<T> WithDatabaseAsync<T>(Func<LicensingDbContext, Task<T>> read)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LicensingDbContext>());
    }

    /// <summary>Saves a full-page screenshot under artifacts/console-screenshots (gitignored).</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static string ArtifactsDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Faktum.Licensing.sln")))
            {
                directory = directory.Parent;
            }

            var path = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "console-screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    [GeneratedRegex(@"Password \(shown once\): (\S+)")]
    private static partial Regex PasswordLine();
}
