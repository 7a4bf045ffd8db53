using System.Diagnostics.CodeAnalysis;
using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Seats;

/// <summary>
/// Whether the owner's installation list may be read or changed: the bearer token is a current license token of this server, and
/// its license is active and still bound to the token's installation. Made by <see cref="InstallationService.AuthorizeAsync"/>.
/// </summary>
internal sealed record InstallationAuthorization(License? License, string? AccountId, string? BindingId)
{
    public static InstallationAuthorization Refused { get; } = new(null, null, null);

    [MemberNotNullWhen(true, nameof(License), nameof(AccountId), nameof(BindingId))]
    public bool Authorized => License is not null && AccountId is not null && BindingId is not null;
}
