namespace Faktum.Licensing.Server.Email;

/// <summary>The dispatcher's log events (600–609).</summary>
internal sealed partial class MailOutboxDispatcher
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 600, EventName = "MailSent", Level = LogLevel.Information, Message = "Sent mail {MailId} ({Kind}, account {AccountId}) at attempt {Attempt}")]
        public static partial void MailSent(ILogger logger, string mailId, string kind, string? accountId, int attempt);

        [LoggerMessage(EventId = 601, EventName = "MailSendFailed", Level = LogLevel.Warning, Message = "Could not send mail {MailId} (attempt {Attempt} of {MaxAttempts}); next attempt at {NextAttemptAt}")]
        public static partial void MailSendFailed(ILogger logger, Exception exception, string mailId, int attempt, int maxAttempts, DateTimeOffset? nextAttemptAt);

        [LoggerMessage(EventId = 602, EventName = "MailFailed", Level = LogLevel.Error, Message = "Gave up on mail {MailId} ({Kind}, account {AccountId}) after {Attempt} attempt(s); its body is deleted")]
        public static partial void MailFailed(ILogger logger, Exception exception, string mailId, string kind, string? accountId, int attempt);

        [LoggerMessage(EventId = 603, EventName = "MailDiscarded", Level = LogLevel.Information, Message = "Discarded mail {MailId} ({Kind}, account {AccountId}): {Reason}")]
        public static partial void MailDiscarded(ILogger logger, string mailId, string kind, string? accountId, string reason);

        [LoggerMessage(EventId = 604, EventName = "OutboxPassFailed", Level = LogLevel.Error, Message = "The mail outbox could not be processed; next try in {Wait}")]
        public static partial void OutboxPassFailed(ILogger logger, Exception exception, TimeSpan wait);

        [LoggerMessage(EventId = 605, EventName = "MailsExpired", Level = LogLevel.Information, Message = "{Count} unsent one-time password mail(s) expired; their bodies are deleted")]
        public static partial void MailsExpired(ILogger logger, int count);

        [LoggerMessage(EventId = 606, EventName = "PickupMailsRemoved", Level = LogLevel.Information, Message = "Removed {Count} pickup mail(s) whose one-time password expired")]
        public static partial void PickupMailsRemoved(ILogger logger, int count);
    }
}
