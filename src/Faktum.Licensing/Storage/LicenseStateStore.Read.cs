using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Faktum.Licensing.Storage;

/// <summary>Reading the data folder: <c>state.json</c> of any readable version, checked, and each license's token file.</summary>
internal sealed partial class LicenseStateStore
{
    private LocalSnapshot ReadUnlocked()
    {
        var token = ReadToken(LicenseStateStore.TokenFileName);
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
            document = LicenseStateDocumentReader.Read(stateBytes);
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

        var state = document.ToState();
        if (document.EffectiveVersion < LicenseStateDocument.SeveralLicensesVersion)
        {
            // Versions 1 and 2: one license, in license.jwt, read as the current one (written as version 3 at the next write).
            if (document.Licenses is not null || document.Current is not null)
            {
                return Damaged($"version {document.EffectiveVersion} has no licenses", token);
            }

            IReadOnlyList<StoredLicense> one = token is null ? [] :
            [
                new StoredLicense
                {
                    LicenseId = TokenFiles.UnverifiedLicenseId(token) ?? string.Empty,
                    TokenFile = TokenFileName,
                    Token = token,
                    LastOnlineCheck = state.LastOnlineCheck,
                    LastVerdict = state.LastVerdict,
                    Company = state.Company,
                },
            ];
            return new LocalSnapshot(LocalStateCondition.Usable, state, token, null) { Licenses = one, CurrentLicenseId = one.Count > 0 ? one[0].LicenseId : null };
        }

        var entries = document.Licenses ?? [];
        if (entries.Count > TokenFiles.MaxLicenses || entries.Any(e => e is null))
        {
            return Damaged($"it lists more than {TokenFiles.MaxLicenses} licenses or an empty one", token);
        }

        if (entries.FirstOrDefault(e => !TokenFiles.IsAllowed(e.TokenFile) || e.LicenseId is null or { Length: > 100 }) is { } bad)
        {
            return Damaged($"a license names the token file '{bad.TokenFile}' (only license.jwt and license.2.jwt to license.{TokenFiles.MaxLicenses}.jwt are allowed) or no license id", token);
        }

        if (entries.DistinctBy(e => e.TokenFile, StringComparer.Ordinal).Count() != entries.Count || entries.DistinctBy(e => e.LicenseId, StringComparer.Ordinal).Count() != entries.Count)
        {
            return Damaged("two licenses share a license id or a token file", token);
        }

        var licenses = new List<StoredLicense>(entries.Count);
        foreach (var entry in entries)
        {
            if (ReadToken(entry.TokenFile) is { } licenseToken)
            {
                licenses.Add(LicenseStateDocument.ToLicense(entry, licenseToken));
            }
            else
            {
                Log.TokenFileMissing(_logger, entry.LicenseId, entry.TokenFile);
            }
        }

        return Normalize(state, document.Current, licenses);
    }

    /// <summary>A token file's content: <see langword="null"/> when it does not exist, empty when it cannot be read or is not UTF-8.</summary>
    private string? ReadToken(string name)
    {
        var path = Path.Combine(_directory, name);
        if (TryReadFile(path, out var bytes, out var problem))
        {
            try
            {
                return Utf8.GetString(bytes).Trim();
            }
            catch (DecoderFallbackException)
            {
                return string.Empty; // not UTF-8: the validator will call it malformed
            }
        }

        if (problem is not null)
        {
            Log.FileUnreadable(_logger, path, problem);
            return string.Empty;
        }

        return null;
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
}
