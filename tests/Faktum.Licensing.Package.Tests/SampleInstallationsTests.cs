using System.Text.Json;

namespace Faktum.Licensing.Package.Tests;

/// <summary>The sample's <c>installations</c> command (S8) after the fixture's register and confirm: the computers of the license, in both languages.</summary>
[Collection(SampleDemoCollection.Name)]
public sealed class SampleInstallationsTests(SampleDemoFixture sample)
{
    [Fact]
    public void The_installations_command_lists_this_computer_on_its_one_seat_in_dutch()
    {
        var run = sample.Commands["installations-nl"];

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("1 van 1 plaats in gebruik. Nog 3 verhuizingen mogelijk.", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("(zonder naam) (deze computer, ", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_installations_command_speaks_english_on_request()
    {
        var run = sample.Commands["installations-en"];

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("1 of 1 seat in use. 3 moves left.", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("(no name) (this computer, ", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_installations_command_gives_the_seats_and_marks_this_computer()
    {
        var run = sample.Commands["installations-json"];

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StandardOutput[run.StandardOutput.IndexOf('{', StringComparison.Ordinal)..]);
        var overview = json.RootElement.GetProperty("installations");
        Assert.Equal(1, overview.GetProperty("seats").GetInt32());
        var installation = Assert.Single(overview.GetProperty("installations").EnumerateArray());
        Assert.True(installation.GetProperty("isThisInstallation").GetBoolean());
        Assert.StartsWith("ins_", installation.GetProperty("id").GetString(), StringComparison.Ordinal);
    }
}
