using Semver;

namespace Faktum.Licensing.Updates;

/// <summary>The installation an update decision is made for.</summary>
/// <param name="ProductId">The product id.</param>
/// <param name="InstalledVersion">The installed version.</param>
/// <param name="Channel">The installation's channel.</param>
/// <param name="UpdatesEndAt">The end of the license's update entitlement (<see cref="Tokens.LicenseClaims.UpdatesEndAt"/>); <see langword="null"/> for no end.</param>
/// <param name="Now">The current time (from the caller's <see cref="TimeProvider"/>).</param>
internal sealed record UpdateQuery(string ProductId, SemVersion InstalledVersion, ReleaseChannel Channel, DateTimeOffset? UpdatesEndAt, DateTimeOffset Now);
