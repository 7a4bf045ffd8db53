using System.Security.Cryptography;

namespace Faktum.Licensing.Server.Storage;

/// <summary>Random, unguessable ids: a prefix and 16 random bytes in base64url.</summary>
internal static class Ids
{
    public static string New(string prefix) => prefix + "_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
