namespace Faktum.Licensing.Storage;

/// <summary>Whether the state file could be used.</summary>
internal enum LocalStateCondition
{
    Missing,
    Usable,
    Damaged,
}
