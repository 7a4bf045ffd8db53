namespace Faktum.Licensing.Server.Keys;

/// <summary>
/// The one order of signing keys, used by <see cref="SigningKeyRing"/> (the last key signs) and by the command line's
/// <c>keys list</c>: oldest first by the file's last write time (UTC), then by kid (ordinal) when two files have the same
/// time. The tie-breaker depends only on the keys, not on how the files were listed, so every instance that mounts the
/// same files signs with the same key.
/// </summary>
internal static class SigningKeyOrder
{
    /// <summary>Orders <paramref name="keys"/> oldest first; the last one signs.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="writtenAt">The last write time (UTC) of a key's file.</param>
    /// <param name="keyId">A key's kid.</param>
    public static List<T> OldestFirst<T>(IEnumerable<T> keys, Func<T, DateTime> writtenAt, Func<T, string> keyId) =>
        [.. keys.OrderBy(writtenAt).ThenBy(keyId, StringComparer.Ordinal)];
}
