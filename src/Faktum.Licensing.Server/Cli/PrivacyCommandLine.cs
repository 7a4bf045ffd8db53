using System.CommandLine;
using System.Text.Json;
using Faktum.Licensing.Server.Privacy;

namespace Faktum.Licensing.Server.Cli;

/// <summary><c>privacy export|erase &lt;company-id&gt;</c>: the AVG/GDPR duties on the data folder's database (docs/privacy.md).</summary>
internal static class PrivacyCommandLine
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(Option<string> dataDir, Func<string, ServiceProvider> services)
    {
        var companyId = new Argument<string>("company-id") { Description = "The company id (cmp_…; admin lookup shows it)." };
        var privacy = new Command("privacy", "Export or erase what the server stores about a company (AVG/GDPR).");
        privacy.Options.Add(dataDir);
        var export = new Command("export", "Print everything stored about the company as one JSON document.") { companyId };
        export.SetAction((parse, ct) => RunAsync(parse.GetValue(dataDir)!, services, async ops =>
        {
            var document = await ops.ExportAsync(parse.GetValue(companyId)!, ct).ConfigureAwait(false);
            return document is null
                ? CliOutput.Fail(parse, CliExitCodes.NotFound, "not-found", "No company has that id.")
                : CliOutput.Text(parse, JsonSerializer.Serialize(document, Output), document); // the export is one JSON document in both modes
        }));
        var erase = new Command("erase", "Erase the company's personal data (e-mail, contact, address); the license stays.") { companyId };
        erase.SetAction((parse, ct) => RunAsync(parse.GetValue(dataDir)!, services, async ops =>
        {
            var erased = await ops.EraseAsync(parse.GetValue(companyId)!, ct).ConfigureAwait(false);
            return erased
                ? CliOutput.Text(parse, $"Erased the personal data of {parse.GetValue(companyId)}.", new { companyId = parse.GetValue(companyId), erased })
                : CliOutput.Fail(parse, CliExitCodes.NotFound, "not-found", "No company has that id.");
        }));
        privacy.Subcommands.Add(export);
        privacy.Subcommands.Add(erase);
        return privacy;
    }

    private static async Task<int> RunAsync(string dataDirectory, Func<string, ServiceProvider> services, Func<PrivacyOperations, Task<int>> action)
    {
        var provider = services(dataDirectory);
        await using var disposeProvider = provider.ConfigureAwait(false);
        var scope = provider.CreateAsyncScope();
        await using var disposeScope = scope.ConfigureAwait(false);
        return await action(scope.ServiceProvider.GetRequiredService<PrivacyOperations>()).ConfigureAwait(false);
    }
}
