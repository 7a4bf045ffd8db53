namespace Faktum.Licensing.Updates;

/// <summary>Why a release download failed.</summary>
public enum ReleaseDownloadFailure
{
    /// <summary>The download succeeded.</summary>
    None = 0,

    /// <summary>The server did not answer with a success status, or the connection failed.</summary>
    HttpError,

    /// <summary>The server announced or sent more bytes than the manifest's size; the download was stopped at once.</summary>
    TooLarge,

    /// <summary>The body ended before the manifest's size was reached.</summary>
    Truncated,

    /// <summary>The bytes have the manifest's size but not its SHA-256.</summary>
    HashMismatch,

    /// <summary>The file could not be written or moved into place (disk full, access denied, …).</summary>
    IOError,
}
