namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// One move of a license: a seat taken from one installation for another (a confirmation on a new computer with the seats
/// full, or the owner's release). The move budget counts these rows in a rolling window (S8), so it holds across instances.
/// </summary>
internal sealed class LicenseMove
{
    public required string Id { get; set; }

    public required string LicenseId { get; set; }

    /// <summary>Gets or sets the binding (<see cref="Installation.Id"/>) the move released.</summary>
    public required string ReleasedBindingId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Gets or sets whether the move was paid for by a vendor's extra move rather than the rolling budget.</summary>
    public bool Granted { get; set; }
}
