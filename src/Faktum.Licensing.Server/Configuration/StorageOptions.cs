namespace Faktum.Licensing.Server.Configuration;

/// <summary>The section <c>FaktumServer:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>Gets or sets the database engine.</summary>
    /// <value><see cref="StorageProvider.Sqlite"/>.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// Gets or sets the connection string. Required for <see cref="StorageProvider.PostgreSql"/>
    /// (e.g. <c>Host=db;Database=faktum;Username=faktum;Password=…</c>); for SQLite it replaces the default file.
    /// </summary>
    /// <value><see langword="null"/>: for SQLite, <c>{DataDirectory}/faktum-licensing.db</c>.</value>
    public string? ConnectionString { get; set; }
}
