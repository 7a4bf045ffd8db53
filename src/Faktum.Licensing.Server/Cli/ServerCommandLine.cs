using System.CommandLine;
using System.Text.Json;
using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Companies;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Hosting;
using Faktum.Licensing.Server.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// The executable's command line: no command runs the server; <c>keys …</c> manages signing keys;
/// <c>admin …</c> performs the vendor's actions against a data folder or a running server.
/// </summary>
internal static class ServerCommandLine
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("Faktum.Licensing reference license server. Without a command it runs the server (ASP.NET Core options such as --urls apply).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, cancellationToken) => RunServerAsync([.. parse.UnmatchedTokens], cancellationToken));

        var dataDir = new Option<string>("--data-dir") { Description = "The data folder (default: ./data).", DefaultValueFactory = _ => "data", Recursive = true };

        root.Subcommands.Add(KeysCommandLine.Create(dataDir));
        root.Subcommands.Add(AdminCommand(dataDir));
        root.Subcommands.Add(ReleaseCommandLine.Create(TimeProvider.System));
        root.Subcommands.Add(HealthCommandLine.Create());
        root.Subcommands.Add(PrivacyCommandLine.Create(dataDir, DirectServices));
        foreach (var command in BackupCommandLine.Create(dataDir))
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    private static Command AdminCommand(Option<string> dataDir)
    {
        var server = new Option<string?>("--server") { Description = "A running server's base URL; without it the data folder is changed directly.", Recursive = true };
        var apiKey = new Option<string?>("--api-key") { Description = "The admin API key (with --server).", Recursive = true };
        var licenseId = new Argument<string>("license-id") { Description = "The license id (lic_…)." };
        var admin = new Command("admin", "The vendor's actions on licenses.");
        admin.Options.Add(dataDir);
        admin.Options.Add(server);
        admin.Options.Add(apiKey);

        var paid = new Command("paid", "Turn a license into a paid one.") { licenseId };
        var endsAt = new Option<DateTimeOffset?>("--ends-at") { Description = "When the paid license ends (ISO 8601); none for no end." };
        var updatesEndAt = new Option<DateTimeOffset?>("--updates-end-at") { Description = "When the entitlement to updates ends." };
        paid.Options.Add(endsAt);
        paid.Options.Add(updatesEndAt);
        paid.SetAction((parse, ct) => RunAsync(parse, "paid", new AdminPaidRequest(parse.GetValue(endsAt), parse.GetValue(updatesEndAt)),
            ops => ops.MarkPaidAsync(parse.GetValue(licenseId)!, parse.GetValue(endsAt), parse.GetValue(updatesEndAt), ct), ct));

        var extend = new Command("extend", "Extend a trial or a paid license.") { licenseId };
        var days = new Option<int>("--days") { Description = "Days to add.", Required = true };
        extend.Options.Add(days);
        extend.SetAction((parse, ct) => RunAsync(parse, "extend", new AdminExtendRequest(parse.GetValue(days)),
            ops => ops.ExtendAsync(parse.GetValue(licenseId)!, parse.GetValue(days), ct), ct));

        admin.Subcommands.Add(paid);
        admin.Subcommands.Add(extend);
        foreach (var (name, description) in new[] { ("suspend", "Suspend a license."), ("reinstate", "Reinstate a suspended or revoked license."), ("revoke", "Revoke a license.") })
        {
            var command = new Command(name, description) { licenseId };
            command.SetAction((parse, ct) => RunAsync<object?>(parse, name, null, ops => name switch
            {
                "suspend" => ops.SuspendAsync(parse.GetValue(licenseId)!, ct),
                "reinstate" => ops.ReinstateAsync(parse.GetValue(licenseId)!, ct),
                _ => ops.RevokeAsync(parse.GetValue(licenseId)!, ct),
            }, ct));
            admin.Subcommands.Add(command);
        }

        var lookup = new Command("lookup", "Look up a company by e-mail, or by name + postcode + country.");
        var email = new Option<string?>("--email");
        var companyName = new Option<string?>("--name");
        var postcode = new Option<string?>("--postcode");
        var country = new Option<string?>("--country") { DefaultValueFactory = _ => "NL" };
        lookup.Options.Add(email);
        lookup.Options.Add(companyName);
        lookup.Options.Add(postcode);
        lookup.Options.Add(country);
        lookup.SetAction(async (parse, ct) =>
        {
            if (ServerAddress(parse, server) is { } baseAddress)
            {
                var query = parse.GetValue(email) is { } e
                    ? $"email={Uri.EscapeDataString(e)}"
                    : $"name={Uri.EscapeDataString(parse.GetValue(companyName) ?? string.Empty)}&postcode={Uri.EscapeDataString(parse.GetValue(postcode) ?? string.Empty)}&country={Uri.EscapeDataString(parse.GetValue(country) ?? "NL")}";
                using var client = Client(baseAddress, parse.GetValue(apiKey));
                using var response = await client.GetAsync(new Uri($"v1/admin/companies?{query}", UriKind.Relative), ct).ConfigureAwait(false);
                return await PrintAsync(response, ct).ConfigureAwait(false);
            }

            var provider = DirectServices(parse.GetValue(dataDir)!);
            await using var disposeProvider = provider.ConfigureAwait(false);
            var scope = provider.CreateAsyncScope();
            await using var disposeScope = scope.ConfigureAwait(false);
            var ops = scope.ServiceProvider.GetRequiredService<AdminOperations>();
            AdminCompanyDto? company;
            if (parse.GetValue(email) is { } address)
            {
                company = await ops.LookupByEmailAsync(address, ct).ConfigureAwait(false);
            }
            else
            {
                var identity = new CompanyIdentityCanonicalizer().Create(parse.GetValue(companyName), parse.GetValue(postcode), parse.GetValue(country));
                if (!identity.Succeeded)
                {
                    await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, identity.Errors.Select(x => $"{x.Field}: {x.Message}"))).ConfigureAwait(false);
                    return 2;
                }

                company = await ops.LookupByIdentityAsync(identity.Key!, ct).ConfigureAwait(false);
            }

            return Print(company);
        });
        admin.Subcommands.Add(lookup);
        IdentityCommandLine.AddTo(admin, dataDir, server, apiKey);
        LicenseFeatureCommandLine.AddTo(admin, dataDir, server, apiKey);
        return admin;

        async Task<int> RunAsync<TBody>(ParseResult parse, string action, TBody body, Func<AdminOperations, Task<AdminLicenseDto?>> direct, CancellationToken ct)
        {
            if (ServerAddress(parse, server) is { } baseAddress)
            {
                using var client = Client(baseAddress, parse.GetValue(apiKey));
                var path = new Uri($"v1/admin/licenses/{Uri.EscapeDataString(parse.GetValue(licenseId)!)}/{action}", UriKind.Relative);
                using var response = body is null
                    ? await client.PostAsync(path, JsonContent.Create(new { }), ct).ConfigureAwait(false)
                    : await client.PostAsJsonAsync(path, body, ct).ConfigureAwait(false);
                return await PrintAsync(response, ct).ConfigureAwait(false);
            }

            var provider = DirectServices(parse.GetValue(dataDir)!);
            await using var disposeProvider = provider.ConfigureAwait(false);
            var scope = provider.CreateAsyncScope();
            await using var disposeScope = scope.ConfigureAwait(false);
            return Print(await direct(scope.ServiceProvider.GetRequiredService<AdminOperations>()).ConfigureAwait(false));
        }
    }

    private static async Task<int> RunServerAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        var app = await ServerApplication.BuildAsync(builder, null, cancellationToken).ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync().ConfigureAwait(false);
        }

        return 0;
    }

    internal static ServiceProvider DirectServices(string dataDirectory)
    {
        var full = FullPath(dataDirectory);

        // The same FaktumServer:Storage the server reads (appsettings.json in the working folder, then environment variables).
        var storage = new StorageOptions();
        new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection("FaktumServer:Storage").Bind(storage);
        if (storage.Provider == StorageProvider.Sqlite && storage.ConnectionString is null
            && !File.Exists(Path.Combine(full, StorageServiceCollectionExtensions.DatabaseFileName)))
        {
            throw new InvalidOperationException($"No database in '{full}'. Pass the server's data folder with --data-dir.");
        }

        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddStorage(storage, full);
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddScoped<AdminOperations>();
        services.AddScoped<Privacy.PrivacyOperations>();
        services.AddOptions();
        services.AddScoped<Copies.CopyDetection>();
        services.AddScoped<LicenseFeatureOperations>();
        return services.BuildServiceProvider();
    }

    internal static HttpClient Client(Uri baseAddress, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseAddress.ToString().TrimEnd('/') + "/") };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(AdminEndpoints.ApiKeyHeader, apiKey);
        }

        return client;
    }

    internal static async Task<int> PrintAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine(text);
        return response.IsSuccessStatusCode ? 0 : 1;
    }

    internal static int Print<T>(T? value)
        where T : class
    {
        if (value is null)
        {
            Console.Error.WriteLine("Not found.");
            return 1;
        }

        Console.WriteLine(JsonSerializer.Serialize(value, Output));
        return 0;
    }

    internal static Uri? ServerAddress(ParseResult parse, Option<string?> server) =>
        parse.GetValue(server) is not { } value ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new ArgumentException($"--server '{value}' is not an absolute http(s) URL, e.g. http://localhost:5080.");

    private static string FullPath(string path) => Path.GetFullPath(path);
}
