using System.CommandLine;
using Faktum.Licensing.Server.Admin;
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
    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("Faktum.Licensing reference license server. Without a command it runs the server (ASP.NET Core options such as --urls apply).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, cancellationToken) => RunServerAsync([.. parse.UnmatchedTokens], cancellationToken));

        var dataDir = new Option<string>("--data-dir") { Description = "The data folder (default: ./data).", DefaultValueFactory = _ => "data", Recursive = true };
        root.Options.Add(CliOutput.Json);
        root.Subcommands.Add(KeysCommandLine.Create(dataDir));
        root.Subcommands.Add(AdminCommandLine.Create(dataDir));
        root.Subcommands.Add(ReleaseCommandLine.Create(TimeProvider.System));
        root.Subcommands.Add(HealthCommandLine.Create());
        root.Subcommands.Add(PrivacyCommandLine.Create(dataDir, DirectServices));
        root.Subcommands.Add(StaffCommandLine.Create(dataDir, Console.Out, Console.Error, Console.In));
        foreach (var command in BackupCommandLine.Create(dataDir))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.CommandResult.Command == root)
        {
            return await parse.InvokeAsync().ConfigureAwait(false); // the server itself: its failures keep their full story
        }

        if (parse.Errors.Count > 0 && !args.Any(a => a is "--help" or "-h" or "-?"))
        {
            return CliOutput.Fail(parse, CliExitCodes.Usage, "usage", $"{parse.Errors[0].Message} (see --help)");
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            return CliOutput.Fail(parse, e.ExitCode, e.Code, e.Message);
        }
        catch (System.Data.Common.DbException e)
        {
            return CliOutput.Fail(parse, CliExitCodes.Unreachable, "database", $"The database cannot be used: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException
            or System.Security.Cryptography.CryptographicException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            // Every command ends in one line and an exit code, never a stack trace.
            return CliOutput.Fail(parse, CliExitCodes.Refused, "failed", e.Message);
        }
    }

    private static async Task<int> RunServerAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The default only when nothing says where to listen: URLS, or HTTP_PORTS / HTTPS_PORTS (the container image sets
        // ASPNETCORE_HTTP_PORTS=8080, which UseUrls would otherwise override).
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpsPortsKey]))
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

        // The same FaktumServer section the server reads (appsettings.json in the working folder, then environment variables).
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var storage = new StorageOptions();
        configuration.GetSection("FaktumServer:Storage").Bind(storage);
        if (storage.Provider == StorageProvider.Sqlite && storage.ConnectionString is null
            && !File.Exists(Path.Combine(full, StorageServiceCollectionExtensions.DatabaseFileName)))
        {
            throw new CliException(CliExitCodes.Unreachable, "no-database",
                $"No database in '{full}'. Pass the server's data folder with --data-dir, or a running server with --server and --api-key.");
        }

        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddStorage(storage, full);
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddOptions<FaktumServerOptions>().Bind(configuration.GetSection("FaktumServer"));
        services.AddSingleton<Email.EmailComposer>(); // resend and retry queue mails; the running server's dispatcher sends them
        services.AddScoped<AdminOperations>();
        services.AddScoped<AdminQueries>();
        services.AddScoped<AdminAuditLog>();
        services.AddScoped(_ =>
        {
            var actor = new AuditActor();
            actor.SetCli();
            return actor;
        });
        services.AddScoped<Privacy.PrivacyOperations>();
        services.AddScoped<Seats.MoveBudget>();
        services.AddScoped<SeatAdminOperations>();
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

    private static string FullPath(string path) => Path.GetFullPath(path);
}
