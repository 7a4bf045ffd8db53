using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Faktum.Licensing.Server.Storage.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlLicensingDbContext</c> build the model without a database.</summary>
internal sealed class PostgreSqlLicensingDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlLicensingDbContext>
{
    public PostgreSqlLicensingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlLicensingDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
