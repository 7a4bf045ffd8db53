namespace Faktum.Licensing.Updates;

/// <summary>The signing input of release manifests: a domain-separation prefix, then the canonical manifest bytes.</summary>
internal static class ReleaseSigning
{
    /// <summary>The ASCII prefix <c>faktum-release-manifest-v1</c> and a NUL byte. No license token, startup response or
    /// other signed object we produce starts with these bytes, so a signature over one can never pass as another.</summary>
    public static ReadOnlySpan<byte> DomainPrefix => "faktum-release-manifest-v1\0"u8;

    /// <summary>Builds the exact bytes the release key signs.</summary>
    public static byte[] SigningInput(ReadOnlySpan<byte> manifestBytes)
    {
        var input = new byte[DomainPrefix.Length + manifestBytes.Length];
        DomainPrefix.CopyTo(input);
        manifestBytes.CopyTo(input.AsSpan(DomainPrefix.Length));
        return input;
    }
}
