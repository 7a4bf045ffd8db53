using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Faktum.Licensing.Server.Tests.Container;

/// <summary>
/// An OCI image archive (an OCI image layout in a tar: <c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/…</c>), as
/// <c>dotnet publish -t:PublishContainer -p:ContainerArchiveOutputPath=…</c> writes it: its config and its layers' entries.
/// </summary>
internal sealed class OciImageArchive
{
    private OciImageArchive(JsonElement config, IReadOnlyList<TarEntrySummary> entries)
    {
        Config = config;
        Entries = entries;
    }

    /// <summary>Gets the image config's <c>config</c> object (User, ExposedPorts, Volumes, Env, Entrypoint, …).</summary>
    public JsonElement Config { get; }

    /// <summary>Gets every entry of every layer, in layer order (paths without a leading <c>./</c> or <c>/</c>).</summary>
    public IReadOnlyList<TarEntrySummary> Entries { get; }

    public static OciImageArchive Read(string path)
    {
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var file = File.OpenRead(path))
        using (var reader = new TarReader(file))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null)
                {
                    continue;
                }

                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                blobs[entry.Name.TrimStart('.', '/')] = buffer.ToArray();
            }
        }

        Assert.True(blobs.ContainsKey("oci-layout"), "not an OCI image layout: no oci-layout file");
        using var index = JsonDocument.Parse(blobs["index.json"]);
        var manifestDescriptor = Assert.Single(index.RootElement.GetProperty("manifests").EnumerateArray());
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", manifestDescriptor.GetProperty("mediaType").GetString());
        using var manifest = JsonDocument.Parse(Blob(blobs, manifestDescriptor));
        using var config = JsonDocument.Parse(Blob(blobs, manifest.RootElement.GetProperty("config")));

        var entries = new List<TarEntrySummary>();
        foreach (var layer in manifest.RootElement.GetProperty("layers").EnumerateArray())
        {
            using var data = new MemoryStream(Blob(blobs, layer));
            using Stream layerStream = layer.GetProperty("mediaType").GetString()!.EndsWith("+gzip", StringComparison.Ordinal)
                ? new GZipStream(data, CompressionMode.Decompress)
                : data;
            using var reader = new TarReader(layerStream);
            while (reader.GetNextEntry() is { } entry)
            {
                entries.Add(new TarEntrySummary(entry.Name.TrimStart('.').TrimStart('/'), entry.EntryType, entry.Uid, entry.Gid, entry.Mode));
            }
        }

        return new OciImageArchive(config.RootElement.GetProperty("config").Clone(), entries);
    }

    private static byte[] Blob(Dictionary<string, byte[]> blobs, JsonElement descriptor) =>
        blobs["blobs/" + descriptor.GetProperty("digest").GetString()!.Replace(':', '/')];
}

/// <summary>One entry of an image layer.</summary>
internal sealed record TarEntrySummary(string Path, TarEntryType Type, int Uid, int Gid, UnixFileMode Mode);
