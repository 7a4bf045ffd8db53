using Faktum.Licensing.Server.Companies;
using Faktum.Licensing.Server.Registration;
using Faktum.Licensing.Server.Startup;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Faktum.Licensing.Server.Hosting;

/// <summary>Registers the server's flows: one scoped service per operation, shared by the HTTP endpoints and the CLI.</summary>
internal static class ServerFlowsServiceCollectionExtensions
{
    public static IServiceCollection AddServerFlows(this IServiceCollection services)
    {
        services.TryAddSingleton<StartupResponseWriter>();
        services.TryAddScoped<LapsedRegistrations>();
        services.TryAddScoped<RegistrationService>();
        services.TryAddScoped<RecoveryService>();
        services.TryAddScoped<ConfirmationService>();
        services.TryAddScoped<OneTimePasswordCheck>();
        services.TryAddScoped<CompanyChoice>();
        services.TryAddScoped<CompanyCorrectionService>();
        services.TryAddSingleton<StartupActivity>();
        services.TryAddScoped<StartupCheckService>();
        services.TryAddScoped<Seats.MoveBudget>();
        services.TryAddScoped<Seats.SeatAssignment>();
        services.TryAddScoped<Seats.InstallationService>();
        services.TryAddScoped<Admin.SeatAdminOperations>();
        services.TryAddScoped<Copies.CopyDetection>();
        services.TryAddScoped<Admin.LicenseFeatureOperations>();
        return services;
    }
}
