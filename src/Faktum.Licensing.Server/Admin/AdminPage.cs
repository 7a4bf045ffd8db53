namespace Faktum.Licensing.Server.Admin;

/// <summary>One page of a list: <paramref name="Page"/> counts from 1; <paramref name="Total"/> is the number of items over all pages.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed record AdminPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
