using System.Text.Json;
using Faktum.Licensing.Server.Cli;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Faktum.Licensing.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Cli;

[Collection(nameof(ConsoleCollection))]
public sealed class AdminCommandLineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_admin_command_prints_text_by_default_and_one_json_object_with_json_in_both_modes()
    {
        var data = Path.Combine(_root, "data");
        await using var server = await ServerFixture.StartAsync(dataDirectory: data);
        await server.RegisterAndConfirmAsync("text@example.nl", "install-txt-0001", name: "Bakkerij Tekst", postcode: "1111 AA");
        await server.RegisterAndConfirmAsync("json@example.nl", "install-jsn-0001", name: "Bakkerij Json", postcode: "2222 BB");
        var licenses = await server.WithDbAsync(db => db.Licenses.Include(l => l.Company).ThenInclude(c => c!.Account)
            .ToDictionaryAsync(l => l.Company!.Account!.Email, l => (l.Id, l.CompanyId)));
        var mailId = await server.WithDbAsync(db => db.OutboxMessages.Select(m => m.Id).FirstAsync());
        string[] direct = ["--data-dir", data];
        string[] remote = ["--server", server.Server.BaseAddress.ToString(), "--api-key", ServerFixture.AdminKey, "--json"];

        // The same sequence of actions, once in text on the data folder, once in JSON through the admin API.
        foreach (var (email, installation, target) in new[] { ("text@example.nl", "install-txt-0001", direct), ("json@example.nl", "install-jsn-0001", remote) })
        {
            var (license, company) = licenses[email];
            var json = target == remote;
            foreach (var (args, expected) in new (string[] Args, int Code)[]
            {
                (["admin", "paid", license, "--ends-at", "2030-01-01T00:00:00Z"], CliExitCodes.Done),
                (["admin", "extend", license, "--days", "5"], CliExitCodes.Done),
                (["admin", "suspend", license], CliExitCodes.Done),
                (["admin", "suspend", license], CliExitCodes.Refused),
                (["admin", "reinstate", license], CliExitCodes.Done),
                (["admin", "release-installation", license, installation], CliExitCodes.Done),
                (["admin", "release-installation", license, installation], CliExitCodes.Refused),
                (["admin", "resend-confirmation", company], CliExitCodes.Refused),
                (["admin", "retry-mail", mailId], CliExitCodes.Refused),
                (["admin", "revoke", license], CliExitCodes.Done),
                (["admin", "revoke", "lic_unknown"], CliExitCodes.NotFound),
                (["admin", "search", json ? "2222bb" : "bakkerij tekst"], CliExitCodes.Done),
                (["admin", "company", company], CliExitCodes.Done),
                (["admin", "lookup", "--email", email], CliExitCodes.Done),
                (["admin", "home"], CliExitCodes.Done),
                (["admin", "mail", "--status", "sent"], CliExitCodes.Done),
                (["admin", "audit", "--company", company], CliExitCodes.Done),
                (["admin", "audit", "--csv", Path.Combine(_root, json ? "remote.csv" : "direct.csv")], CliExitCodes.Done),
                (["admin", "mailboxes"], CliExitCodes.Done),
            })
            {
                var run = await CliRun.RunAsync([.. args, .. target]);
                Assert.True(expected == run.Code, $"{string.Join(' ', args)} ({(json ? "json" : "text")}): exit {run.Code}, {run.Output} {run.Error}");
                if (json)
                {
                    using var document = JsonDocument.Parse(run.Output);
                    Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                    Assert.Equal(expected != CliExitCodes.Done, document.RootElement.TryGetProperty("error", out _));
                }
                else
                {
                    Assert.False(run.Output.TrimStart().StartsWith('{'), run.Output);
                }

                Assert.Equal(expected == CliExitCodes.Done ? 0 : 1, run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            }
        }

        Assert.Contains("license-marked-paid", await File.ReadAllTextAsync(Path.Combine(_root, "direct.csv")), StringComparison.Ordinal);
        Assert.Contains("license-marked-paid", await File.ReadAllTextAsync(Path.Combine(_root, "remote.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cli_action_records_source_cli_the_os_user_and_the_change()
    {
        var data = Path.Combine(_root, "data");
        await using var server = await ServerFixture.StartAsync(dataDirectory: data);
        var confirmed = await server.RegisterAndConfirmAsync("cli-audit@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());

        var run = await CliRun.RunAsync("admin", "suspend", licenseId, "--data-dir", data);

        Assert.Equal(CliExitCodes.Done, run.Code);
        var record = await server.WithDbAsync(db => db.AuditRecords.SingleAsync());
        Assert.Equal((AuditSource.Cli, Environment.UserName, "license-suspended"), (record.Source, record.Actor, record.Action));
        Assert.Equal("{\"status\":\"active\"}", record.Before);
        Assert.Equal("{\"status\":\"suspended\"}", record.After);
        Assert.Equal("suspended", (await server.StartupAsync(confirmed.License)).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task A_missing_or_unusable_target_is_one_line_with_its_exit_code_never_a_stack_trace()
    {
        var data = Path.Combine(_root, "data");
        await using var server = await ServerFixture.StartAsync(dataDirectory: data);

        foreach (var (args, code, says) in new (string[] Args, int Code, string Says)[]
        {
            (["admin", "suspend", "lic_x", "--data-dir", Path.Combine(_root, "nowhere")], CliExitCodes.Unreachable, "--data-dir"),
            (["admin", "suspend", "lic_x", "--server", "http://127.0.0.1:9", "--api-key", "k"], CliExitCodes.Unreachable, "Cannot reach"),
            (["admin", "suspend", "lic_x", "--server", server.Server.BaseAddress.ToString(), "--api-key", "wrong-key-0123456789"], CliExitCodes.Unreachable, "401"),
            (["admin", "suspend", "lic_x", "--server", "not a url", "--api-key", "k"], CliExitCodes.Usage, "--server"),
            (["admin", "suspend"], CliExitCodes.Usage, "suspend"),
            (["admin", "extend", "lic_x", "--days", "0", "--data-dir", data], CliExitCodes.Usage, "--days"),
            (["admin", "mail", "--status", "lost", "--data-dir", data], CliExitCodes.Usage, "--status"),
            (["admin", "suspend", "lic_unknown", "--data-dir", data], CliExitCodes.NotFound, "No license"),
            (["releases", "list"], CliExitCodes.Usage, "--server"),
            (["releases", "sign", "--key", "k.pem", "--product", "p", "--release-id", "r", "--version", "1.0.0", "--notes-url", "https://x", "--download-url", "https://x"], CliExitCodes.Usage, "--sequence"),
            (["privacy", "export", "cmp_unknown", "--data-dir", data], CliExitCodes.NotFound, "No company"),
            (["health", "--url", "http://127.0.0.1:9/health/live"], CliExitCodes.Unreachable, "Cannot reach"),
        })
        {
            foreach (var json in new[] { false, true })
            {
                var run = await CliRun.RunAsync(json ? [.. args, "--json"] : args);
                var context = $"{string.Join(' ', args)}: {run.Code} {run.Error}";
                Assert.True(code == run.Code, context);
                var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains(says, line, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
                if (json)
                {
                    using var document = JsonDocument.Parse(run.Output);
                    Assert.True(document.RootElement.TryGetProperty("error", out _), context);
                }
            }
        }
    }

    [Fact]
    public async Task Releases_publish_finds_the_next_sequence_and_withdraw_signs_the_withdrawal_on_this_machine()
    {
        using var releaseKey = Ed25519SigningKey.Generate();
        await using var server = await ServerFixture.StartAsync(configure: c => c[$"FaktumServer:Updates:ReleaseKeys:{releaseKey.KeyId}"] = releaseKey.ExportPublicKeyBase64Url());
        Directory.CreateDirectory(_root);
        var pem = Path.Combine(_root, "release.pem");
        await File.WriteAllTextAsync(pem, releaseKey.ExportPrivateKeyPem());
        string[] target = ["--server", server.Server.BaseAddress.ToString(), "--api-key", ServerFixture.AdminKey];
        string[] Manifest(string id, string version) =>
            ["--key", pem, "--product", ServerFixture.Product, "--release-id", id, "--version", version, "--notes-url", "https://faktum.example/notes",
             "--download-url", "https://faktum.example/download", "--sha256", new string('a', 64), "--size", "1000", .. target];

        Assert.Equal(CliExitCodes.Done, (await CliRun.RunAsync(["releases", "publish", .. Manifest("r-100", "1.0.0")])).Code);
        var second = await CliRun.RunAsync(["releases", "publish", .. Manifest("r-110", "1.1.0"), "--json"]);
        Assert.Equal(2, JsonDocument.Parse(second.Output).RootElement.GetProperty("sequence").GetInt64());
        var next = await CliRun.RunAsync(["releases", "next-sequence", "--product", ServerFixture.Product, .. target, "--json"]);
        Assert.Equal(3, JsonDocument.Parse(next.Output).RootElement.GetProperty("nextSequence").GetInt64());

        Assert.Equal(CliExitCodes.Done, (await CliRun.RunAsync(["releases", "pause", "r-110", .. target])).Code);
        var pausedAgain = await CliRun.RunAsync(["releases", "pause", "r-110", .. target, "--json"]);
        Assert.Equal((CliExitCodes.Refused, "release-already-paused"), (pausedAgain.Code, JsonDocument.Parse(pausedAgain.Output).RootElement.GetProperty("error").GetString()));
        Assert.Equal(CliExitCodes.Done, (await CliRun.RunAsync(["releases", "rollout", "r-110", "--percentage", "50", .. target])).Code);
        var withdrawn = await CliRun.RunAsync(["releases", "withdraw", "r-100", "--key", pem, .. target, "--json"]);
        Assert.Equal(CliExitCodes.Done, withdrawn.Code);
        Assert.True(JsonDocument.Parse(withdrawn.Output).RootElement.GetProperty("withdrawn").GetBoolean());
        Assert.Equal(3, JsonDocument.Parse(withdrawn.Output).RootElement.GetProperty("sequence").GetInt64());
        var again = await CliRun.RunAsync(["releases", "withdraw", "r-100", "--key", pem, .. target]);
        Assert.Equal(CliExitCodes.Refused, again.Code);
        Assert.Contains("release-already-withdrawn", again.Error, StringComparison.Ordinal);
        var list = await CliRun.RunAsync(["releases", "list", .. target]);
        Assert.Contains("r-110", list.Output, StringComparison.Ordinal);
        Assert.False(list.Output.TrimStart().StartsWith('['));

        // A signed manifest that does not withdraw is refused by the withdraw route, with its code.
        var notWithdrawal = await CliRun.RunAsync(["releases", "sign", .. Manifest("r-120", "1.2.0")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/releases/withdraw") { Content = new StringContent(notWithdrawal.Output, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", ServerFixture.AdminKey);
        using var response = await server.Http.SendAsync(request);
        Assert.Equal("not-a-withdrawal", (await ServerFixture.ReadProblemAsync(response)).GetProperty("code").GetString());
        Assert.Equal(["release-published", "release-published", "release-paused", "release-rollout-changed", "release-withdrawn"],
            await server.WithDbAsync(db => db.AuditRecords.OrderBy(r => r.At).Select(r => r.Action).ToListAsync()));
    }

    [Fact]
    public async Task Keys_backup_health_and_privacy_commands_print_one_json_object_with_json()
    {
        var data = Path.Combine(_root, "data");
        Assert.Equal(CliExitCodes.Done, (await CliRun.RunAsync("keys", "generate", "--data-dir", data, "--json")).Code);
        await using var server = await ServerFixture.StartAsync(dataDirectory: data);
        await server.RegisterAndConfirmAsync("privacy@example.nl");
        var companyId = await server.WithDbAsync(db => db.Companies.Select(c => c.Id).SingleAsync());
        var keyFile = Directory.GetFiles(Path.Combine(data, "keys"), "signing-*.pem")[0];

        foreach (var args in new[]
        {
            new[] { "keys", "list", "--data-dir", data },
            ["keys", "export", "--data-dir", data],
            ["keys", "public", "--file", keyFile],
            ["releases", "keygen", "--out", Path.Combine(_root, "k1.pem")],
            ["health", "--url", new Uri(server.Server.BaseAddress, "/health/live").ToString()],
            ["privacy", "export", companyId, "--data-dir", data],
            ["backup", "--data-dir", data, "--out", Path.Combine(_root, "b1.db")],
        })
        {
            var run = await CliRun.RunAsync([.. args, "--json"]);
            Assert.True(run.Code == CliExitCodes.Done, $"{string.Join(' ', args)}: {run.Error}");
            Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(run.Output).RootElement.ValueKind);
        }

        var text = await CliRun.RunAsync("keys", "list", "--data-dir", data);
        Assert.Contains("(signs)", text.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
