namespace Faktum.Licensing.Server.Copies;

/// <summary>What a presented generation means (<see cref="GenerationRules.Present"/>); docs/tokens.md explains each.</summary>
internal enum GenerationOutcome
{
    /// <summary>The newest token: the line advances.</summary>
    Newest,

    /// <summary>An earlier answer to the same start (a retry whose answers crossed): the line advances from it.</summary>
    EarlierAnswer,

    /// <summary>The token last presented, again: its answer was lost, or the app stopped before storing it.</summary>
    Repeated,

    /// <summary>An older token, from no line left behind: a restored backup (or a copy's first start); the line goes on from it.</summary>
    Forked,

    /// <summary>A generation above any issued: the server's database was restored from a backup; the line goes on from it.</summary>
    AheadOfServer,

    /// <summary>A token only a line left behind can hold: two copies live; every token so far is answered <c>duplicated</c>.</summary>
    Detected,

    /// <summary>A token of a flagged installation (or one older than a recovery after a flag): answered <c>duplicated</c>.</summary>
    Duplicated,
}
