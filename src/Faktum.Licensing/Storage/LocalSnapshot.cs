namespace Faktum.Licensing.Storage;

/// <summary>What the data folder holds, read under the lock.</summary>
internal sealed record LocalSnapshot(LocalStateCondition Condition, LocalLicenseState? State, string? Token, string? Problem)
{
    public static readonly LocalSnapshot Empty = new(LocalStateCondition.Missing, null, null, null);
}
