using System.Text.Json;

namespace Faktum.Licensing.Package.Tests;

/// <summary>
/// What a user of the sample sees when the server refuses something. Every text on the screen is in the chosen language,
/// mapped from the SDK's typed result; the license server's (English) problem detail and field messages, and the SDK's own
/// explanations, go to the log DATA-DIR/factuur.log only. The log is also the oracle: none of its details may be on a screen.
/// </summary>
[Collection(SampleDemoCollection.Name)]
public sealed class SampleScreensTests(SampleDemoFixture sample)
{
    // The sentences of the sample's own texts (samples/Faktum.Factuur.Console/Texts) that each failure must show.
    private const string DutchDuplicate = "Dit bedrijf heeft al een licentie (één licentie per bedrijf).";
    private const string EnglishDuplicate = "This company already holds a license (one license per company).";

    [Fact]
    public void The_log_holds_the_servers_english_detail_of_a_duplicate_company_so_the_screens_can_be_checked_against_it()
    {
        Assert.Equal(0, sample.ExitCode);
        var duplicates = Details(sample.CommandsDirectory, "CompanyAlreadyRegistered");
        Assert.NotEmpty(duplicates);
        Assert.NotEmpty(Details(Path.Combine(sample.DataDirectory, "demo-nl"), "CompanyAlreadyRegistered"));
        Assert.NotEmpty(Details(sample.DataDirectory, "CompanyAlreadyRegistered"));
    }

    [Fact]
    public void The_dutch_demo_refuses_the_duplicate_company_in_dutch_only()
    {
        var demo = Run(sample.DutchDemo);
        Assert.Equal(0, demo.ExitCode);
        Assert.Contains(DutchDuplicate, demo.StandardOutput, StringComparison.Ordinal);
        AssertNoLoggedDetailOnScreen(demo, Path.Combine(sample.DataDirectory, "demo-nl"));
    }

    [Fact]
    public void The_english_demo_refuses_the_duplicate_company_in_its_own_english_not_the_servers()
    {
        var demo = Run(sample.EnglishDemo);
        Assert.Equal(0, demo.ExitCode);
        Assert.Contains(EnglishDuplicate, demo.StandardOutput, StringComparison.Ordinal);
        AssertNoLoggedDetailOnScreen(demo, Path.Combine(sample.DataDirectory, "demo-en"));
    }

