namespace Faktum.Licensing;

/// <summary>Carries a change of <see cref="IFaktumLicensing.Current"/>.</summary>
public sealed class LicenseStatusChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="LicenseStatusChangedEventArgs"/> class.</summary>
    /// <param name="previous">The status before.</param>
    /// <param name="current">The status now.</param>
    public LicenseStatusChangedEventArgs(LicenseStatus previous, LicenseStatus current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        Previous = previous;
        Current = current;
    }

    /// <summary>Gets the status before the change.</summary>
    public LicenseStatus Previous { get; }

    /// <summary>Gets the status now.</summary>
    public LicenseStatus Current { get; }
}
