using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Internal;

/// <summary>The DataAnnotations rules of <see cref="FaktumLicensingOptions"/>, validated by generated code (no reflection).</summary>
[OptionsValidator]
internal sealed partial class FaktumLicensingOptionsAnnotationsValidator : IValidateOptions<FaktumLicensingOptions>
{
}
