using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing;

/// <summary>Configures the parts of Faktum.Licensing beyond its options.</summary>
public interface IFaktumLicensingBuilder
{
    /// <summary>Gets the services of the host app.</summary>
    IServiceCollection Services { get; }
}
