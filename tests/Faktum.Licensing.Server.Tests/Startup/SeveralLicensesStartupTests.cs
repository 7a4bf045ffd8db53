using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Tests.Admin;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Startup;

/// <summary>One start-up call for every license on an installation (S9): a verdict per license, in the order of the request.</summary>
public sealed class SeveralLicensesStartupTests : IAsyncLifetime
{
    private const string Installation = "install-shared-001";
    private const string Nonce = "bm9uY2Utc2V2ZXJhbC1saWNlbnNlcw";
    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_call_with_three_licenses_answers_each_in_the_order_of_the_request_and_describes_the_first_at_the_top()
    {
        var tokens = await RegisterAsync(3);

        var payload = await StartupAsync(tokens[2], tokens[0], tokens[1]);

        var answers = payload.GetProperty("licenses").EnumerateArray().ToList();
        Assert.Equal(3, answers.Count);
        Assert.Equal(["Bedrijf 3 B.V.", "Bedrijf 1 B.V.", "Bedrijf 2 B.V."], answers.Select(a => a.GetProperty("company").GetProperty("name").GetString()));
        Assert.All(answers, a => Assert.Equal("trial", a.GetProperty("verdict").GetString()));
        Assert.All(answers, a => Assert.Equal(30, a.GetProperty("trial_days_left").GetInt32()));
        Assert.Equal([LicenseId(tokens[2]), LicenseId(tokens[0]), LicenseId(tokens[1])], answers.Select(a => LicenseId(a.GetProperty("license").GetString()!)));
        foreach (var answer in answers)
        {
            var refreshed = await _server.ValidateLicenseAsync(answer.GetProperty("license").GetString()!, Installation);
            Assert.True(refreshed.Succeeded, refreshed.Message);
        }

        // The top-level claims describe the first license, so a parser of the one-license answer reads it unchanged.
        Assert.Equal("trial", payload.GetProperty("verdict").GetString());
        Assert.Equal("Bedrijf 3 B.V.", payload.GetProperty("company").GetProperty("name").GetString());
        Assert.Equal(LicenseId(tokens[2]), LicenseId(payload.GetProperty("license").GetString()!));
        Assert.Equal(JsonValueKind.Object, payload.GetProperty("updates").ValueKind);
        Assert.All(answers, a => Assert.False(a.TryGetProperty("updates", out _)));
    }

    [Fact]
    public async Task A_license_suspended_by_the_vendor_is_suspended_only_in_its_own_slot()
    {
        var tokens = await RegisterAsync(3);
        using (var suspended = await AuditLogTests.AdminAsync(_server, HttpMethod.Post, $"licenses/{LicenseId(tokens[1])}/suspend"))
        {
            Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        }

        var answers = (await StartupAsync(tokens)).GetProperty("licenses").EnumerateArray().ToList();

        Assert.Equal(["trial", "suspended", "trial"], answers.Select(a => a.GetProperty("verdict").GetString()));
        Assert.False(answers[1].TryGetProperty("license", out _));
        Assert.Equal("Bedrijf 2 B.V.", answers[1].GetProperty("company").GetProperty("name").GetString());
        Assert.True(answers[0].TryGetProperty("license", out _));
        Assert.True(answers[2].TryGetProperty("license", out _));
    }

    [Fact]
    public async Task A_token_that_does_not_verify_gets_unknown_in_its_slot_and_the_others_their_verdicts()
    {
        var tokens = await RegisterAsync(2);
        var parts = tokens[1].Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);

        var payload = await StartupAsync("not-a-token", tokens[0], forged);

        var answers = payload.GetProperty("licenses").EnumerateArray().ToList();
        Assert.Equal(["unknown", "trial", "unknown"], answers.Select(a => a.GetProperty("verdict").GetString()));
        Assert.Equal(["verdict"], answers[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["verdict"], answers[2].EnumerateObject().Select(p => p.Name));
        Assert.Equal("unknown", payload.GetProperty("verdict").GetString());
        Assert.False(payload.TryGetProperty("company", out _));

        // The update decision is made for the good license, though it is not the first.
        Assert.Equal(JsonValueKind.Object, payload.GetProperty("updates").ValueKind);
    }

