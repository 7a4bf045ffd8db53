using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.Internal;

/// <summary>The builder <c>AddFaktumLicensing</c> returns.</summary>
internal sealed class FaktumLicensingBuilder(IServiceCollection services) : IFaktumLicensingBuilder
{
    public IServiceCollection Services { get; } = services;
}
