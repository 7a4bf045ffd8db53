using Faktum.Licensing.Server.Admin;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>The mail outbox: queued, sent, failed (given up) and discarded mails, per company; retry a failed one. Never a body.</summary>
public sealed class OutboxModel : ConsolePageModel
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<string> Statuses = [nameof(OutboxMessageStatus.Pending), nameof(OutboxMessageStatus.Sent), nameof(OutboxMessageStatus.Failed), nameof(OutboxMessageStatus.Discarded)];

    public string? Status { get; private set; }

    public string? CompanyId { get; private set; }

    internal AdminPage<AdminMailDto>? Mail { get; private set; }

    public async Task OnGetAsync(string? status, string? companyId, int p = 1)
    {
        Status = Statuses.Contains(status) ? status : null;
        CompanyId = companyId is { Length: > 0 } ? companyId : null;
        var filter = Status is null ? (OutboxMessageStatus?)null : Enum.Parse<OutboxMessageStatus>(Status);
        Mail = await HttpContext.RequestServices.GetRequiredService<AdminQueries>()
            .MailAsync(filter, CompanyId, Math.Max(1, p), PageSize, HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostRetryAsync(string? messageId)
    {
        if (!await AllowedAsync(StaffRoles.SupportPolicy).ConfigureAwait(false))
        {
            return Forbid();
        }

        var result = await HttpContext.RequestServices.GetRequiredService<ConsoleActions>().RetryMailAsync(messageId ?? string.Empty, HttpContext.RequestAborted).ConfigureAwait(false);
        return RedirectToPage(new { notice = result.Done ? result.Code : null, refused = result.Done ? null : result.Code });
    }
}
