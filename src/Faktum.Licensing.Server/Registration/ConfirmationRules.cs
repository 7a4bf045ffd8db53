using Faktum.Licensing.Registration;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Seats;

namespace Faktum.Licensing.Server.Registration;

/// <summary>The shape of a confirmation's choices (S8, S9): the installations to release and the companies to bring.</summary>
internal static class ConfirmationRules
{
    /// <summary>The most license ids (companies) one confirmation may bring, and the most installations it may release.</summary>
    public const int MaxChoices = StartupRequest.MaxLicenses;

    /// <summary>Checks <c>release</c> and <c>releases</c>: seat ids, together at most <see cref="MaxChoices"/>; returns them as one set.</summary>
    public static IReadOnlyCollection<string> Releases(Validation check, string? release, IReadOnlyList<string>? releases)
    {
        ArgumentNullException.ThrowIfNull(check);
        var all = new HashSet<string>(StringComparer.Ordinal);
        if (SeatRules.SeatId(check, "release", release) is { } one)
        {
            all.Add(one);
        }

        if (releases is null)
        {
            return all;
        }

        if (releases.Count > MaxChoices)
        {
            check.Add("releases", FieldCodes.OutOfRange, $"Name at most {MaxChoices} installations to release, one per license whose seats are full.");
            return all;
        }

        foreach (var id in releases)
        {
            if (id is null || !SeatRules.IsSeatId(id))
            {
                check.Add("releases", FieldCodes.InvalidFormat, "An installation id from the list of installations (ins_…) is expected.");
                return all;
            }

            all.Add(id);
        }

        return all;
    }

    /// <summary>Checks the shape of <c>licenses</c>: 1 to <see cref="MaxChoices"/> distinct license ids (whether they are the account's is decided later).</summary>
    public static void LicenseIds(Validation check, IReadOnlyList<string>? licenses)
    {
        ArgumentNullException.ThrowIfNull(check);
        const string Field = "licenses";
        if (licenses is null)
        {
            return;
        }

        if (licenses.Count is 0 or > MaxChoices)
        {
            check.Add(Field, FieldCodes.OutOfRange, $"Name 1 to {MaxChoices} companies by their license id.");
        }
        else if (licenses.Any(id => id is null || id.Length is < 5 or > 64 || !id.StartsWith("lic_", StringComparison.Ordinal) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            check.Add(Field, FieldCodes.InvalidValue, ConfirmationService.NotYoursMessage); // as for an id of another account: nothing to tell apart
        }
        else if (licenses.Distinct(StringComparer.Ordinal).Count() != licenses.Count)
        {
            check.Add(Field, FieldCodes.InvalidValue, "Name each company once.");
        }
    }
}
