namespace Faktum.Licensing.Server.Hosting;

/// <summary>
/// Owner-only file modes for the data folder on Unix: every directory 0700, every file 0600 (the database and its
/// -wal/-shm files, keys, mails, the rollout secret). Windows keeps the folder's inherited ACL.
/// </summary>
internal static class DataFolder
{
    public const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (0700 on Unix) if it is missing, and narrows it to 0700 if it is not.</summary>
    public static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnlyDirectory);
        if (File.GetUnixFileMode(path) != OwnerOnlyDirectory)
        {
            File.SetUnixFileMode(path, OwnerOnlyDirectory);
        }
    }

    /// <summary>Narrows every directory under <paramref name="root"/> (itself included) to 0700 and every file to 0600.</summary>
    public static void Narrow(string root)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(root))
        {
            return;
        }

        CreateOwnerOnlyDirectory(root);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            var wanted = entry is DirectoryInfo ? OwnerOnlyDirectory : OwnerOnlyFile;
            if (entry.UnixFileMode != wanted)
            {
                entry.UnixFileMode = wanted;
            }
        }
    }
}
