namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>Home: the license counts, the activity of the last day and week, the outbox, and key and release warnings.</summary>
public sealed class IndexModel : ConsolePageModel
{
    internal ConsoleHomeCounts Counts { get; private set; } = ConsoleHomeCounts.Empty;

    internal IReadOnlyList<ConsoleWarning> Warnings { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var home = HttpContext.RequestServices.GetRequiredService<ConsoleHome>();
        Counts = await home.CountAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        Warnings = await home.WarningsAsync(HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
