using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Faktum.Licensing.Server.Storage.PostgreSql;

/// <summary>The PostgreSQL flavour of <see cref="LicensingDbContext"/>; it owns the migrations in this folder.</summary>
internal sealed class PostgreSqlLicensingDbContext(DbContextOptions<PostgreSqlLicensingDbContext> options) : LicensingDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlLicensingDbContext</c> build the model without a database.</summary>
internal sealed class PostgreSqlLicensingDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlLicensingDbContext>
{
    public PostgreSqlLicensingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlLicensingDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
