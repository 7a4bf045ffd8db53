using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Storage.PostgreSql;

/// <summary>The PostgreSQL flavour of <see cref="LicensingDbContext"/>; it owns the migrations in this folder.</summary>
internal sealed class PostgreSqlLicensingDbContext(DbContextOptions<PostgreSqlLicensingDbContext> options) : LicensingDbContext(options);
