using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Storage;

/// <summary>
/// The local license state in the data folder (I6): <c>license.jwt</c>, <c>state.json</c> (a <see cref="LicenseStateDocument"/>)
/// and a lock file, nothing else.
/// Every write goes to a temporary file in the same folder, is flushed to disk and then renamed over the old file, so a
/// crash leaves either the old or the new file. A lock file opened with <see cref="FileShare.None"/> keeps two processes apart.
/// </summary>
internal sealed partial class LicenseStateStore
{
    public const string TokenFileName = "license.jwt";
    public const string StateFileName = "state.json";
    public const string LockFileName = "faktum.lock";
    private const int MaxFileBytes = 64 * 1024;
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(15);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _directory;
    private readonly ILogger _logger;

    public LicenseStateStore(IOptions<FaktumLicensingOptions> options, ILogger<LicenseStateStore> logger)
        : this(options.Value.DataDirectory!, logger)
    {
    }

    public LicenseStateStore(string directory, ILogger logger)
    {
        _directory = directory;
        _logger = logger;
    }

    public string Directory => _directory;

    public string StatePath => Path.Combine(_directory, StateFileName);

    public string TokenPath => Path.Combine(_directory, TokenFileName);

    /// <summary>Makes a new random installation id: 16 random bytes, base64url.</summary>
    public static string NewInstallationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Reads the state and the token under the lock.</summary>
    public async Task<LocalSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(_directory))
        {
            // Nothing is created by a read; but a folder that can never be created (a file stands where it or a parent folder
            // should be) is reported now, naming the folder, and not only when a confirmation tries to store the license.
            ThrowIfBlockedByFile();
            return LocalSnapshot.Empty;
        }

        using var fileLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        return ReadUnlocked();
    }

    /// <summary>
    /// Reads, changes and writes under one lock. <paramref name="change"/> gets what is on disk and returns the new state and,
    /// when it changes, the new token; returning <see langword="null"/> writes nothing.
    /// </summary>
    public async Task<LocalSnapshot> UpdateAsync(Func<LocalSnapshot, (LocalLicenseState State, string? Token)?> change, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(_directory);
        using var fileLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        var current = ReadUnlocked();
        if (change(current) is not { } next)
        {
            return current;
        }

        DeleteStaleTemporaryFiles();
        if (next.Token is { } token && !string.Equals(token, current.Token, StringComparison.Ordinal))
        {
            WriteAtomically(TokenPath, Utf8.GetBytes(token));
        }

        WriteAtomically(StatePath, JsonSerializer.SerializeToUtf8Bytes(LicenseStateDocument.From(next.State), StateJsonContext.Default.LicenseStateDocument));
        return new LocalSnapshot(LocalStateCondition.Usable, next.State, next.Token ?? current.Token, null);
    }

    private void ThrowIfBlockedByFile()
    {
        for (var path = Path.GetFullPath(_directory); path is { Length: > 0 }; path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                throw new IOException($"'{path}' is a file, so the folder cannot be created.");
            }

            if (System.IO.Directory.Exists(path))
            {
                return;
            }
        }
    }

    private LocalSnapshot ReadUnlocked()
    {
        string? token = null;
        if (TryReadFile(TokenPath, out var tokenBytes, out var tokenProblem))
        {
            try
            {
                token = Utf8.GetString(tokenBytes).Trim();
            }
            catch (DecoderFallbackException)
            {
                token = string.Empty; // not UTF-8: the validator will call it malformed
            }
        }
        else if (tokenProblem is not null)
        {
            Log.FileUnreadable(_logger, TokenPath, tokenProblem);
            token = string.Empty;
        }

        if (!TryReadFile(StatePath, out var stateBytes, out var stateProblem))
        {
            if (stateProblem is null)
            {
                return new LocalSnapshot(LocalStateCondition.Missing, null, token, token is null ? null
                    : $"The state file '{StatePath}' is missing although a license token is present.");
            }

            return Damaged(stateProblem, token);
        }

        LicenseStateDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(stateBytes, StateJsonContext.Default.LicenseStateDocument);
        }
        catch (JsonException exception)
        {
            return Damaged($"it is not valid JSON of the expected shape ({exception.Message})", token);
        }

        if (document is null || document.EffectiveVersion is < LicenseStateDocument.OldestReadableVersion or > LicenseStateDocument.CurrentVersion)
        {
            return Damaged($"it is empty or of an unknown version (expected {LicenseStateDocument.OldestReadableVersion} to {LicenseStateDocument.CurrentVersion})", token);
        }

        if (Base64UrlFixedLength(document.InstallationId) is false)
        {
            return Damaged("its installation id is not 16 bytes of base64url", token);
        }

        return new LocalSnapshot(LocalStateCondition.Usable, document.ToState(), token, null);
    }

    private LocalSnapshot Damaged(string why, string? token)
    {
        var problem = $"The state file '{StatePath}' is damaged: {why}.";
        Log.StateDamaged(_logger, StatePath, why);
        return new LocalSnapshot(LocalStateCondition.Damaged, null, token, problem);
    }

    private static bool Base64UrlFixedLength(string? value) =>
        value is { Length: 22 } && Base64Url.IsValid(value, out var decoded) && decoded == 16;

    private static bool TryReadFile(string path, out byte[] bytes, out string? problem)
    {
        bytes = [];
        problem = null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxFileBytes)
            {
                problem = $"it is larger than {MaxFileBytes} bytes";
                return false;
            }

            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException exception)
        {
            problem = exception.Message;
            return false;
        }
        catch (UnauthorizedAccessException exception)
        {
            problem = exception.Message;
            return false;
        }
    }

    private void WriteAtomically(string path, byte[] content)
    {
        var temporary = Path.Combine(_directory, $"{Path.GetFileName(path)}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    // A process killed between creating and renaming its temporary file leaves it behind; the next writer removes it.
    private void DeleteStaleTemporaryFiles()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(_directory, "*.tmp"))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith(StateFileName + ".", StringComparison.Ordinal) || name.StartsWith(TokenFileName + ".", StringComparison.Ordinal))
            {
                TryDelete(file);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, LockFileName);
        var waited = TimeSpan.Zero;
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                // The lock is the open handle, not the file: a crashed holder releases it with its process.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (waited < LockWait)
            {
                // Wall-clock waiting for another process, deliberately not the (possibly fake) TimeProvider of the license rules.
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                waited += delay;
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The license state file {Path} is damaged: {Reason}. Recover the license to repair it.", EventName = "StateDamaged")]
        public static partial void StateDamaged(ILogger logger, string path, string reason);

        [LoggerMessage(2, LogLevel.Warning, "The file {Path} cannot be read: {Reason}.", EventName = "FileUnreadable")]
        public static partial void FileUnreadable(ILogger logger, string path, string reason);
    }
}
