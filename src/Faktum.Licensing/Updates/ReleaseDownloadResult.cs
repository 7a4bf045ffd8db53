using System.Diagnostics.CodeAnalysis;

namespace Faktum.Licensing.Updates;

/// <summary>The outcome of <see cref="ReleaseDownloader.DownloadAsync"/>; every failure left nothing behind.</summary>
public sealed class ReleaseDownloadResult
{
    private ReleaseDownloadResult(string? path, ReleaseDownloadFailure failure, string? message)
    {
        Path = path;
        Failure = failure;
        Message = message;
    }

    /// <summary>Gets a value indicating whether the verified artefact is at <see cref="Path"/>.</summary>
    [MemberNotNullWhen(true, nameof(Path))]
    [MemberNotNullWhen(false, nameof(Message))]
    public bool Succeeded => Failure == ReleaseDownloadFailure.None;

    /// <summary>Gets the full path of the verified artefact.</summary>
    public string? Path { get; }

    /// <summary>Gets why the download failed, or <see cref="ReleaseDownloadFailure.None"/>.</summary>
    public ReleaseDownloadFailure Failure { get; }

    /// <summary>Gets a short English explanation of the failure, safe to log.</summary>
    public string? Message { get; }

    /// <summary>Returns the path of the verified artefact.</summary>
    /// <returns>The full path.</returns>
    /// <exception cref="InvalidOperationException">The download failed.</exception>
    public string EnsureSuccess() =>
        Succeeded ? Path : throw new InvalidOperationException($"The release download failed ({Failure}): {Message}");

    internal static ReleaseDownloadResult Success(string path) => new(path, ReleaseDownloadFailure.None, null);

    internal static ReleaseDownloadResult Fail(ReleaseDownloadFailure failure, string message) => new(null, failure, message);
}
