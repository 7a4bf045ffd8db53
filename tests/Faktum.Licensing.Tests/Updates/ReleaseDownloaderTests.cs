using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Tests.Updates;

public sealed class ReleaseDownloaderTests : IDisposable
{
    private static readonly byte[] Artefact = RandomNumberGenerator.GetBytes(300_000);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("faktum-download-");

    private string Destination => Path.Combine(_folder.FullName, "factuur-2.1.0.msi");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_matching_download_is_moved_into_place_with_progress()
    {
        var progress = new Recorder();
        using var client = Client(_ => Ok(Artefact));

        var result = await ReleaseDownloader.DownloadAsync(client, Manifest(), Destination, progress);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(Destination, result.EnsureSuccess());
        Assert.Equal(Artefact, await File.ReadAllBytesAsync(Destination));
        Assert.Equal([Destination], Directory.GetFiles(_folder.FullName));
        Assert.NotEmpty(progress.Values);
        Assert.Equal(Artefact.Length, progress.Values[^1]);
        Assert.Equal(progress.Values.Order(), progress.Values);
    }

    [Fact]
    public async Task A_matching_download_replaces_an_existing_file()
    {
        await File.WriteAllTextAsync(Destination, "old");
        using var client = Client(_ => Ok(Artefact));

        var result = await ReleaseDownloader.DownloadAsync(client, Manifest(), Destination);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(Artefact, await File.ReadAllBytesAsync(Destination));
    }

    public static TheoryData<string, ReleaseDownloadFailure> Bodies => new()
    {
        { "truncated", ReleaseDownloadFailure.Truncated },
        { "truncated, announced in full", ReleaseDownloadFailure.Truncated },
        { "oversized, unannounced", ReleaseDownloadFailure.TooLarge },
        { "oversized, announced", ReleaseDownloadFailure.TooLarge },
        { "one byte more", ReleaseDownloadFailure.TooLarge },
        { "altered", ReleaseDownloadFailure.HashMismatch },
        { "empty", ReleaseDownloadFailure.Truncated },
        { "not found", ReleaseDownloadFailure.HttpError },
        { "connection refused", ReleaseDownloadFailure.HttpError },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_bad_download_is_a_typed_failure_and_leaves_nothing_behind(string body, ReleaseDownloadFailure expected)
    {
        using var client = Client(_ => body switch
        {
            "truncated" => Ok(Artefact[..^1], announceLength: false),
            "truncated, announced in full" => Ok(Artefact[..1000], announcedLength: Artefact.Length),
            "oversized, unannounced" => Ok([.. Artefact, .. Artefact], announceLength: false),
            "oversized, announced" => Ok([.. Artefact, .. Artefact]),
            "one byte more" => Ok([.. Artefact, 0], announceLength: false),
            "altered" => Ok(Altered()),
            "empty" => Ok([]),
            "not found" => new HttpResponseMessage(HttpStatusCode.NotFound),
            "connection refused" => throw new HttpRequestException("Connection refused"),
            _ => throw new ArgumentOutOfRangeException(nameof(body)),
        });

        var result = await ReleaseDownloader.DownloadAsync(client, Manifest(), Destination);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Failure);
        Assert.Null(result.Path);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.FullName));
        Assert.Throws<InvalidOperationException>(() => result.EnsureSuccess());
    }

    [Fact]
    public async Task A_failure_leaves_an_existing_file_untouched()
    {
        await File.WriteAllTextAsync(Destination, "old");
        using var client = Client(_ => Ok(Altered()));

        var result = await ReleaseDownloader.DownloadAsync(client, Manifest(), Destination);

        Assert.Equal(ReleaseDownloadFailure.HashMismatch, result.Failure);
        Assert.Equal("old", await File.ReadAllTextAsync(Destination));
        Assert.Equal([Destination], Directory.GetFiles(_folder.FullName));
    }

    [Fact]
    public async Task Cancellation_mid_stream_throws_and_leaves_nothing_behind()
    {
        using var cancellation = new CancellationTokenSource();
        using var client = Client(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new StallingStream(Artefact[..100_000], cancellation)),
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ReleaseDownloader.DownloadAsync(client, Manifest(), Destination, cancellationToken: cancellation.Token));

        Assert.Empty(Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task A_connection_closed_early_by_a_real_server_is_truncated()
    {
        // A real socket: the server announces the full length, sends part of the body and closes.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var request = new byte[4096];
            _ = await socket.ReceiveAsync(request);
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {Artefact.Length}\r\nConnection: close\r\n\r\n");
            await socket.SendAsync(head);
            await socket.SendAsync(Artefact.AsMemory(0, 50_000));
            socket.Shutdown(SocketShutdown.Both);
        });
        using var client = new HttpClient();
        var manifest = Manifest() with { DownloadUrl = new Uri($"http://127.0.0.1:{port}/factuur.msi") };

        var result = await ReleaseDownloader.DownloadAsync(client, manifest, Destination);
        await server;

        Assert.Equal(ReleaseDownloadFailure.Truncated, result.Failure);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task A_real_server_serving_the_right_bytes_succeeds()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var request = new byte[4096];
            _ = await socket.ReceiveAsync(request);
            await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {Artefact.Length}\r\nConnection: close\r\n\r\n"));
            await socket.SendAsync(Artefact);
            socket.Shutdown(SocketShutdown.Both);
        });
        using var client = new HttpClient();
        var manifest = Manifest() with { DownloadUrl = new Uri($"http://127.0.0.1:{port}/factuur.msi") };

        var result = await ReleaseDownloader.DownloadAsync(client, manifest, Destination);
        await server;

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(Artefact, await File.ReadAllBytesAsync(Destination));
    }

    private static ReleaseManifest Manifest() => ReleaseFixture.Manifest() with
    {
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Artefact)),
        Size = Artefact.Length,
    };

    private static byte[] Altered()
    {
        var altered = (byte[])Artefact.Clone();
        altered[altered.Length / 2] ^= 0x01;
        return altered;
    }

    private static HttpResponseMessage Ok(byte[] body, bool announceLength = true, long? announcedLength = null)
    {
        var content = new StreamContent(announceLength ? new MemoryStream(body) : new NonSeekableStream(body));
        if (announcedLength is { } length)
        {
            content = new StreamContent(new NonSeekableStream(body));
            content.Headers.ContentLength = length;
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static HttpClient Client(Func<HttpRequestMessage, HttpResponseMessage> respond) => new(new StubHandler(respond));

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond(request));
    }

    /// <summary>Records progress synchronously (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
    private sealed class Recorder : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value) => Values.Add(value);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    /// <summary>Serves some bytes, then cancels the download and stalls until cancelled.</summary>
    private sealed class StallingStream(byte[] bytes, CancellationTokenSource cancellation) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}
