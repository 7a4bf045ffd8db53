using Faktum.Licensing.Internal;
using Microsoft.Extensions.Logging;

namespace Faktum.Licensing.Storage;

/// <summary>
/// The flows' access to the data folder: the installation id (created on first use), the snapshot, and the one error a folder
/// that cannot be used becomes (<see cref="LicensingFailure.LocalStateUnavailable"/>).
/// </summary>
internal sealed partial class InstallationState
{
    private readonly LicenseStateStore _store;
    private readonly ILogger _logger;

    public InstallationState(LicenseStateStore store, ILogger<InstallationState> logger)
    {
        _store = store;
        _logger = logger;
    }

    /// <summary>Returns the installation id, creating the state on first use and replacing a damaged state file (the repair of S4).</summary>
    public async Task<LicensingResult<string>> EnsureAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await _store.UpdateAsync(
                current => current.Condition == LocalStateCondition.Usable
                    ? null
                    : (new LocalLicenseState { InstallationId = LicenseStateStore.NewInstallationId() }, null),
                cancellationToken).ConfigureAwait(false);
            return new(snapshot.State!.InstallationId);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new(Unavailable(exception));
        }
    }

    /// <summary>Reads the state and the token.</summary>
    public async Task<LicensingResult<LocalSnapshot>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return new(await _store.ReadAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new(Unavailable(exception));
        }
    }

    /// <summary>Reads, changes and writes under the lock (see <see cref="LicenseStateStore.UpdateAsync"/>); a folder that cannot be used is an error.</summary>
    public async Task<LicensingResult<LocalSnapshot>> UpdateAsync(Func<LocalSnapshot, (LocalLicenseState State, string? Token)?> change, CancellationToken cancellationToken)
    {
        try
        {
            return new(await _store.UpdateAsync(change, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new(Unavailable(exception));
        }
    }

    /// <summary>Reads, changes and writes every license under the lock (see <see cref="LicenseStateStore.UpdateLicensesAsync"/>); a folder that cannot be used is an error.</summary>
    public async Task<LicensingResult<LocalSnapshot>> UpdateLicensesAsync(Func<LocalSnapshot, LocalSnapshot?> change, CancellationToken cancellationToken)
    {
        try
        {
            return new(await _store.UpdateLicensesAsync(change, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new(Unavailable(exception));
        }
    }

    private LicensingError Unavailable(Exception exception)
    {
        Log.StateUnavailable(_logger, exception.Message);
        return LicensingError.Of(LicensingFailure.LocalStateUnavailable, LicenseStatusMessages.DataFolderUnusable(_store.Directory, exception.Message));
    }

    private static partial class Log
    {
        [LoggerMessage(25, LogLevel.Error, "The license data folder cannot be used: {Reason}", EventName = "StateUnavailable")]
        public static partial void StateUnavailable(ILogger logger, string reason);
    }
}
