using System.Diagnostics.CodeAnalysis;

namespace Faktum.Licensing.Protocol;

/// <summary>
/// The one rule for a product id, the same in the SDK's options, the server's configuration and release manifests:
/// lower-case ASCII letters, digits and '-', starting with a letter or digit, at most 64 characters (for example
/// <c>faktum-factuur</c>). It travels as a token's <c>aud</c> and a request's <c>product</c>, and the SDK makes a folder
/// name of it.
/// </summary>
internal static class ProductIds
{
    /// <summary>The longest product id.</summary>
    public const int MaxLength = 64;

    /// <summary>The rule as a regular expression over the whole id (for documentation and tests; <see cref="IsValid"/> is plain code).</summary>
    public const string Pattern = "^[a-z0-9][a-z0-9-]{0,63}$";

    /// <summary>The rule in words, for error messages that say how to fix a value.</summary>
    public const string Rule = "lower-case letters, digits and '-' (at most 64), for example faktum-factuur";

    /// <summary>Whether <paramref name="productId"/> follows the rule (no regular expression: the SDK checks it at every start).</summary>
    public static bool IsValid([NotNullWhen(true)] string? productId)
    {
        if (productId is not { Length: > 0 and <= MaxLength } || productId[0] == '-')
        {
            return false;
        }

        foreach (var c in productId)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
