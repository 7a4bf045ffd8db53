namespace Faktum.Licensing.Internal;

/// <summary>Marks the services as added, so a second <c>AddFaktumLicensing</c> adds nothing.</summary>
internal sealed class FaktumLicensingMarker;
