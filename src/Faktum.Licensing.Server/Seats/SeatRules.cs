using Faktum.Licensing.Registration;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Seats;

/// <summary>The rules of seats written once (S8): the label's shape, the seat id's shape, and how an installation is shown to its owner.</summary>
internal static class SeatRules
{
    /// <summary>The longest label, once trimmed and runs of white space folded.</summary>
    public const int MaxLabelLength = 40;

    /// <summary>
    /// Checks an optional label by the rule of every free-text field (no control or invisible character, trimmed and folded);
    /// it is typed by the user, never read from the computer (I10).
    /// </summary>
    public static string? Label(Validation check, string field, string? label)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Text(field, label, MaxLabelLength, required: false);
    }

    /// <summary>Checks an optional seat id (<c>ins_</c> and base32): the server's id of a binding, never an installation's own id.</summary>
    public static string? SeatId(Validation check, string field, string? id)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (id is null)
        {
            return null;
        }

        if (!IsSeatId(id))
        {
            check.Add(field, FieldCodes.InvalidFormat, "An installation id from the list of installations (ins_…) is expected.");
            return null;
        }

        return id;
    }

    /// <summary>Whether <paramref name="id"/> has the shape of a seat id.</summary>
    public static bool IsSeatId(string id) =>
        id.Length is > 4 and <= 64 && id.StartsWith("ins_", StringComparison.Ordinal) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>The owner's view of a binding; <paramref name="current"/> marks the installation that asks.</summary>
    public static InstallationDto ToDto(Installation installation, bool current)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return new(installation.Id, installation.Label, installation.BoundAt, installation.LastSeenAt, installation.AppVersion, installation.Channel, current);
    }
}
