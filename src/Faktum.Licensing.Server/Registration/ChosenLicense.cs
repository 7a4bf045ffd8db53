using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Registration;

/// <summary>One license a confirmation brings to the installation, with its company (both tracked).</summary>
internal sealed record ChosenLicense(Company Company, License License);
