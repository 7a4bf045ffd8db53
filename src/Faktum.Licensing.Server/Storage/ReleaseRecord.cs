namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// One signed release manifest, stored byte for byte as the vendor signed it (the server cannot forge or re-encode one).
/// A release id may have several sequences: a withdrawal or a re-signed rollout is a new manifest with a higher sequence.
/// </summary>
internal sealed class ReleaseRecord
{
    public required string Product { get; set; }

    public long Sequence { get; set; }

    public required string ReleaseId { get; set; }

    public required string Version { get; set; }

    /// <summary>Gets or sets the signed wire form (<c>{"manifest","kid","signature"}</c>) exactly as published.</summary>
    public required string SignedJson { get; set; }

    /// <summary>Gets or sets the server's own rollout percentage, which can only narrow the signed one; null = as signed.</summary>
    public int? EffectiveRollout { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}
