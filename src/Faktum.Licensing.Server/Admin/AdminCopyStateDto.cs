namespace Faktum.Licensing.Server.Admin;

/// <summary>Copy detection's view of one installation (docs/tokens.md, "Generations").</summary>
/// <param name="InstallationId">The installation.</param>
/// <param name="Generation">The newest generation issued to it.</param>
/// <param name="Duplicated">Whether its current tokens are answered <c>duplicated</c>.</param>
/// <param name="DuplicatedAt">When the copy was detected, while flagged.</param>
/// <param name="CopiesThrough">Tokens up to this generation are a copy's (after a flag, also once recovered); <see langword="null"/>: none.</param>
internal sealed record AdminCopyStateDto(string InstallationId, long Generation, bool Duplicated, DateTimeOffset? DuplicatedAt, long? CopiesThrough);
