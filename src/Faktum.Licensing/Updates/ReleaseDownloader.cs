using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace Faktum.Licensing.Updates;

/// <summary>
/// Downloads a release artefact to a file, checking its size and SHA-256 against a verified manifest while it streams.
/// </summary>
/// <remarks>
/// The bytes go to a hidden temporary file in the destination's folder; only a file with exactly the manifest's size and
/// SHA-256 is flushed and moved onto the destination path (an atomic rename on the same volume, replacing any file there).
/// On every failure and on cancellation the temporary file is deleted and the destination is left untouched.
/// Expected failures are results; cancellation throws <see cref="OperationCanceledException"/> (after the clean-up),
/// and misuse (a null or relative argument) throws <see cref="ArgumentException"/>.
/// </remarks>
public static class ReleaseDownloader
{
    private const int BufferSize = 81920;

    /// <summary>Downloads <see cref="ReleaseManifest.DownloadUrl"/> to <paramref name="destinationPath"/>.</summary>
    /// <param name="httpClient">The client to download with (for example from <c>IHttpClientFactory</c>).</param>
    /// <param name="manifest">The verified manifest of the release.</param>
    /// <param name="destinationPath">Where the verified artefact goes; its folder must exist.</param>
    /// <param name="progress">Receives the number of bytes received so far, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the download; the temporary file is deleted.</param>
    /// <returns>The result; on success the artefact is at its <see cref="ReleaseDownloadResult.Path"/>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ReleaseDownloadResult> DownloadAsync(
        HttpClient httpClient,
        ReleaseManifest manifest,
        string destinationPath,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrEmpty(destinationPath);
        if (!IsSha256Hex(manifest.Sha256) || manifest.Size < 1)
        {
            throw new ArgumentException("The manifest needs a 64-character lowercase hex SHA-256 and a size of at least 1 byte.", nameof(manifest));
        }

        var destination = Path.GetFullPath(destinationPath);
        var folder = Path.GetDirectoryName(destination) ?? throw new ArgumentException("The destination has no folder.", nameof(destinationPath));
        var temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.partial");
        var expectedHash = Convert.FromHexString(manifest.Sha256);

        try
        {
            var result = await DownloadToAsync(httpClient, manifest, temporary, expectedHash, progress, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return result;
            }

            File.Move(temporary, destination, overwrite: true);
            return ReleaseDownloadResult.Success(destination);
        }
        catch (HttpIOException ex) when (ex.HttpRequestError == HttpRequestError.ResponseEnded && !cancellationToken.IsCancellationRequested)
        {
            return ReleaseDownloadResult.Fail(ReleaseDownloadFailure.Truncated, "The connection closed before the whole file arrived.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ReleaseDownloadResult.Fail(ReleaseDownloadFailure.HttpError, "The download timed out.");
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ReleaseDownloadResult.Fail(ReleaseDownloadFailure.HttpError, $"The download failed: {ex.Message}");
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Also what a broken connection mid-body surfaces as.
            return ReleaseDownloadResult.Fail(ReleaseDownloadFailure.IOError, $"The download could not be completed: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return ReleaseDownloadResult.Fail(ReleaseDownloadFailure.IOError, $"The file could not be written: {ex.Message}");
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static async Task<ReleaseDownloadResult> DownloadToAsync(
        HttpClient httpClient,
        ReleaseManifest manifest,
        string temporary,
        byte[] expectedHash,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, manifest.DownloadUrl);
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return ReleaseDownloadResult.Fail(
                ReleaseDownloadFailure.HttpError,
                string.Create(CultureInfo.InvariantCulture, $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}."));
        }

        if (response.Content.Headers.ContentLength is { } announced && announced > manifest.Size)
        {
            return TooLarge(manifest);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = new FileStream(temporary, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                    Options = FileOptions.Asynchronous,
                    PreallocationSize = manifest.Size,
                });
                await using (file.ConfigureAwait(false))
                {
                    long received = 0;
                    int read;
                    while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        received += read;
                        if (received > manifest.Size)
                        {
                            return TooLarge(manifest);
                        }

                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        progress?.Report(received);
                    }

                    if (received < manifest.Size)
                    {
                        return ReleaseDownloadResult.Fail(
                            ReleaseDownloadFailure.Truncated,
                            string.Create(CultureInfo.InvariantCulture, $"The download ended after {received} of {manifest.Size} bytes."));
                    }

                    if (!CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), expectedHash))
                    {
                        return ReleaseDownloadResult.Fail(ReleaseDownloadFailure.HashMismatch, "The downloaded file does not have the SHA-256 of the signed manifest.");
                    }

                    await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                    file.Flush(flushToDisk: true);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return ReleaseDownloadResult.Success(temporary);
    }

    private static ReleaseDownloadResult TooLarge(ReleaseManifest manifest) =>
        ReleaseDownloadResult.Fail(
            ReleaseDownloadFailure.TooLarge,
            string.Create(CultureInfo.InvariantCulture, $"The download is larger than the {manifest.Size} bytes of the signed manifest."));

    private static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover hidden .partial file is never mistaken for the artefact.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
