using System.Security.Cryptography;
using System.Text;

namespace Faktum.Licensing.Server.Registration;

/// <summary>A short, non-reversible fingerprint for logs (never the address, identity or key itself).</summary>
internal static class LogFingerprint
{
    public static string Of(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 6);
}
