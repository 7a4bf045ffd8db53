namespace Faktum.Licensing.Server.Configuration;

/// <summary>The database engine the server stores its data in.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file in the data folder: one server process.</summary>
    Sqlite,

    /// <summary>PostgreSQL (Npgsql): any number of server instances on one database.</summary>
    PostgreSql,
}