    [Fact]
    public async Task Without_a_good_license_the_call_makes_no_update_decision()
    {
        var tokens = await RegisterAsync(2);
        using (var revoked = await AuditLogTests.AdminAsync(_server, HttpMethod.Post, $"licenses/{LicenseId(tokens[0])}/revoke"))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        var payload = await StartupAsync(tokens[0], "not-a-token");

        Assert.Equal(["revoked", "unknown"], payload.GetProperty("licenses").EnumerateArray().Select(a => a.GetProperty("verdict").GetString()));
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("updates").ValueKind);
    }

    [Fact]
    public async Task Each_license_records_its_own_sighting_of_the_installation()
    {
        var tokens = await RegisterAsync(2);

        await StartupAsync(tokens);

        var seen = await _server.WithDbAsync(db => Task.FromResult(db.Installations.Select(i => new { i.LastSeenAt, i.AppVersion, i.Channel }).ToList()));
        Assert.Equal(2, seen.Count);
        Assert.All(seen, s => Assert.Equal(("1.2.3", "stable"), (s.AppVersion, s.Channel)));
        Assert.All(seen, s => Assert.NotNull(s.LastSeenAt));
    }

    [Fact]
    public async Task The_most_licenses_one_call_may_carry_fit_in_its_body()
    {
        var tokens = await RegisterAsync(2);
        var many = tokens.Concat(Enumerable.Range(0, StartupRequest.MaxLicenses - 2).Select(i => $"{i:D4}.{new string('x', 4000)}.sig")).ToArray();

        var answers = (await StartupAsync(many)).GetProperty("licenses").EnumerateArray().ToList();

        Assert.Equal(StartupRequest.MaxLicenses, answers.Count);
        Assert.Equal(2, answers.Count(a => a.GetProperty("verdict").GetString() == "trial"));
    }

    public static TheoryData<string, string, string> InvalidLists => new()
    {
        { "both license and licenses", """ "license":"a.b.c","licenses":["a.b.c","d.e.f"] """, "not-allowed" },
        { "an empty list", """ "licenses":[] """, "required" },
        { "one license in the list", """ "licenses":["a.b.c"] """, "out-of-range" },
        { "more than the most", $""" "licenses":[{string.Join(',', Enumerable.Range(0, StartupRequest.MaxLicenses + 1).Select(i => $"\"t.{i}.s\""))}] """, "out-of-range" },
        { "a duplicate token", """ "licenses":["a.b.c","d.e.f","a.b.c"] """, "invalid-value" },
        { "an empty token", """ "licenses":["a.b.c",""] """, "required" },
        { "a null token", """ "licenses":["a.b.c",null] """, "required" },
        { "a token too long", $""" "licenses":["a.b.c","{new string('x', 8193)}"] """, "too-long" },
    };

    [Theory]
    [MemberData(nameof(InvalidLists))]
    public async Task An_invalid_list_of_licenses_gets_400_with_a_field_error_on_licenses(string _, string members, string code)
    {
        using var content = new StringContent($$"""{{{members}},"appVersion":"1.0.0","channel":"stable","nonce":"{{Nonce}}"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await _server.Http.PostAsync(new Uri("/v1/startup", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerFixture.ReadProblemAsync(response);
        Assert.Equal(ProblemTypes.ValidationFailed, problem.GetProperty("type").GetString());
        Assert.Equal([code], problem.GetProperty("codes").GetProperty("licenses").EnumerateArray().Select(c => c.GetString()));
    }

    private async Task<string[]> RegisterAsync(int count)
    {
        var tokens = new string[count];
        for (var i = 0; i < count; i++)
        {
            tokens[i] = (await _server.RegisterAndConfirmAsync($"bedrijf{i + 1}@example.nl", Installation, $"Bedrijf {i + 1} B.V.", $"12{i + 1}4 AB")).License;
        }

        return tokens;
    }

    private Task<JsonElement> StartupAsync(params string[] licenses) => _server.StartupAsync(new StartupRequest(null, "1.2.3", "stable", Nonce, licenses));

    private static string LicenseId(string token)
    {
        using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        return json.RootElement.GetProperty("sub").GetString()!;
    }
}
