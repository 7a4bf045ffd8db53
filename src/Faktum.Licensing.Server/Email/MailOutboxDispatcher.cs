using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Faktum.Licensing.Server.Email;

/// <summary>
/// Sends the mails of the outbox (<see cref="MailOutbox"/>): whenever this instance queued one (signalled after the
/// commit), and every <c>Email:Outbox:PollInterval</c> for mails that are due (retries, mails queued by other instances
/// or left behind by a stopped one).
/// </summary>
/// <remarks>
/// Each mail is claimed with one conditional UPDATE (<c>… SET ClaimedUntil = now + lease WHERE Id = … AND Status =
/// 'Pending' AND (ClaimedUntil IS NULL OR ClaimedUntil &lt; now)</c>): the database lets exactly one dispatcher, of any
/// instance, win it. The winner sends, then marks it sent and deletes its body in one UPDATE guarded by its own claim
/// token. A failure is recorded (error text without secrets) and retried with exponential back-off until
/// <c>MaxAttempts</c>; a one-time password mail that could only arrive after its password expired is discarded.
/// Delivery is at least once: only an instance that dies between the SMTP server's acceptance and the UPDATE (or a
/// send that outlasts the lease) can make a mail go out twice.
/// </remarks>
internal sealed partial class MailOutboxDispatcher(
    IServiceScopeFactory scopes,
    MailOutbox outbox,
    IEmailSender sender,
    IOptions<FaktumServerOptions> options,
    TimeProvider time,
    ILogger<MailOutboxDispatcher> logger) : BackgroundService
{
    /// <summary>How long a claim holds a mail; a send is cancelled well before (<see cref="SendTimeout"/>).</summary>
    internal static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>The longest one send may take (connect, authenticate, transfer).</summary>
    internal static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private static readonly TimeSpan MaintenanceInterval = TimeSpan.FromMinutes(1);

    private const int BatchSize = 20;


    private DateTimeOffset _nextMaintenance = DateTimeOffset.MinValue;

    // Set when a body was deleted and the database files may still hold it (see LicensingDbContext.FlushDeletedContentAsync).
    private bool _flushPending;

    private MailOutboxOptions Settings => options.Value.Email.Outbox;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Settings.PollInterval;
            try
            {
                if (await DispatchDueAsync(stoppingToken).ConfigureAwait(false) is { } next && next < wait)
                {
                    wait = next;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be away for a while: log it and try again at the next poll.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.OutboxPassFailed(logger, exception, wait);
            }

            try
            {
                await outbox.WaitAsync(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Sends every mail that is due now; returns how long until the next pending one is due, or null if none is pending.</summary>
    internal async Task<TimeSpan?> DispatchDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
                var now = time.GetUtcNow();
                if (await MaintainAsync(db, now, cancellationToken).ConfigureAwait(false))
                {
                    _flushPending = true;
                }

                var due = await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.Status == OutboxMessageStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                    .OrderBy(m => m.NextAttemptAt)
                    .Select(m => m.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                if (due.Count == 0)
                {
                    if (_flushPending)
                    {
                        _flushPending = !await db.FlushDeletedContentAsync(cancellationToken).ConfigureAwait(false);
                    }

                    var next = await db.OutboxMessages.AsNoTracking()
                        .Where(m => m.Status == OutboxMessageStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                        .OrderBy(m => m.NextAttemptAt)
                        .Select(m => new { m.NextAttemptAt })
                        .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                    return next is null ? null : (next.NextAttemptAt - now) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
                }

                foreach (var id in due)
                {
                    if (await TryDeliverAsync(db, id, cancellationToken).ConfigureAwait(false))
                    {
                        _flushPending = true;
                    }
                }
            }
        }
    }

    /// <summary>Claims, sends and records one mail; true when its body was deleted.</summary>
    private async Task<bool> TryDeliverAsync(LicensingDbContext db, string id, CancellationToken cancellationToken)
    {
        var claim = Ids.New("clm");
        var now = time.GetUtcNow();
        var until = now + ClaimLease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxMessageStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.ClaimedBy, claim), cancellationToken)
            .ConfigureAwait(false);
        if (claimed == 0)
        {
            return false; // another dispatcher (here or on another instance) has it
        }

        var row = await db.OutboxMessages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == id && m.ClaimedBy == claim && m.Status == OutboxMessageStatus.Pending, cancellationToken)
            .ConfigureAwait(false);
        if (row?.Content is null)
        {
            return false; // discarded or removed since
        }

        if (row.DiscardAfter is { } discardAfter && discardAfter <= now)
        {
            await CompleteAsync(db, row, claim, OutboxMessageStatus.Discarded, row.Attempts, row.LastError, now).ConfigureAwait(false);
            Log.MailDiscarded(logger, row.Id, row.Kind, row.AccountId, "its one-time password expired before it could be sent");
            return true;
        }

        Exception? failure = null;
        try
        {
            using var message = MimeMessage.Load(new MemoryStream(row.Content, writable: false), cancellationToken);

            // The timeout is wall-clock time on purpose: it guards against a hanging connection, whatever the server's clock.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(SendTimeout);
            if (sender is PickupDirectoryEmailSender pickup)
            {
                // A pickup mail with a one-time password leaves the folder once the password has expired.
                await pickup.SendAsync(message, row.DiscardAfter, timeout.Token).ConfigureAwait(false);
            }
            else
            {
                await sender.SendAsync(message, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: hand the mail back at once, so the next start (or another instance) need not wait for the lease.
            await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null).SetProperty(m => m.ClaimedBy, (string?)null), CancellationToken.None)
                .ConfigureAwait(false);
            throw;
        }
#pragma warning disable CA1031 // Any failure of the sender is recorded and retried.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failure = exception;
        }

        var attempts = row.Attempts + 1;
        var finished = time.GetUtcNow();
        if (failure is null)
        {
            await CompleteAsync(db, row, claim, OutboxMessageStatus.Sent, attempts, row.LastError, finished).ConfigureAwait(false);
            Log.MailSent(logger, row.Id, row.Kind, row.AccountId, attempts);
            return true;
        }

        var error = OutboxErrorText.Describe(failure, options.Value.Email.Smtp.Password);
        var retryAt = finished + RetryDelay(attempts);
        if (attempts >= Settings.MaxAttempts)
        {
            await CompleteAsync(db, row, claim, OutboxMessageStatus.Failed, attempts, error, finished).ConfigureAwait(false);
            Log.MailFailed(logger, failure, row.Id, row.Kind, row.AccountId, attempts);
        }
        else if (row.DiscardAfter is { } expiry && retryAt >= expiry)
        {
            await CompleteAsync(db, row, claim, OutboxMessageStatus.Discarded, attempts, error, finished).ConfigureAwait(false);
            Log.MailSendFailed(logger, failure, row.Id, attempts, Settings.MaxAttempts, null);
            Log.MailDiscarded(logger, row.Id, row.Kind, row.AccountId, "its one-time password expires before the next attempt");
        }
        else
        {
            await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == claim && m.Status == OutboxMessageStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptAt, retryAt)
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.ClaimedBy, (string?)null), CancellationToken.None)
                .ConfigureAwait(false);
            Log.MailSendFailed(logger, failure, row.Id, attempts, Settings.MaxAttempts, retryAt);
            return false;
        }

        return true;
    }

    /// <summary>Ends a mail's life in the outbox: its body is deleted in the same UPDATE (guarded by the claim: still ours, still pending).</summary>
    private static Task<int> CompleteAsync(LicensingDbContext db, OutboxMessage row, string claim, OutboxMessageStatus status, int attempts, string? error, DateTimeOffset now) =>
        db.OutboxMessages.Where(m => m.Id == row.Id && m.ClaimedBy == claim && m.Status == OutboxMessageStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Content, (byte[]?)null)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.CompletedAt, now)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null), CancellationToken.None);

    /// <summary>
    /// Once a minute: deletes the bodies of one-time password mails whose password expired unsent (say, while every
    /// instance was stopped or the mail server was away), and expired pickup mails. The records of finished mails are
    /// purged by the retention service (<see cref="Privacy.RetentionService"/>), with the other retention periods.
    /// </summary>
    private async Task<bool> MaintainAsync(LicensingDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now < _nextMaintenance)
        {
            return false;
        }

        _nextMaintenance = now + MaintenanceInterval;
        var expired = await db.OutboxMessages
            .Where(m => m.Status == OutboxMessageStatus.Pending && m.DiscardAfter != null && m.DiscardAfter <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxMessageStatus.Discarded)
                .SetProperty(m => m.Content, (byte[]?)null)
                .SetProperty(m => m.CompletedAt, now), cancellationToken)
            .ConfigureAwait(false);
        if (expired > 0)
        {
            Log.MailsExpired(logger, expired);
        }

        if (sender is PickupDirectoryEmailSender pickupFolder && pickupFolder.DeleteExpired(now) is var removed and > 0)
        {
            Log.PickupMailsRemoved(logger, removed);
        }

        return expired > 0;
    }

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: RetryDelay, doubling, at most an hour.</summary>
    internal TimeSpan RetryDelay(int attempts)
    {
        var delay = Settings.RetryDelay;
        for (var i = 1; i < attempts && delay < MaxRetryDelay; i++)
        {
            delay *= 2;
        }

        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
