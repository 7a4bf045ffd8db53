using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Storage;

/// <summary>
/// One company's license in the data folder (S9): its id (the token's <c>sub</c>), the file its token is in, the token, and what
/// the last check found for it. Each license keeps its own last online check (its own offline grace) and last verdict.
/// </summary>
internal sealed record StoredLicense
{
    /// <summary>Gets the license id; for a token whose <c>sub</c> cannot be read (a damaged file), empty.</summary>
    public required string LicenseId { get; init; }

    /// <summary>Gets the token file's name in the data folder, one of <see cref="TokenFiles"/>' allowed names.</summary>
    public required string TokenFile { get; init; }

    /// <summary>Gets the token as read from <see cref="TokenFile"/>; empty when the file cannot be read (the validator calls it malformed).</summary>
    public required string Token { get; init; }

    public DateTimeOffset? LastOnlineCheck { get; init; }

    /// <summary>Gets the verdict of the last signed start-up response for this license, so a lapsed license stays lapsed while offline.</summary>
    public LicenseVerdict? LastVerdict { get; init; }

    public CompanyProfile? Company { get; init; }
}
