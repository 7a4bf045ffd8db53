namespace Faktum.Licensing.Server.Storage;

/// <summary>A stored response for an <c>Idempotency-Key</c>.</summary>
internal sealed class IdempotencyRecord
{
    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
