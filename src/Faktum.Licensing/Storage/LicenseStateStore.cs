using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Storage;

/// <summary>
/// The local license state in the data folder (I6): <c>state.json</c> (a <see cref="LicenseStateDocument"/>), one token file per
/// license (<c>license.jwt</c>, then <c>license.2.jwt</c>, …, see <see cref="TokenFiles"/>; S9) and a lock file, nothing else.
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
    /// Reads, changes and writes under one lock, seeing the installation through its current license. <paramref name="change"/> gets
    /// what is on disk and returns the new state and, when it changes, the new token; returning <see langword="null"/> writes nothing.
    /// The state's license members (last online check, last verdict, company) and the token go to the current license; a token of
    /// another license (its <c>sub</c>) adds that license, or renews it when the installation holds it, and makes it current (S9).
    /// </summary>
    public async Task<LocalSnapshot> UpdateAsync(Func<LocalSnapshot, (LocalLicenseState State, string? Token)?> change, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(_directory);
        using var fileLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        var current = ReadUnlocked();
        return change(current) is { } next ? Write(current, Fold(current, next.State, next.Token)) : current;
    }

    /// <summary>
    /// Reads, changes and writes under one lock, seeing every license (S9). <paramref name="change"/> gets what is on disk and returns
    /// the new snapshot (its <see cref="LocalSnapshot.State"/> for the installation's own members, <see cref="LocalSnapshot.Licenses"/>
    /// and <see cref="LocalSnapshot.CurrentLicenseId"/>; its <see cref="LocalSnapshot.Token"/> is ignored); <see langword="null"/> writes
    /// nothing. Token files of licenses no longer listed are deleted after the state is written.
    /// </summary>
    public async Task<LocalSnapshot> UpdateLicensesAsync(Func<LocalSnapshot, LocalSnapshot?> change, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(_directory);
        using var fileLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        var current = ReadUnlocked();
        return change(current) is { State: { } state } next ? Write(current, Normalize(state, next.CurrentLicenseId, next.Licenses)) : current;
    }

    /// <summary>The current license's members of the state and a token, folded into the licenses on disk.</summary>
    private static LocalSnapshot Fold(LocalSnapshot disk, LocalLicenseState state, string? token)
    {
        var licenses = disk.Licenses.ToList();
        var currentId = disk.CurrentLicense?.LicenseId;
        if (token is not null)
        {
            // The sub only says which stored license the token belongs to; a token without a readable one replaces the current token.
            var id = TokenFiles.UnverifiedLicenseId(token) ?? currentId ?? string.Empty;
            var index = licenses.FindIndex(l => string.Equals(l.LicenseId, id, StringComparison.Ordinal));
            if (index >= 0)
            {
                licenses[index] = licenses[index] with { Token = token };
            }
            else
            {
                var file = TokenFiles.FirstFree(licenses.Select(l => l.TokenFile))
                    ?? throw new IOException($"This installation already holds {TokenFiles.MaxLicenses} licenses, the most it can; remove a company first.");
                licenses.Add(new StoredLicense { LicenseId = id, TokenFile = file, Token = token });
            }

            currentId = id;
        }

        var at = licenses.FindIndex(l => string.Equals(l.LicenseId, currentId, StringComparison.Ordinal));
        if (at >= 0)
        {
            licenses[at] = licenses[at] with { LastOnlineCheck = state.LastOnlineCheck, LastVerdict = state.LastVerdict, Company = state.Company };
        }

        return Normalize(state, currentId, licenses);
    }

    /// <summary>The snapshot of <paramref name="licenses"/>: a current license that is listed (else the first), and the state seen through it.</summary>
    private static LocalSnapshot Normalize(LocalLicenseState state, string? currentId, IReadOnlyList<StoredLicense> licenses)
    {
        var current = licenses.FirstOrDefault(l => string.Equals(l.LicenseId, currentId, StringComparison.Ordinal)) ?? (licenses.Count > 0 ? licenses[0] : null);
        var seen = current is null ? state : state with { LastOnlineCheck = current.LastOnlineCheck, LastVerdict = current.LastVerdict, Company = current.Company };
        return new LocalSnapshot(LocalStateCondition.Usable, seen, current?.Token, null) { Licenses = licenses, CurrentLicenseId = current?.LicenseId };
    }

    private LocalSnapshot Write(LocalSnapshot disk, LocalSnapshot next)
    {
        DeleteStaleTemporaryFiles();
        var onDisk = disk.Condition == LocalStateCondition.Usable ? disk.Licenses.ToDictionary(l => l.TokenFile, l => l.Token, StringComparer.Ordinal) : [];
        foreach (var license in next.Licenses)
        {
            if (!onDisk.TryGetValue(license.TokenFile, out var written) || !string.Equals(written, license.Token, StringComparison.Ordinal))
            {
                WriteAtomically(Path.Combine(_directory, license.TokenFile), Utf8.GetBytes(license.Token));
            }
        }

        var document = LicenseStateDocument.From(next.State!, next.CurrentLicenseId, next.Licenses);
        WriteAtomically(StatePath, JsonSerializer.SerializeToUtf8Bytes(document, StateJsonContext.Default.LicenseStateDocument));

        // Only after the state no longer names them: a crash before leaves a token file nobody reads, never a license without its token.
        foreach (var removed in onDisk.Keys.Except(next.Licenses.Select(l => l.TokenFile), StringComparer.Ordinal))
        {
            TryDelete(Path.Combine(_directory, removed));
        }

        return next;
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
            var end = name.IndexOf(".jwt.", StringComparison.Ordinal);
            if (name.StartsWith(StateFileName + ".", StringComparison.Ordinal) || (end > 0 && TokenFiles.IsAllowed(name[..(end + 4)])))
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

        [LoggerMessage(3, LogLevel.Warning, "The token file {TokenFile} of license {LicenseId} is missing: this installation no longer holds that license. Recover it to bring it back.", EventName = "TokenFileMissing")]
        public static partial void TokenFileMissing(ILogger logger, string licenseId, string tokenFile);
    }
}
