using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faktum.Licensing.Startup;

/// <summary>Runs the start-up check once when the host starts, in the background: start-up never waits for the license server.</summary>
internal sealed partial class StartupCheckHostedService : BackgroundService
{
    private readonly IFaktumLicensing _licensing;
    private readonly ILogger _logger;

    public StartupCheckHostedService(IFaktumLicensing licensing, ILogger<StartupCheckHostedService> logger)
    {
        _licensing = licensing;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await _licensing.CheckAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.Stopped(_logger);
        }
#pragma warning disable CA1031 // A bug in the check must not stop the host app (I8: fail soft); it is logged and Current stays as it was.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.Failed(_logger, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(30, LogLevel.Debug, "The host stopped before the start-up license check finished.", EventName = "StartupCheckStopped")]
        public static partial void Stopped(ILogger logger);

        [LoggerMessage(31, LogLevel.Error, "The start-up license check failed unexpectedly.", EventName = "StartupCheckFailed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
