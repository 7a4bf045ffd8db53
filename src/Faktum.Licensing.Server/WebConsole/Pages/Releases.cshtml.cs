using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>
/// Releases per product and channel with their rollout; the owner sets the rollout, pauses, and publishes or withdraws with a
/// manifest signed offline (the release key never reaches the server); the next sequence number per product is suggested.
/// </summary>
public sealed class ReleasesModel : ConsolePageModel
{
    internal IReadOnlyList<AdminReleaseDto> Releases { get; private set; } = [];

    public IReadOnlyList<(string Product, long Next)> NextSequences { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var queries = HttpContext.RequestServices.GetRequiredService<AdminQueries>();
        Releases = await queries.ReleasesAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        var next = new List<(string, long)>();
        foreach (var product in HttpContext.RequestServices.GetRequiredService<IOptions<FaktumServerOptions>>().Value.EffectiveProducts)
        {
            next.Add((product, await queries.NextSequenceAsync(product, HttpContext.RequestAborted).ConfigureAwait(false)));
        }

        NextSequences = next;
    }

    public async Task<IActionResult> OnPostActAsync(string? action, string? releaseId, int percentage, string? signedJson)
    {
        if (!await AllowedAsync(StaffRoles.OwnerPolicy).ConfigureAwait(false))
        {
            return Forbid();
        }

        var result = await HttpContext.RequestServices.GetRequiredService<ConsoleActions>()
            .OnReleaseAsync(action ?? string.Empty, releaseId, percentage, signedJson, HttpContext.RequestAborted).ConfigureAwait(false);
        return RedirectToPage(new { notice = result.Done ? result.Code : null, refused = result.Done ? null : result.Code });
    }
}
