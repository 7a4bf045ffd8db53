using Faktum.Licensing.Registration;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Companies;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Email;
using Faktum.Licensing.Server.Http;
using Faktum.Licensing.Server.Licenses;
using Faktum.Licensing.Server.OneTimePasswords;
using Faktum.Licensing.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Registration;

/// <summary>The refusals of <see cref="RegistrationService"/> that reveal nothing, and its log messages.</summary>
internal sealed partial class RegistrationService
{
    private RegistrationOutcome CompanyAlreadyRegistered(string identityKey)
    {
        var fingerprint = LogFingerprint.Of(identityKey);
        Log.CompanyAlreadyRegistered(_logger, fingerprint);
        return RegistrationOutcome.Refused(RegistrationStatus.CompanyAlreadyRegistered);
    }

    /// <summary>Reveals nothing: the same 202 as a success; the owner of the address learns of the attempt.</summary>
    private async Task<RegistrationOutcome> EmailInUseAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        var fingerprint = LogFingerprint.Of(attempt.Email);
        Log.EmailInUse(_logger, fingerprint);
        db.ChangeTracker.Clear();
        MailOutbox.Enqueue(db, composer.RegistrationAttempt(attempt.Email, attempt.Product), MailOutbox.RegistrationAttemptKind, null, attempt.Now, discardAfter: null);
        RememberAnswer(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (attempt.IdempotencyKey is not null && StorageServiceCollectionExtensions.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            var replay = await IdempotentReplay.FindAsync(db, attempt.IdempotencyKey, attempt.RequestHash, cancellationToken).ConfigureAwait(false);
            return replay.Found ? replay.AsOutcome() : RegistrationOutcome.Accepted(AcceptedBody);
        }

        outbox.Signal();
        OneTimePasswordHasher.HashDummy(); // the same work as a new registration: the answer's timing reveals nothing
        return RegistrationOutcome.Accepted(AcceptedBody);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, EventName = "Registered", Level = LogLevel.Information, Message = "Registered account {AccountId} with pending license {LicenseId} for {Product}")]
        public static partial void Registered(ILogger logger, string accountId, string licenseId, string product);

        [LoggerMessage(EventId = 201, EventName = "CompanyAlreadyRegistered", Level = LogLevel.Information, Message = "Refused a registration: company {IdentityFingerprint} is already registered")]
        public static partial void CompanyAlreadyRegistered(ILogger logger, string identityFingerprint);

        [LoggerMessage(EventId = 202, EventName = "EmailInUse", Level = LogLevel.Information, Message = "Registration with an e-mail address in use ({EmailFingerprint}); notified its owner")]
        public static partial void EmailInUse(ILogger logger, string emailFingerprint);

        [LoggerMessage(EventId = 215, EventName = "CompanyAdded", Level = LogLevel.Information, Message = "Added a company with pending license {LicenseId} for {Product} to confirmed account {AccountId}")]
        public static partial void CompanyAdded(ILogger logger, string accountId, string licenseId, string product);

        [LoggerMessage(EventId = 213, EventName = "MailboxRegistrationLimitReached", Level = LogLevel.Information, Message = "Refused a registration: mailbox {MailboxFingerprint} reached its registrations for the window")]
        public static partial void MailboxLimitReached(ILogger logger, string mailboxFingerprint);
    }
}
