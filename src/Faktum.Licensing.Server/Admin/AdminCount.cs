namespace Faktum.Licensing.Server.Admin;

/// <summary>A count for one period (a day or a week, named by its first day as <c>yyyy-MM-dd</c>).</summary>
internal sealed record AdminCount(string Period, long Count);
