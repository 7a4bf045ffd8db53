using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Faktum.Licensing.Server.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteLicensingDbContext</c> build the model without starting the server.</summary>
internal sealed class SqliteLicensingDbContextFactory : IDesignTimeDbContextFactory<SqliteLicensingDbContext>
{
    public SqliteLicensingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLicensingDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
