using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Seats;

/// <summary>
/// The move budget of a license (S8): at most <see cref="FaktumServerOptions.MovesPerWindow"/> moves per rolling
/// <see cref="FaktumServerOptions.MoveWindow"/>, plus the extra moves the vendor granted. Counted in the database
/// (<see cref="LicenseMove"/> rows), so it holds across server instances: a caller takes a move only inside a transaction that
/// holds the account's lock (<see cref="LicensingDbContext.LockAccountAsync"/>), which serializes the count and the insert.
/// </summary>
internal sealed class MoveBudget(LicensingDbContext db, IOptions<FaktumServerOptions> options)
{
    public async Task<MoveBudgetState> ReadAsync(License license, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(license);
        var (perWindow, window) = (options.Value.MovesPerWindow, options.Value.MoveWindow);
        var since = now - window;
        var moves = await db.LicenseMoves.AsNoTracking()
            .Where(m => m.LicenseId == license.Id && !m.Granted && m.At > since)
            .Select(m => m.At).ToListAsync(cancellationToken).ConfigureAwait(false);
        moves.Sort();
        var left = Math.Max(0, perWindow - moves.Count) + license.ExtraMoves;

        // With none left, the next move is possible once enough of the window's moves have aged out of it.
        DateTimeOffset? next = left > 0 ? null : moves[moves.Count - perWindow] + window;
        return new MoveBudgetState(left, next);
    }

    /// <summary>
    /// Takes one move for releasing <paramref name="releasedBindingId"/>: from the window while it has room, else from the vendor's
    /// extra moves (on the tracked <paramref name="license"/>). The caller saves the changes and holds the account's lock.
    /// </summary>
    public async Task<MoveAllowance> TryTakeAsync(License license, string releasedBindingId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(license);
        var since = now - options.Value.MoveWindow;
        var inWindow = await db.LicenseMoves.CountAsync(m => m.LicenseId == license.Id && !m.Granted && m.At > since, cancellationToken).ConfigureAwait(false);
        var granted = false;
        if (inWindow >= options.Value.MovesPerWindow)
        {
            if (license.ExtraMoves <= 0)
            {
                var state = await ReadAsync(license, now, cancellationToken).ConfigureAwait(false);
                return new MoveAllowance(false, state.NextMoveAt);
            }

            license.ExtraMoves--;
            granted = true;
        }

        db.LicenseMoves.Add(new LicenseMove { Id = Ids.New("mov"), LicenseId = license.Id, ReleasedBindingId = releasedBindingId, At = now, Granted = granted });
        return MoveAllowance.Granted;
    }
}
