using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Server.Keys;

/// <summary>
/// The server's Ed25519 keys, loaded from PEM files. Signing keys (<c>SigningKeyFiles</c>, or without any
/// <c>{data}/keys/signing-&lt;kid&gt;.pem</c>, one generated on first start): the newest file signs, all verify
/// (<see cref="SigningKeyOrder"/>: last write time, then kid).
/// Verification-only keys (<c>VerificationKeyFiles</c>, public or private PEM; only the public half is kept) verify the
/// license tokens apps present, and never sign: a key staged before it signs, or retired after a rotation (see
/// docs/operations.md, "Rotating the signing key").
/// </summary>
internal sealed partial class SigningKeyRing : IDisposable
{
    private SigningKeyRing(IReadOnlyList<LoadedKey> keys, IReadOnlyList<Ed25519SecurityKey> verificationOnly)
    {
        Keys = keys;
        Signing = keys[^1].Key;
        VerificationOnly = verificationOnly;
        PublicKeys = [.. verificationOnly.Select(k => k.ToPublicKey()), .. keys.Select(k => k.Key.PublicKey.ToPublicKey())];
    }

    /// <summary>Gets every loaded signing key, oldest first.</summary>
    public IReadOnlyList<LoadedKey> Keys { get; }

    /// <summary>Gets the key that signs: the newest signing key.</summary>
    public Ed25519SigningKey Signing { get; }

    /// <summary>Gets the verification-only keys (public halves), in configuration order.</summary>
    public IReadOnlyList<Ed25519SecurityKey> VerificationOnly { get; }

    /// <summary>Gets the public halves of every key that verifies: the verification-only keys, then the signing keys oldest first (the last one signs).</summary>
    public IReadOnlyList<Ed25519SecurityKey> PublicKeys { get; }

    public static string KeyDirectory(string dataDirectory) => Path.Combine(dataDirectory, "keys");

    /// <summary>
    /// Loads the configured signing key files, or those in the data folder (generating one there when none exists), and
    /// the verification-only key files.
    /// </summary>
    public static SigningKeyRing Load(IReadOnlyList<string> configuredFiles, IReadOnlyList<string> verificationFiles, string dataDirectory, ILogger logger)
    {
        var files = configuredFiles.Count > 0 ? configuredFiles : DataFolderKeyFiles(dataDirectory);
        if (files.Count == 0)
        {
            var (key, path) = Generate(dataDirectory);
            Log.KeyGenerated(logger, path, key.KeyId, key.ExportPublicKeyBase64Url());
            key.Dispose();
            files = [path];
        }

        var loaded = new List<LoadedKey>();
        foreach (var file in files)
        {
            var pem = File.ReadAllText(file);
            if (!IsPrivateKeyPem(pem))
            {
                throw new InvalidOperationException($"The signing key file '{file}' holds a public key; the server needs the private key (PKCS#8 PEM) to sign. A key that should only verify belongs in FaktumServer:VerificationKeyFiles.");
            }

            var key = Ed25519SigningKey.FromPem(pem);

            loaded.Add(new LoadedKey(key, Path.GetFullPath(file), File.GetLastWriteTimeUtc(file)));
        }

        var ordered = SigningKeyOrder.OldestFirst(loaded, k => k.WrittenAt, k => k.Key.KeyId);
        foreach (var key in ordered)
        {
            Log.KeyLoaded(logger, key.Key.KeyId, key.Path);
        }

        var verificationOnly = new List<Ed25519SecurityKey>();
        foreach (var file in verificationFiles.Select(Path.GetFullPath))
        {
            using var read = ReadPublicKey(File.ReadAllText(file));
            if (ordered.Any(k => k.Key.PublicKey.HasSamePublicKey(read)) || verificationOnly.Any(k => k.HasSamePublicKey(read)))
            {
                Log.VerificationKeyDuplicate(logger, read.KeyId, file);
                continue;
            }

            verificationOnly.Add(read.ToPublicKey());
            Log.VerificationKeyLoaded(logger, read.KeyId, file);
        }

        Log.SigningWith(logger, ordered[^1].Key.KeyId);
        return new SigningKeyRing(ordered, verificationOnly);
    }

    /// <summary>Generates a key into <c>{data}/keys/signing-&lt;kid&gt;.pem</c>, readable by the owner only.</summary>
    public static (Ed25519SigningKey Key, string Path) Generate(string dataDirectory)
    {
        var directory = KeyDirectory(dataDirectory);
        Directory.CreateDirectory(directory);
        var key = Ed25519SigningKey.Generate();
        var path = Path.Combine(directory, $"signing-{key.KeyId}.pem");
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ExportPrivateKeyPem());
        }

        File.Move(temp, path);
        return (key, path);
    }

    /// <summary>Reads the public key of a PEM key file, whether it holds the private key (PKCS#8) or the public key.</summary>
    public static Ed25519SecurityKey ReadPublicKey(string pem)
    {
        if (!IsPrivateKeyPem(pem))
        {
            return Ed25519SecurityKey.FromPem(pem);
        }

        using var key = Ed25519SigningKey.FromPem(pem);
        return key.PublicKey.ToPublicKey();
    }

    public static IReadOnlyList<string> DataFolderKeyFiles(string dataDirectory)
    {
        var directory = KeyDirectory(dataDirectory);
        return Directory.Exists(directory) ? Directory.GetFiles(directory, "signing-*.pem").Order(StringComparer.Ordinal).ToList() : [];
    }

    public void Dispose()
    {
        foreach (var key in Keys)
        {
            key.Key.Dispose();
        }

        foreach (var key in VerificationOnly)
        {
            key.Dispose();
        }

        foreach (var key in PublicKeys)
        {
            key.Dispose();
        }
    }

    private static bool IsPrivateKeyPem(string pem) => pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal);

    internal sealed record LoadedKey(Ed25519SigningKey Key, string Path, DateTime WrittenAt);

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, EventName = "SigningKeyGenerated", Level = LogLevel.Warning,
            Message = "Generated a signing key at {Path}. Pin it in the app's TrustedKeys (kid → base64url x): \"{KeyId}\": \"{PublicKeyX}\"")]
        public static partial void KeyGenerated(ILogger logger, string path, string keyId, string publicKeyX);

        [LoggerMessage(EventId = 101, EventName = "SigningKeyLoaded", Level = LogLevel.Information, Message = "Loaded signing key {KeyId} from {Path}")]
        public static partial void KeyLoaded(ILogger logger, string keyId, string path);

        [LoggerMessage(EventId = 102, EventName = "SigningWith", Level = LogLevel.Information, Message = "Signing with key {KeyId}")]
        public static partial void SigningWith(ILogger logger, string keyId);

        [LoggerMessage(EventId = 103, EventName = "VerificationKeyLoaded", Level = LogLevel.Information, Message = "Loaded verification-only key {KeyId} from {Path}: it verifies presented license tokens and never signs")]
        public static partial void VerificationKeyLoaded(ILogger logger, string keyId, string path);

        [LoggerMessage(EventId = 104, EventName = "VerificationKeyDuplicate", Level = LogLevel.Warning, Message = "The verification-only key {KeyId} in {Path} is already loaded (as a signing key, or listed twice); the entry is ignored")]
        public static partial void VerificationKeyDuplicate(ILogger logger, string keyId, string path);
    }
}
