using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// Who performs the admin actions of the current scope (a request, a CLI command): set once by the entry point (the admin
/// API's endpoint filter, the CLI, the console), read by <see cref="AdminOperations"/> when it writes an <see cref="AuditRecord"/>.
/// An action without an actor throws: no audit row without a who.
/// </summary>
internal sealed class AuditActor
{
    /// <summary>The actor name the admin API records when no key name is configured.</summary>
    public const string DefaultApiKeyName = "api-key";

    public AuditSource Source { get; private set; }

    public string? Name { get; private set; }

    public bool IsSet => Name is not null;

    /// <summary>Sets the actor for this scope.</summary>
    /// <param name="source">Where the action comes from.</param>
    /// <param name="name">Who: the key's name, the OS user or the staff e-mail (at most 320 characters).</param>
    public void Set(AuditSource source, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Source = source;
        Name = name.Length > 320 ? name[..320] : name;
    }

    /// <summary>The actor for a CLI command: the OS user running it.</summary>
    public void SetCli() => Set(AuditSource.Cli, Environment.UserName is { Length: > 0 } user ? user : "unknown");

    internal (AuditSource Source, string Name) Require() =>
        Name is { } name ? (Source, name) : throw new InvalidOperationException("No AuditActor is set for this scope: the entry point must set who acts before an admin action.");
}
