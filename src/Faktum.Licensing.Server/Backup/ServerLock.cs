namespace Faktum.Licensing.Server.Backup;

/// <summary>
/// An exclusive lock on <c>{data}/server.lock</c>, held by a running server on SQLite for its lifetime, so that
/// <c>restore</c> can refuse to replace a database that a server holds (an OS lock: it goes with the process, even
/// when the process dies).
/// </summary>
internal sealed class ServerLock : IDisposable
{
    public const string FileName = "server.lock";

    private readonly FileStream _stream;

    private ServerLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or returns <see langword="null"/> when another process (or server) holds it.</summary>
    public static ServerLock? TryAcquire(string dataDirectory)
    {
        try
        {
            return new ServerLock(new FileStream(Path.Combine(dataDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Takes the lock for a starting server, or fails the start with a message that says why.</summary>
    public static ServerLock Acquire(string dataDirectory) => TryAcquire(dataDirectory)
        ?? throw new InvalidOperationException($"Another server (or a restore) holds the data folder '{dataDirectory}' ({FileName}). One server process per SQLite data folder; for several instances use PostgreSQL.");

    public void Dispose() => _stream.Dispose();
}
