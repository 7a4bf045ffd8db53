using System.Text.Json;

namespace Faktum.Licensing.Package.Tests;

[Collection(SampleDemoCollection.Name)]
public sealed class SampleDemoTests(SampleDemoFixture demo)
{
    [Fact]
    public void The_readme_demo_built_from_the_packed_package_walks_every_story()
    {
        Assert.True(demo.ExitCode == 0, $"exit code {demo.ExitCode}\n{demo.StandardOutput}\n{demo.StandardError}");

        using var json = JsonDocument.Parse(JsonStart(demo.StandardOutput));
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(
            ["server", "register", "mail", "confirm", "status", "profile", "second-company", "companies", "recover", "company-choice", "recover-confirm", "moved", "still-licensed", "duplicate", "updates"],
            steps.Select(s => s.GetProperty("id").GetString()));
        Assert.All(steps, s => Assert.True(s.GetProperty("ok").GetBoolean(), s.ToString()));

        Assert.Equal("Trial", Step(steps, "status").GetProperty("status").GetProperty("state").GetString());
        Assert.True(Step(steps, "status").GetProperty("status").GetProperty("daysLeft").GetInt32() > 0);
        Assert.Equal("MovedToAnotherInstallation", Step(steps, "moved").GetProperty("status").GetProperty("state").GetString());
        Assert.Equal("ReadOnly", Step(steps, "moved").GetProperty("status").GetProperty("mode").GetString());
        Assert.Equal("CompanyAlreadyRegistered", Step(steps, "duplicate").GetProperty("failure").GetString());
        Assert.Contains("1.1.0", Step(steps, "updates").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_keeps_two_companies_of_one_email_on_one_computer_and_the_second_computer_brings_one_of_them()
    {
        Assert.True(demo.ExitCode == 0, $"exit code {demo.ExitCode}\n{demo.StandardOutput}\n{demo.StandardError}");
        using var json = JsonDocument.Parse(JsonStart(demo.StandardOutput));
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();

        var companies = Step(steps, "companies").GetProperty("companies").EnumerateArray().ToList();
        Assert.Equal(["Bakkerij Jansen B.V.", "Jansen Catering"], companies.Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(companies, c => Assert.Equal("Trial", c.GetProperty("status").GetProperty("state").GetString()));
        Assert.All(companies, c => Assert.True(c.GetProperty("status").GetProperty("daysLeft").GetInt32() > 0));
        Assert.Equal(2, companies.Select(c => c.GetProperty("licenseId").GetString()).Distinct().Count());
        Assert.Equal("CompanyChoiceRequired", Step(steps, "company-choice").GetProperty("failure").GetString());
        Assert.Equal("Bakkerij Jansen B.V.", Step(steps, "recover-confirm").GetProperty("status").GetProperty("company").GetString());
        Assert.Equal("MovedToAnotherInstallation", Step(steps, "moved").GetProperty("status").GetProperty("state").GetString());
        Assert.Equal("Trial", Step(steps, "still-licensed").GetProperty("status").GetProperty("state").GetString());
        Assert.Equal("Jansen Catering", Step(steps, "still-licensed").GetProperty("status").GetProperty("company").GetString());
    }

    [Fact]
    public void The_sample_restored_Faktum_Licensing_as_a_package_not_a_project()
    {
        Assert.Equal(0, demo.ExitCode);
        var assets = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "samples", "Faktum.Factuur.Console", "obj", "project.assets.json"));
        using var json = JsonDocument.Parse(assets);
        var target = json.RootElement.GetProperty("targets").EnumerateObject().First().Value;
        var library = target.EnumerateObject().Single(p => p.Name.StartsWith("Faktum.Licensing/", StringComparison.Ordinal));
        Assert.Equal("package", library.Value.GetProperty("type").GetString());
        Assert.DoesNotContain(target.EnumerateObject(), p => p.Name.StartsWith("Faktum.Licensing.Server", StringComparison.Ordinal));
    }

    private static JsonElement Step(List<JsonElement> steps, string id) => steps.Single(s => s.GetProperty("id").GetString() == id);

    // `dotnet run` may print build lines before the program's own output; the JSON object starts at the first '{' line.
    private static string JsonStart(string output)
    {
        var index = output.IndexOf("{\n", StringComparison.Ordinal);
        if (index < 0)
        {
            index = output.IndexOf("{\r\n", StringComparison.Ordinal);
        }

        Assert.True(index >= 0, "no JSON in the output:\n" + output);
        return output[index..];
    }
}
