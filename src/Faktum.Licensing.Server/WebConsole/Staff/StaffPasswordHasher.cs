using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Faktum.Licensing.Server.WebConsole.Staff;

/// <summary>
/// Staff passwords: generated from the one-time passwords' unambiguous alphabet (CSPRNG), stored only as an Argon2id hash
/// with the same parameters (OWASP: m = 19 MiB, t = 2, p = 1) and a random salt, compared in constant time.
/// </summary>
internal static class StaffPasswordHasher
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
    private const int GeneratedLength = 20;
    private const int HashSize = 32;

    private static readonly PasswordBasedKeyDerivationAlgorithm Argon2 = PasswordBasedKeyDerivationAlgorithm.Argon2id(
        new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 19 * 1024, NumberOfPasses = 2 });

    /// <summary>A new password: 20 characters (about 100 bits) in groups of five, e.g. ABCDE-FGHJK-LMNPQ-RSTUV.</summary>
    public static string Generate()
    {
        var alphabet = OneTimePasswords.OneTimePasswordHasher.Alphabet;
        var builder = new StringBuilder(GeneratedLength + 3);
        for (var i = 0; i < GeneratedLength; i++)
        {
            if (i > 0 && i % 5 == 0)
            {
                builder.Append('-');
            }

            builder.Append(alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>Whether a chosen password (e.g. from stdin) is long enough and not absurdly long.</summary>
    public static bool IsAcceptable(string? password) => password is { Length: >= MinimumLength and <= MaximumLength };

    public static (byte[] Hash, byte[] Salt) Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(Argon2.MaxSaltSize);
        return (Derive(password, salt), salt);
    }

    public static bool Verify(string candidate, byte[] hash, byte[] salt) =>
        candidate.Length <= MaximumLength && CryptographicOperations.FixedTimeEquals(Derive(candidate, salt), hash);

    /// <summary>Spends the same work as a real check, so an unknown e-mail address answers as slowly as a wrong password.</summary>
    public static void HashDummy() => _ = Derive(Generate(), RandomNumberGenerator.GetBytes(Argon2.MaxSaltSize));

    private static byte[] Derive(string password, byte[] salt) => Argon2.DeriveBytes(password, salt, HashSize);
}
