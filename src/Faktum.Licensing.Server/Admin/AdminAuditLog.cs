using System.Globalization;
using System.Text;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Admin;

/// <summary>Reads the append-only audit log: a page at a time, newest first, or all of it as CSV. Nothing here writes.</summary>
internal sealed class AdminAuditLog(LicensingDbContext db)
{
    /// <summary>The CSV header <see cref="WriteCsvAsync"/> writes.</summary>
    public const string CsvHeader = "id,at,source,actor,action,companyId,licenseId,before,after,detail";

    public async Task<AdminPage<AdminAuditEntryDto>> ListAsync(AdminAuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filter(filter);
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, 500));
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AdminPage<AdminAuditEntryDto>(rows.Select(AdminAuditEntryDto.From).ToList(), page, pageSize, total);
    }

    /// <summary>
    /// Writes every matching record as RFC 4180 CSV, oldest first. A field a spreadsheet would take for a formula (starting
    /// with <c>= + - @</c>, tab or carriage return) is prefixed with an apostrophe, so an export cannot run anything.
    /// </summary>
    public async Task WriteCsvAsync(AdminAuditFilter filter, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(CsvHeader).ConfigureAwait(false);
        await foreach (var r in Filter(filter).OrderBy(r => r.At).ThenBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var line = string.Join(',', new[]
            {
                r.Id, r.At.ToString("O", CultureInfo.InvariantCulture), r.Source.ToString().ToLowerInvariant(), r.Actor, r.Action, r.CompanyId, r.LicenseId, r.Before, r.After, r.Detail,
            }.Select(Field));
            await writer.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    internal static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 && text == value ? text : new StringBuilder("\"").Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }

    private IQueryable<AuditRecord> Filter(AdminAuditFilter filter)
    {
        var query = db.AuditRecords.AsNoTracking();
        query = filter.CompanyId is { } company ? query.Where(r => r.CompanyId == company) : query;
        query = filter.Actor is { } actor ? query.Where(r => r.Actor == actor) : query;
        return filter.Action is { } action ? query.Where(r => r.Action == action) : query;
    }
}
