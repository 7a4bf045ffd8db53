namespace Faktum.Licensing.Server.Admin;

/// <summary>
/// The typed result of an admin action: <see cref="AdminOutcomeStatus.Done"/> with its value, <see cref="AdminOutcomeStatus.NotFound"/>,
/// or <see cref="AdminOutcomeStatus.Refused"/> with a stable code (one of <see cref="AdminRefusals"/>) and an English message.
/// </summary>
/// <typeparam name="T">The value a done action returns.</typeparam>
internal sealed record AdminOutcome<T>(AdminOutcomeStatus Status, T? Value, string? Code, string? Message)
    where T : class
{
    public bool IsDone => Status == AdminOutcomeStatus.Done;

    public static AdminOutcome<T> Done(T value) => new(AdminOutcomeStatus.Done, value, null, null);

    public static AdminOutcome<T> NotFound(string message) => new(AdminOutcomeStatus.NotFound, null, "not-found", message);

    public static AdminOutcome<T> Refused(string code, string message) => new(AdminOutcomeStatus.Refused, null, code, message);

    /// <summary>Carries a refusal or not-found over to another value type.</summary>
    /// <typeparam name="TOther">The other value type.</typeparam>
    public AdminOutcome<TOther> As<TOther>()
        where TOther : class =>
        IsDone ? throw new InvalidOperationException("A done outcome has a value of its own type.") : new(Status, null, Code, Message);
}
