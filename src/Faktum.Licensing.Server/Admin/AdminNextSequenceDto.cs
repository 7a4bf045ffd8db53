namespace Faktum.Licensing.Server.Admin;

/// <summary>The sequence the next signed manifest of a product must carry.</summary>
internal sealed record AdminNextSequenceDto(string Product, long NextSequence);
