using System.Reflection;
using Faktum.Licensing.Server.Configuration;
using Xunit.Sdk;

namespace Faktum.Licensing.Server.Tests.Infrastructure;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL (a database of its own, see <see cref="PostgresTestDatabase"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothStorageProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
    [
        [StorageProvider.Sqlite],
        [StorageProvider.PostgreSql],
    ];
}
