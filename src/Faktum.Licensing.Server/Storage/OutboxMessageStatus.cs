namespace Faktum.Licensing.Server.Storage;

internal enum OutboxMessageStatus
{
    /// <summary>Waiting to be sent (or to be retried).</summary>
    Pending,

    /// <summary>Sent; the body is gone.</summary>
    Sent,

    /// <summary>Given up after the last attempt; the body is gone, the last error stays.</summary>
    Failed,

    /// <summary>No longer worth sending (its one-time password expired or was replaced); the body is gone.</summary>
    Discarded,
}
