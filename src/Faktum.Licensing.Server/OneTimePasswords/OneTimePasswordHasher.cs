using System.Security.Cryptography;
using NSec.Cryptography;

namespace Faktum.Licensing.Server.OneTimePasswords;

/// <summary>
/// Makes and checks one-time passwords: 10 characters from an unambiguous alphabet (CSPRNG), shown as ABCDE-FGHJK,
/// stored only as an Argon2id hash (OWASP: m = 19 MiB, t = 2, p = 1) with a random salt, compared in constant time.
/// </summary>
internal sealed class OneTimePasswordHasher
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 10;
    private const int HashSize = 32;

    private static readonly PasswordBasedKeyDerivationAlgorithm Argon2 = PasswordBasedKeyDerivationAlgorithm.Argon2id(
        new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 19 * 1024, NumberOfPasses = 2 });

    /// <summary>Creates a new password in its display form (ABCDE-FGHJK).</summary>
    public static string Generate()
    {
        var characters = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            characters[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return string.Concat(characters.AsSpan(0, Length / 2), "-", characters.AsSpan(Length / 2));
    }

    /// <summary>Normalises user input: case-insensitive, dashes and spaces ignored; <see langword="null"/> when it cannot be a password.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > 64)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(Length);
        foreach (var c in input)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(upper);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    public static (byte[] Hash, byte[] Salt) Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(Argon2.MaxSaltSize);
        return (Derive(Normalize(password) ?? string.Empty, salt), salt);
    }

    /// <summary>Checks a normalised candidate against a stored hash in constant time.</summary>
    public static bool Verify(string normalizedCandidate, byte[] hash, byte[] salt) =>
        CryptographicOperations.FixedTimeEquals(Derive(normalizedCandidate, salt), hash);

    /// <summary>Spends the same work as a real check, for answers that must not reveal whether an account exists.</summary>
    public static void HashDummy() => _ = Derive(Generate(), RandomNumberGenerator.GetBytes(Argon2.MaxSaltSize));

    private static byte[] Derive(string password, byte[] salt) => Argon2.DeriveBytes(password, salt, HashSize);
}
