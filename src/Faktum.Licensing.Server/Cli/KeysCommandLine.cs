using System.CommandLine;
using System.Text.Json;
using Faktum.Licensing.Server.Keys;

namespace Faktum.Licensing.Server.Cli;

/// <summary><c>keys …</c>: generate, list, export and split the signing keys in a data folder.</summary>
internal static class KeysCommandLine
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(Option<string> dataDir)
    {
        var keys = new Command("keys", "Manage the signing keys in the data folder.");
        var generate = new Command("generate", "Generate a new signing key; being the newest, it signs from the next start.") { dataDir };
        generate.SetAction(parse =>
        {
            var (key, path) = SigningKeyRing.Generate(FullPath(parse.GetValue(dataDir)!));
            using (key)
            {
                var pem = key.ExportPublicKeyPem().Trim();
                return CliOutput.Text(parse, $"Generated {key.KeyId} at {path}\n{pem}\nTrustedKeys (kid → x): \"{key.KeyId}\": \"{key.ExportPublicKeyBase64Url()}\"",
                    new { kid = key.KeyId, file = path, publicKeyPem = pem, x = key.ExportPublicKeyBase64Url() });
            }
        });
        var list = new Command("list", "List the signing keys (kid, file, newest signs), in the order the server loads them.") { dataDir };
        list.SetAction(parse =>
        {
            var listed = new List<(string KeyId, DateTime WrittenAt, string File)>();
            foreach (var file in SigningKeyRing.DataFolderKeyFiles(FullPath(parse.GetValue(dataDir)!)))
            {
                using var key = SigningKeyRing.ReadPublicKey(File.ReadAllText(file));
                listed.Add((key.KeyId, File.GetLastWriteTimeUtc(file), file));
            }

            var ordered = SigningKeyOrder.OldestFirst(listed, k => k.WrittenAt, k => k.KeyId);
            var text = string.Concat(ordered.Select((k, i) => $"{k.KeyId}  {k.WrittenAt:u}  {k.File}{(i == ordered.Count - 1 ? "  (signs)" : string.Empty)}\n"));
            return CliOutput.Text(parse, ordered.Count == 0 ? "No signing keys." : text,
                new { keys = ordered.Select((k, i) => new { kid = k.KeyId, writtenAt = k.WrittenAt, file = k.File, signs = i == ordered.Count - 1 }) });
        });
        var files = new Option<string[]>("--file") { Description = "A PEM key file (private or public); repeatable. Instead of the data folder's keys.", AllowMultipleArgumentsPerToken = false };
        var export = new Command("export", "Print the public keys as the SDK configuration takes them: { kid: base64url x }.") { dataDir, files };
        export.SetAction(parse =>
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var chosen = parse.GetValue(files) is { Length: > 0 } given ? given.Select(FullPath).ToList() : SigningKeyRing.DataFolderKeyFiles(FullPath(parse.GetValue(dataDir)!));
            foreach (var file in chosen)
            {
                using var key = SigningKeyRing.ReadPublicKey(File.ReadAllText(file));
                result[key.KeyId] = key.ExportPublicKeyBase64Url();
            }

            // The text form is the SDK's TrustedKeys object as it is pasted; --json prints the same object.
            return CliOutput.Text(parse, JsonSerializer.Serialize(result, Output), result);
        });
        var file = new Option<string>("--file") { Description = "The signing key's PEM file.", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the public key here (PEM) instead of printing it." };
        var publicKey = new Command("public", "Print (or write) the public half of a key file as PEM: a verification-only key for FaktumServer:VerificationKeyFiles, so the private key can be destroyed after a rotation.") { file, output };
        publicKey.SetAction(parse =>
        {
            using var key = SigningKeyRing.ReadPublicKey(File.ReadAllText(FullPath(parse.GetValue(file)!)));
            var pem = key.ExportPublicKeyPem().Trim() + Environment.NewLine;
            if (parse.GetValue(output) is { } path)
            {
                File.WriteAllText(FullPath(path), pem);
                return CliOutput.Text(parse, $"Wrote the public key {key.KeyId} to {FullPath(path)}", new { kid = key.KeyId, file = FullPath(path) });
            }

            return CliOutput.Text(parse, pem, new { kid = key.KeyId, publicKeyPem = pem.Trim() });
        });
        keys.Subcommands.Add(generate);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(export);
        keys.Subcommands.Add(publicKey);
        return keys;
    }

    private static string FullPath(string path) => Path.GetFullPath(path);
}
