namespace Faktum.Licensing.Server.Storage;

/// <summary>Where an <see cref="AuditRecord"/>'s action came from; stored as lower-case text (<c>api</c>, <c>cli</c>, <c>console</c>).</summary>
internal enum AuditSource
{
    /// <summary>The admin API (<c>/v1/admin</c>, X-Api-Key).</summary>
    Api,

    /// <summary>The server's CLI acting on the data folder directly (<c>--data-dir</c>).</summary>
    Cli,

    /// <summary>The vendor's web console (a staff account).</summary>
    Console,
}
