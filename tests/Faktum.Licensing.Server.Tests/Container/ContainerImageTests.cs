using System.Diagnostics;
using System.Formats.Tar;
using System.Net;
using System.Net.Sockets;
using Faktum.Licensing.Server.Tests.Infrastructure;

namespace Faktum.Licensing.Server.Tests.Container;

/// <summary>
/// The server's container image, as eng/container.sh builds it with the SDK's container support into an OCI archive
/// (eng/test.sh runs that script before the tests, from a clean clone): its configuration, and the image itself run
/// with podman (Debian's) the way deploy/compose.yaml runs it — read-only root, the data volume, the health check.
/// </summary>
public sealed class ContainerImageTests
{
    private const string AppUid = "1654";

    [Fact]
    public void The_image_runs_as_a_non_root_uid_exposes_8080_declares_only_data_as_a_volume_and_holds_the_health_check_command()
    {
        var image = OciImageArchive.Read(ArchivePath());
        var config = image.Config;

        Assert.Equal(AppUid, config.GetProperty("User").GetString());
        Assert.Equal(new[] { "8080/tcp" }, config.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "/data" }, config.GetProperty("Volumes").EnumerateObject().Select(p => p.Name));
        var environment = config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", environment);
        Assert.Contains("FaktumServer__DataDirectory=/data", environment);
        Assert.Equal(new string?[] { "dotnet", "/app/Faktum.Licensing.Server.dll" }, config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));

        // What the entrypoint and compose's health check run is in the image; /data belongs to the app user, so a fresh
        // volume (which takes the image directory's owner) is writable without root.
        var files = image.Entries.Where(e => e.Type is TarEntryType.RegularFile or TarEntryType.V7RegularFile).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("app/Faktum.Licensing.Server.dll", files);
        Assert.Contains("app/Faktum.Licensing.Server", files);
        var data = image.Entries.Last(e => e.Path.TrimEnd('/') == "data");
        Assert.Equal((1654, 1654), (data.Uid, data.Gid));
        Assert.DoesNotContain(image.Entries, e => e.Path.StartsWith("data/", StringComparison.Ordinal) && e.Path != "data/"); // empty: nothing shadowed by the volume

        // The run-time half, which OCI images cannot carry: compose's health check asks the image's own binary on the
        // exposed port, with the image's user, a read-only root and the volume on /data.
        var compose = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "compose.yaml"));
        Assert.Contains("test: [\"CMD\", \"/app/Faktum.Licensing.Server\", \"health\", \"--url\", \"http://localhost:8080/health/live\"]", compose, StringComparison.Ordinal);
        Assert.Contains($"user: \"{AppUid}:{AppUid}\"", compose, StringComparison.Ordinal);
        Assert.Contains("read_only: true", compose, StringComparison.Ordinal);
        Assert.Contains("- server-data:/data", compose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_podman_with_a_read_only_root_the_image_answers_ready_passes_its_health_check_and_writes_only_to_its_volume()
    {
        // Straight from the archive (no tag in the machine's shared image store that another run could move).
        var image = "oci-archive:" + ArchivePath();
        var volume = $"faktum-test-{Guid.NewGuid():N}";
        var port = FreePort();
        await PodmanAsync("volume", "create", volume);
        string? container = null;
        try
        {
            // runc and lowered limits: this machine's hybrid cgroups and missing CAP_SYS_RESOURCE stop podman's default
            // (crun, raised limits); neither changes what the image is.
            container = (await PodmanAsync(
                "run", "-d", "--runtime", "runc", "--ulimit", "nofile=8192:8192", "--ulimit", "nproc=4096:4096",
                "--read-only", "--tmpfs", "/tmp", "-v", $"{volume}:/data", "-p", $"127.0.0.1:{port}:8080", image)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            await ServerFixture.WaitUntilAsync(async () =>
            {
                try
                {
                    using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                    return ready.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, "the container's /health/ready to answer 200", 120_000);

            // compose's health check, run inside the container
            var check = await PodmanAsync("exec", container, "/app/Faktum.Licensing.Server", "health", "--url", "http://localhost:8080/health/live");
            Assert.StartsWith("200", check.Output, StringComparison.Ordinal);

            // The process (UID 1654, not root) wrote its key and database into the volume, nowhere else (the root is read-only).
            var mountpoint = (await PodmanAsync("volume", "inspect", "--format", "{{.Mountpoint}}", volume)).Output.Trim();
            var key = Assert.Single(Directory.GetFiles(Path.Combine(mountpoint, "keys"), "signing-*.pem"));
            var changed = (await PodmanAsync("diff", container)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // ("C /etc": podman bind-mounts /etc/hosts, /etc/hostname and /etc/resolv.conf into every container.)
            Assert.All(changed, c => Assert.Matches("^(C /etc|[ACD] /(data|tmp)(/.*)?)$", c));
            Assert.True(File.Exists(Path.Combine(mountpoint, "faktum-licensing.db")));
            Assert.Equal(AppUid, (await StatAsync(key)).Trim());
        }
        finally
        {
            if (container is not null)
            {
                await PodmanAsync("rm", "-f", "-t", "2", container);
            }

            await PodmanAsync("volume", "rm", "-f", volume);
        }
    }

    private static string ArchivePath()
    {
        var path = Environment.GetEnvironmentVariable("FAKTUM_TEST_CONTAINER_ARCHIVE")
            ?? Path.Combine(RepositoryRoot(), "artifacts", "container", "faktum-licensing-server.tar");
        return File.Exists(path) ? path : throw new Xunit.Sdk.XunitException($"No container image at {path}: run `bash eng/container.sh` (eng/test.sh does).");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Faktum.Licensing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Faktum.Licensing.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> StatAsync(string file) => (await RunAsync("stat", ["-c", "%u", file])).Output;

    private static Task<(string Output, string Error)> PodmanAsync(params string[] args) => RunAsync("podman", args);

    private static async Task<(string Output, string Error)> RunAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        }

        return (await output, await error);
    }
}
