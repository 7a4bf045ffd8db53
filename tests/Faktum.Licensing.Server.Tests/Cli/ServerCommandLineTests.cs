using System.Text.Json;
using Faktum.Licensing.Server.Cli;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Faktum.Licensing.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Tests.Cli;

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

[Collection(nameof(ConsoleCollection))]
public sealed class ServerCommandLineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Keys_generate_then_export_prints_kid_and_public_key_as_the_sdk_takes_them()
    {
        var data = Path.Combine(_root, "data");
        var (code, _) = await RunAsync("keys", "generate", "--data-dir", data);
        Assert.Equal(0, code);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(data, "keys"), "signing-*.pem"));
        using var key = Ed25519SigningKey.FromPem(await File.ReadAllTextAsync(file));

        var (exportCode, output) = await RunAsync("keys", "export", "--data-dir", data);

        Assert.Equal(0, exportCode);
        Assert.DoesNotContain("PRIVATE", output, StringComparison.Ordinal);
        var exported = JsonSerializer.Deserialize<Dictionary<string, string>>(output)!;
        Assert.Equal(key.ExportPublicKeyBase64Url(), exported[key.KeyId]);

        var (listCode, list) = await RunAsync("keys", "list", "--data-dir", data);
        Assert.Equal(0, listCode);
        Assert.Contains(key.KeyId, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_public_writes_the_public_half_for_verification_and_export_reads_given_files()
    {
        var folder = Path.Combine(_root, "vendor");
        var (code, _) = await RunAsync("keys", "generate", "--data-dir", folder);
        Assert.Equal(0, code);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(folder, "keys"), "signing-*.pem"));
        using var key = Ed25519SigningKey.FromPem(await File.ReadAllTextAsync(file));

        var (printCode, printed) = await RunAsync("keys", "public", "--file", file);
        Assert.Equal(0, printCode);
        Assert.DoesNotContain("PRIVATE", printed, StringComparison.Ordinal);
        using (var fromPrinted = Ed25519SecurityKey.FromPem(printed))
        {
            Assert.Equal(Microsoft.IdentityModel.Tokens.PrivateKeyStatus.DoesNotExist, fromPrinted.PrivateKeyStatus);
            Assert.Equal(key.KeyId, fromPrinted.KeyId);
        }

        var publicFile = Path.Combine(_root, "public.pem");
        var (writeCode, written) = await RunAsync("keys", "public", "--file", file, "--out", publicFile);
        Assert.Equal(0, writeCode);
        Assert.Contains(key.KeyId, written, StringComparison.Ordinal);
        using (var fromFile = Ed25519SecurityKey.FromPem(await File.ReadAllTextAsync(publicFile)))
        {
            Assert.Equal(Microsoft.IdentityModel.Tokens.PrivateKeyStatus.DoesNotExist, fromFile.PrivateKeyStatus);
            Assert.True(fromFile.HasSamePublicKey(key.PublicKey));
        }

        var (other, otherPath) = Faktum.Licensing.Server.Keys.SigningKeyRing.Generate(Path.Combine(_root, "other"));
        using (other)
        {
            var (exportCode, output) = await RunAsync("keys", "export", "--file", publicFile, "--file", otherPath);
            Assert.Equal(0, exportCode);
            var exported = JsonSerializer.Deserialize<Dictionary<string, string>>(output)!;
            Assert.Equal(2, exported.Count);
            Assert.Equal(key.ExportPublicKeyBase64Url(), exported[key.KeyId]);
            Assert.Equal(other.ExportPublicKeyBase64Url(), exported[other.KeyId]);
        }
    }

    [Fact]
    public async Task Admin_actions_work_against_the_data_folder_and_against_a_running_server()
    {
        var data = Path.Combine(_root, "data");
        await using var server = await ServerFixture.StartAsync(dataDirectory: data);
        var confirmed = await server.RegisterAndConfirmAsync("cli@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());

        var (suspendCode, suspended) = await RunAsync("admin", "suspend", licenseId, "--data-dir", data, "--json");
        Assert.Equal(0, suspendCode);
        Assert.Contains("\"suspended\"", suspended, StringComparison.Ordinal);
        Assert.Equal("suspended", (await server.StartupAsync(confirmed.License)).GetProperty("verdict").GetString());

        var (lookupCode, lookup) = await RunAsync("admin", "lookup", "--email", "cli@example.nl", "--data-dir", data);
        Assert.Equal(0, lookupCode);
        Assert.Contains(licenseId, lookup, StringComparison.Ordinal);

        var (paidCode, paidOutput) = await RunAsync("admin", "paid", licenseId, "--server", server.Server.BaseAddress.ToString(), "--api-key", ServerFixture.AdminKey);
        Assert.True(paidCode == 0, paidOutput);
        var (reinstateCode, _) = await RunAsync("admin", "reinstate", licenseId, "--server", server.Server.BaseAddress.ToString(), "--api-key", ServerFixture.AdminKey);
        Assert.Equal(0, reinstateCode);
        Assert.Equal("licensed", (await server.StartupAsync(confirmed.License)).GetProperty("verdict").GetString());

        var (wrongKeyCode, _) = await RunAsync("admin", "revoke", licenseId, "--server", server.Server.BaseAddress.ToString(), "--api-key", "wrong-key-0123456789");
        Assert.Equal(CliExitCodes.Unreachable, wrongKeyCode);
    }

    [Fact]
    public async Task Entitlements_and_copy_detection_are_set_shown_and_cleared_from_the_command_line()
    {
        var data = Path.Combine(_root, "data");
        await using var server = await ServerFixture.StartAsync(dataDirectory: data);
        var confirmed = await server.RegisterAndConfirmAsync("cli@example.nl");
        var licenseId = await server.WithDbAsync(db => db.Licenses.Select(l => l.Id).SingleAsync());
        string[] remote = ["--server", server.Server.BaseAddress.ToString(), "--api-key", ServerFixture.AdminKey];

        var (setCode, set) = await RunAsync("admin", "entitlements", licenseId, "--set", "export,multi-currency", "--data-dir", data);
        Assert.True(setCode == 0, set);
        var refreshed = (await server.StartupAsync(confirmed.License)).GetProperty("license").GetString()!;
        Assert.Equal(["export", "multi-currency"], (await server.ValidateLicenseAsync(refreshed)).EnsureSuccess().Entitlements);
        var (showCode, shown) = await RunAsync(["admin", "entitlements", licenseId, "--json", .. remote]);
        Assert.True(showCode == 0 && shown.Contains("multi-currency", StringComparison.Ordinal), shown);
        var (defaultCode, reset) = await RunAsync(["admin", "entitlements", licenseId, "--default", "--json", .. remote]);
        Assert.True(defaultCode == 0 && reset.Contains("\"entitlements\": null", StringComparison.Ordinal), reset);
        Assert.Equal(2, (await RunAsync("admin", "entitlements", licenseId, "--set", "met spatie", "--data-dir", data)).Code);

        // A copy: two answers to one start; one goes on (refreshed), then the other is presented.
        var other = (await server.StartupAsync(confirmed.License)).GetProperty("license").GetString()!;
        var kept = (await server.StartupAsync(refreshed)).GetProperty("license").GetString()!;
        Assert.Equal("duplicated", (await server.StartupAsync(other)).GetProperty("verdict").GetString());
        var (copiesCode, copies) = await RunAsync("admin", "copies", licenseId, "--data-dir", data, "--json");
        Assert.True(copiesCode == 0 && copies.Contains("\"duplicated\": true", StringComparison.Ordinal), copies);
        var (clearCode, cleared) = await RunAsync(["admin", "copies", licenseId, "--clear", "--json", .. remote]);
        Assert.True(clearCode == 0 && cleared.Contains("\"duplicated\": false", StringComparison.Ordinal), cleared);
        Assert.Equal("trial", (await server.StartupAsync(kept)).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Keys_list_orders_two_keys_of_the_same_file_time_as_the_server_does_and_marks_the_one_that_signs()
    {
        var data = Path.Combine(_root, "data");
        var (first, firstPath) = Faktum.Licensing.Server.Keys.SigningKeyRing.Generate(data);
        var (second, secondPath) = Faktum.Licensing.Server.Keys.SigningKeyRing.Generate(data);
        var sameTime = DateTime.UnixEpoch.AddYears(55);
        File.SetLastWriteTimeUtc(firstPath, sameTime);
        File.SetLastWriteTimeUtc(secondPath, sameTime);
        first.Dispose();
        second.Dispose();
        using var ring = Faktum.Licensing.Server.Keys.SigningKeyRing.Load([], [], data, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var (code, output) = await RunAsync("keys", "list", "--data-dir", data);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(ring.Keys.Select(k => k.Key.KeyId), lines.Select(l => l.Split("  ")[0]));
        var signs = Assert.Single(lines, l => l.EndsWith("(signs)", StringComparison.Ordinal));
        Assert.StartsWith(ring.Signing.KeyId + "  ", signs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_generate_prints_the_kid_and_x_the_sdk_pins()
    {
        var data = Path.Combine(_root, "data");

        var (code, output) = await RunAsync("keys", "generate", "--data-dir", data);

        Assert.Equal(0, code);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(data, "keys"), "signing-*.pem"));
        using var key = Ed25519SigningKey.FromPem(await File.ReadAllTextAsync(file));
        Assert.Contains($"\"{key.KeyId}\": \"{key.ExportPublicKeyBase64Url()}\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_exits_0_when_the_url_answers_200_4_when_nothing_answers_and_refuses_a_url_that_is_not_http()
    {
        await using var server = await ServerFixture.StartAsync();

        var (code, output) = await RunAsync("health", "--url", new Uri(server.Server.BaseAddress, "health/live").ToString());
        Assert.Equal(0, code);
        Assert.StartsWith("200 ", output, StringComparison.Ordinal);

        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (closed, _) = await RunAsync("health", "--url", $"http://127.0.0.1:{closedPort}/health/live");
        Assert.Equal(4, closed); // CliExitCodes.Unreachable: the target cannot be used (docs/server.md); compose only needs non-zero

        var bad = await CliRun.RunAsync("health", "--url", "ftp://127.0.0.1/health/live");
        Assert.NotEqual(0, bad.Code);
        Assert.Contains("--url 'ftp://127.0.0.1/health/live' is not an absolute http(s) URL", bad.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        return (run.Code, run.Output);
    }
}
