using Faktum.Licensing.Server.Admin;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>Home: the license counts, start-up checks per day and moves per week, the outbox, and key and release warnings.</summary>
public sealed class IndexModel : ConsolePageModel
{
    internal AdminHomeDto? Counts { get; private set; }

    internal IReadOnlyList<ConsoleWarning> Warnings { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Counts = await HttpContext.RequestServices.GetRequiredService<AdminQueries>().HomeAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        Warnings = await HttpContext.RequestServices.GetRequiredService<ConsoleHome>().WarningsAsync(HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
