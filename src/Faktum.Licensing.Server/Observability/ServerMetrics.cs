using System.Diagnostics;
using System.Diagnostics.Metrics;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Registration;
using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Server.Observability;

/// <summary>
/// The server's counters (docs/operations.md, "Metrics and traces"). Every label is a closed set of values — an outcome,
/// a verdict, a limiter's name, an exception type — never a company, an e-mail, a token, a license id or an address.
/// The outcome is also set as the <c>faktum.outcome</c> attribute of the request's span.
/// </summary>
internal sealed class ServerMetrics
{
    private readonly Counter<long> _startupChecks;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _confirmations;
    private readonly Counter<long> _recoveries;
    private readonly Counter<long> _moves;
    private readonly Counter<long> _rateLimitRefusals;
    private readonly Counter<long> _storageErrors;
    private readonly Counter<long> _retentionPurged;

    public ServerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(ServerTelemetry.Name);
        _startupChecks = Meter.CreateCounter<long>("faktum.startup.checks", "{check}", "Start-up checks answered, by license verdict and update decision.");
        _registrations = Meter.CreateCounter<long>("faktum.registrations", "{registration}", "Registrations, by outcome.");
        _confirmations = Meter.CreateCounter<long>("faktum.confirmations", "{confirmation}", "Confirmations with a one-time password, by outcome.");
        _recoveries = Meter.CreateCounter<long>("faktum.recoveries", "{recovery}", "Recoveries (existing company), by outcome.");
        _moves = Meter.CreateCounter<long>("faktum.installations.moved", "{installation}", "Installations released for another one (S4, S8).");
        _rateLimitRefusals = Meter.CreateCounter<long>("faktum.rate_limit.refusals", "{request}", "Requests refused by a rate limit, by limiter.");
        _storageErrors = Meter.CreateCounter<long>("faktum.storage.errors", "{error}", "Requests failed by a database error, by exception type.");
        _retentionPurged = Meter.CreateCounter<long>("faktum.retention.purged", "{record}", "Records deleted by the retention purge, by kind.");
    }

    /// <summary>Gets the server's meter (created through <see cref="IMeterFactory"/>, disposed with the host).</summary>
    public Meter Meter { get; }

    public void StartupChecked(LicenseVerdict verdict, UpdateDecisionKind? decision)
    {
        var verdictName = verdict.ToString().ToLowerInvariant();
        var decisionName = decision?.ToString().ToLowerInvariant() ?? "none";
        _startupChecks.Add(1, new KeyValuePair<string, object?>("verdict", verdictName), new KeyValuePair<string, object?>("update", decisionName));
        Activity.Current?.SetTag("faktum.verdict", verdictName);
        Activity.Current?.SetTag("faktum.update", decisionName);
    }

    public void Registered(RegistrationStatus status) => Outcome(_registrations, status.ToString(), status == RegistrationStatus.RateLimited);

    public void Confirmed(ConfirmationStatus status) => Outcome(_confirmations, status.ToString(), status == ConfirmationStatus.RateLimited);

    public void Recovered(RecoveryStatus status) => Outcome(_recoveries, status.ToString(), status == RecoveryStatus.RateLimited);

    public void InstallationMoved() => _moves.Add(1);

    /// <summary>A request refused by a limiter: <c>address</c> policies by their name, or <c>email</c>.</summary>
    public void RateLimited(string limiter) => _rateLimitRefusals.Add(1, new KeyValuePair<string, object?>("limiter", limiter));

    public void StorageError(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _storageErrors.Add(1, new KeyValuePair<string, object?>("error.type", exception.GetType().Name));
    }

    /// <summary>One retention pass: each kind's deleted records (a kind with none adds nothing).</summary>
    public void RetentionPurged(Privacy.RetentionPurgeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        (string Kind, int Count)[] kinds =
        [
            ("one_time_passwords", result.OneTimePasswords),
            ("mails", result.Mails),
            ("idempotency_records", result.IdempotencyRecords),
            ("unconfirmed_registrations", result.UnconfirmedRegistrations),
        ];
        foreach (var (kind, count) in kinds.Where(k => k.Count > 0))
        {
            _retentionPurged.Add(count, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    private void Outcome(Counter<long> counter, string status, bool emailLimited)
    {
        var outcome = status.ToLowerInvariant();
        counter.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        Activity.Current?.SetTag("faktum.outcome", outcome);
        if (emailLimited)
        {
            RateLimited("email");
        }
    }
}
