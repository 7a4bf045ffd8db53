using System.Threading.Channels;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Faktum.Licensing.Server.Email;

/// <summary>
/// The transactional mail outbox. An endpoint <see cref="Enqueue"/>s a mail into its own unit of work, so the mail is
/// committed together with the change it reports (or not at all), then calls <see cref="Signal"/> after the commit so
/// that this instance's <see cref="MailOutboxDispatcher"/> sends it at once.
/// </summary>
internal sealed class MailOutbox
{
    /// <summary>The kind of a mail holding a one-time password (registration or recovery).</summary>
    public const string OneTimePasswordKind = "one-time-password";

    /// <summary>The kind of the notice that someone tried to register with an address in use (no password).</summary>
    public const string RegistrationAttemptKind = "registration-attempt";

    /// <summary>The kind of the row a recovery for an unknown address writes so that both paths do the same work (F6).</summary>
    public const string DecoyKind = "decoy";

    // One pending wake-up is enough: the dispatcher sends everything that is due whenever it wakes.
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = false,
        SingleWriter = false,
    });

    /// <summary>Adds <paramref name="message"/> to <paramref name="db"/>'s unit of work (not saved here) and disposes it.</summary>
    /// <param name="db">The context whose next <c>SaveChanges</c> commits the mail with the rest of the change.</param>
    /// <param name="message">The composed mail.</param>
    /// <param name="kind"><see cref="OneTimePasswordKind"/> or <see cref="RegistrationAttemptKind"/>.</param>
    /// <param name="accountId">The account it concerns, if any.</param>
    /// <param name="now">The current time: the mail is due at once.</param>
    /// <param name="discardAfter">When the mail is no longer worth sending (a one-time password's expiry), if ever.</param>
    public static OutboxMessage Enqueue(LicensingDbContext db, MimeMessage message, string kind, string? accountId, DateTimeOffset now, DateTimeOffset? discardAfter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        using (message)
        {
            message.WriteTo(buffer);
        }

        var row = new OutboxMessage
        {
            Id = Ids.New("mail"),
            Kind = kind,
            AccountId = accountId,
            Content = buffer.ToArray(),
            Status = OutboxMessageStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            DiscardAfter = discardAfter,
        };
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>
    /// Writes <paramref name="message"/> as <see cref="Enqueue"/> does, but already discarded and without its body: never
    /// sent, it only gives a recovery for an unknown address the same work as one for a known address (F6).
    /// </summary>
    public static void EnqueueDecoy(LicensingDbContext db, MimeMessage message, DateTimeOffset now)
    {
        var row = Enqueue(db, message, DecoyKind, null, now, discardAfter: now);
        row.Content = null;
        row.Status = OutboxMessageStatus.Discarded;
        row.CompletedAt = now;
    }

    /// <summary>
    /// Marks the account's pending one-time password mails as discarded and deletes their bodies: a new password has
    /// replaced the one they hold. Runs in the caller's transaction.
    /// </summary>
    public static Task<int> DiscardPendingPasswordsAsync(LicensingDbContext db, string accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.OutboxMessages
            .Where(m => m.AccountId == accountId && m.Kind == OneTimePasswordKind && m.Status == OutboxMessageStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxMessageStatus.Discarded)
                .SetProperty(m => m.Content, (byte[]?)null)
                .SetProperty(m => m.CompletedAt, now)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null), cancellationToken);

    /// <summary>Wakes the dispatcher: call it after the commit that stored a mail.</summary>
    public void Signal() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Waits until <see cref="Signal"/> is called or <paramref name="timeout"/> has passed on <paramref name="time"/>'s clock.</summary>
    internal async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_wakeUps.Reader.TryRead(out _))
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _wakeUps.Reader.WaitToReadAsync(stop.Token).AsTask();
        var delay = Task.Delay(timeout, time, stop.Token);
        await Task.WhenAny(signalled, delay).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        _wakeUps.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