    [Fact]
    public void The_json_demo_describes_each_step_in_dutch_without_the_servers_detail()
    {
        Assert.Equal(0, sample.ExitCode);
        var demo = new SampleRun(["demo", "--json"], sample.ExitCode, sample.StandardOutput, sample.StandardError);
        AssertNoLoggedDetailOnScreen(demo, sample.DataDirectory);
        using var json = JsonDocument.Parse(sample.StandardOutput[sample.StandardOutput.IndexOf('{', StringComparison.Ordinal)..]);
        var duplicate = json.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "duplicate");
        Assert.Equal(DutchDuplicate + " Kies 'bestaand bedrijf' en vraag een nieuw wachtwoord aan.", duplicate.GetProperty("detail").GetString());
    }

    [Fact]
    public void A_duplicate_company_is_refused_in_dutch_and_the_english_problem_detail_stays_in_the_log()
    {
        var run = Command("duplicate-nl");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Fout: {DutchDuplicate}", run.StandardError, StringComparison.Ordinal);
        Assert.Contains($"Technische details voor de helpdesk staan in {LogPath(sample.CommandsDirectory)}.", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("CompanyAlreadyRegistered", run.Screen, StringComparison.Ordinal);
        AssertNoLoggedDetailOnScreen(run, sample.CommandsDirectory);
    }

    [Fact]
    public void A_duplicate_company_is_refused_in_english_from_the_typed_result_too()
    {
        var run = Command("duplicate-en");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Error: {EnglishDuplicate}", run.StandardError, StringComparison.Ordinal);
        AssertNoLoggedDetailOnScreen(run, sample.CommandsDirectory);
    }

    [Fact]
    public void A_duplicate_company_in_json_names_the_typed_failure_and_problem_type_with_a_dutch_message()
    {
        var run = Command("duplicate-json");
        Assert.Equal(1, run.ExitCode);
        AssertNoLoggedDetailOnScreen(run, sample.CommandsDirectory);
        using var json = JsonDocument.Parse(run.StandardOutput[run.StandardOutput.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("CompanyAlreadyRegistered", json.RootElement.GetProperty("failure").GetString());
        Assert.Equal("urn:faktum:problem:company-already-registered", json.RootElement.GetProperty("problemType").GetString());
        Assert.StartsWith($"Fout: {DutchDuplicate}", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(LogPath(sample.CommandsDirectory), json.RootElement.GetProperty("log").GetString());
        Assert.False(json.RootElement.TryGetProperty("detail", out _));
    }

    [Fact]
    public void Refused_fields_are_named_by_their_dutch_labels_and_the_servers_field_messages_stay_in_the_log()
    {
        var run = Command("invalid-nl");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Fout: Niet alle gegevens zijn juist ingevuld.", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("  Postcode: niet juist ingevuld.", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("  E-mailadres: niet juist ingevuld.", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("company.postcode", run.Screen, StringComparison.Ordinal);
        AssertNoLoggedDetailOnScreen(run, sample.CommandsDirectory);
    }

    [Fact]
    public void Refused_fields_are_named_by_their_english_labels_in_english()
    {
        var run = Command("invalid-en");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Error: Not every field is filled in correctly.", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("  Postcode: not filled in correctly.", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("  E-mail address: not filled in correctly.", run.StandardError, StringComparison.Ordinal);
        AssertNoLoggedDetailOnScreen(run, sample.CommandsDirectory);
    }

    [Fact]
    public void A_wrong_one_time_password_is_explained_in_the_chosen_language()
    {
        var dutch = Command("wrong-password-nl");
        var english = Command("wrong-password-en");
        Assert.Equal(1, dutch.ExitCode);
        Assert.Contains("Fout: Het wachtwoord is onjuist, verlopen of al gebruikt.", dutch.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, english.ExitCode);
        Assert.Contains("Error: The password is wrong, expired or already used.", english.StandardError, StringComparison.Ordinal);
        Assert.NotEmpty(Details(sample.CommandsDirectory, "OneTimePasswordInvalid"));
        AssertNoLoggedDetailOnScreen(dutch, sample.CommandsDirectory);
        AssertNoLoggedDetailOnScreen(english, sample.CommandsDirectory);
    }

    [Fact]
    public void The_successful_commands_around_the_failures_worked()
    {
        Assert.Equal(0, Command("register").ExitCode);
        Assert.Equal(0, Command("confirm").ExitCode);
        Assert.Contains("Proeflicentie", Command("confirm").StandardOutput, StringComparison.Ordinal);
    }

    private static SampleRun Run(SampleRun? run) => run ?? throw new Xunit.Sdk.XunitException("The sample's first run (the build) failed; see SampleDemoTests.");

    private SampleRun Command(string name) =>
        sample.Commands.TryGetValue(name, out var run) ? run : throw new Xunit.Sdk.XunitException($"The command '{name}' did not run: the sample's first run (the build) failed.");

    private static string LogPath(string dataDirectory) => Path.Combine(dataDirectory, "factuur.log");

    /// <summary>Every English explanation in the log: the server's problem details and field messages, the SDK's messages and log lines.</summary>
    private static List<string> Details(string dataDirectory, string? failure = null)
    {
        var details = new List<string>();
        foreach (var line in File.ReadAllLines(LogPath(dataDirectory)).Where(l => l.Length > 0))
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            if (failure is not null && (!root.TryGetProperty("failure", out var kind) || kind.GetString() != failure))
            {
                continue;
            }

            if (root.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text)
            {
                details.Add(text);
            }

            if (root.TryGetProperty("fieldErrors", out var fields))
            {
                details.AddRange(fields.EnumerateObject().SelectMany(f => f.Value.EnumerateArray()).Select(m => m.GetString()!));
            }
        }

        return details;
    }

    private static void AssertNoLoggedDetailOnScreen(SampleRun run, string dataDirectory)
    {
        var details = Details(dataDirectory);
        Assert.NotEmpty(details);
        foreach (var detail in details)
        {
            Assert.False(run.Screen.Contains(detail, StringComparison.Ordinal), $"The screen shows the logged detail \"{detail}\":\n{run}");
        }
    }
}
