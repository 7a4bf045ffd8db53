namespace Faktum.Licensing.Tokens;

/// <summary>The JWS <c>alg</c> names this library knows for Ed25519.</summary>
public static class SigningAlgorithms
{
    /// <summary>The fully specified name from RFC 9864; the only one we issue.</summary>
    public const string Ed25519 = "Ed25519";

    /// <summary>The polymorphic name from RFC 8037; accepted only because the validator's allow-list names it.</summary>
    public const string EdDsa = "EdDSA";

    internal static bool IsEd25519(string? algorithm) =>
        string.Equals(algorithm, Ed25519, StringComparison.Ordinal) || string.Equals(algorithm, EdDsa, StringComparison.Ordinal);
}
