using Faktum.Licensing.Protocol;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Configuration;

/// <summary>Validates <see cref="FaktumServerOptions"/> at start; every message says how to fix the setting.</summary>
internal sealed class FaktumServerOptionsValidator : IValidateOptions<FaktumServerOptions>
{
    public ValidateOptionsResult Validate(string? name, FaktumServerOptions options)
    {
        var failures = new List<string>();
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Check(options, "FaktumServer", failures, results);
        Check(options.Email, "FaktumServer:Email", failures, results);
        Check(options.Email.Smtp, "FaktumServer:Email:Smtp", failures, results);
        Check(options.Email.Outbox, "FaktumServer:Email:Outbox", failures, results);
        Check(options.RateLimits, "FaktumServer:RateLimits", failures, results);
        Check(options.Admin, "FaktumServer:Admin", failures, results);
        Check(options.Console, "FaktumServer:Console", failures, results);

        if (options.LicenseTokenLifetime < TimeSpan.FromMinutes(10))
        {
            failures.Add("FaktumServer:LicenseTokenLifetime must be at least 00:10:00; set it to e.g. 30.00:00:00.");
        }

        if (options.OneTimePasswordLifetime < TimeSpan.FromMinutes(1) || options.OneTimePasswordLifetime > TimeSpan.FromDays(1))
        {
            failures.Add("FaktumServer:OneTimePasswordLifetime must lie between 00:01:00 and 1.00:00:00; the default is 00:30:00.");
        }

        if (options.MailboxRegistrationWindow < TimeSpan.FromMinutes(1) || options.MailboxRegistrationWindow > TimeSpan.FromDays(365))
        {
            failures.Add("FaktumServer:MailboxRegistrationWindow must lie between 00:01:00 and 365.00:00:00; the default is 1.00:00:00.");
        }

        if (options.UnconfirmedRegistrationLifetime < options.OneTimePasswordLifetime || options.UnconfirmedRegistrationLifetime > TimeSpan.FromDays(365))
        {
            failures.Add("FaktumServer:UnconfirmedRegistrationLifetime must lie between FaktumServer:OneTimePasswordLifetime and 365.00:00:00; the default is 7.00:00:00.");
        }

        if (options.MoveWindow < TimeSpan.FromHours(1) || options.MoveWindow > TimeSpan.FromDays(366))
        {
            failures.Add("FaktumServer:MoveWindow must lie between 01:00:00 and 366.00:00:00; the default is 30.00:00:00.");
        }

        var outbox = options.Email.Outbox;
        if (outbox.RetryDelay < TimeSpan.FromMilliseconds(100) || outbox.RetryDelay > TimeSpan.FromHours(1))
        {
            failures.Add("FaktumServer:Email:Outbox:RetryDelay must lie between 00:00:00.1 and 01:00:00; the default is 00:00:30.");
        }

        if (options.Observability.OutboxSampleInterval < TimeSpan.FromMilliseconds(10) || options.Observability.OutboxSampleInterval > TimeSpan.FromHours(1))
        {
            failures.Add("FaktumServer:Observability:OutboxSampleInterval must lie between 00:00:00.01 and 01:00:00; the default is 00:00:15.");
        }

        if (options.Retention.OneTimePasswords < TimeSpan.Zero || options.Retention.OneTimePasswords > TimeSpan.FromDays(365))
        {
            failures.Add("FaktumServer:Retention:OneTimePasswords must lie between 00:00:00 and 365.00:00:00; the default is 1.00:00:00.");
        }

        if (options.Retention.Interval < TimeSpan.FromMinutes(1) || options.Retention.Interval > TimeSpan.FromDays(1))
        {
            failures.Add("FaktumServer:Retention:Interval must lie between 00:01:00 and 1.00:00:00; the default is 01:00:00.");
        }

        if (options.Retention.UnconfirmedRegistrations < options.UnconfirmedRegistrationLifetime || options.Retention.UnconfirmedRegistrations > TimeSpan.FromDays(3650))
        {
            failures.Add("FaktumServer:Retention:UnconfirmedRegistrations must lie between FaktumServer:UnconfirmedRegistrationLifetime and 3650.00:00:00; the default is 30.00:00:00.");
        }

        if (options.Console.Url is { Length: > 0 } consoleUrl && (!Uri.TryCreate(consoleUrl, UriKind.Absolute, out var consoleUri)
            || consoleUri.Scheme is not ("http" or "https") || consoleUri.Port == 0 || consoleUri.AbsolutePath != "/"))
        {
            failures.Add($"FaktumServer:Console:Url '{consoleUrl}' must be an http(s) URL with an explicit port and no path, e.g. http://127.0.0.1:5081.");
        }

        if (options.Console.IdleTimeout <= TimeSpan.Zero || options.Console.LockoutDuration <= TimeSpan.Zero)
        {
            failures.Add("FaktumServer:Console:IdleTimeout and LockoutDuration must be positive; the defaults are 00:30:00 and 00:15:00.");
        }

        if (options.Health.MaxOutboxLag <= TimeSpan.Zero)
        {
            failures.Add("FaktumServer:Health:MaxOutboxLag must be positive; the default is 00:15:00.");
        }

        if (options.Observability.OtlpEndpoint is { IsAbsoluteUri: false })
        {
            failures.Add("FaktumServer:Observability:OtlpEndpoint must be an absolute URI such as http://collector:4317.");
        }

        if (outbox.PollInterval < TimeSpan.FromMilliseconds(10) || outbox.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add("FaktumServer:Email:Outbox:PollInterval must lie between 00:00:00.01 and 01:00:00; the default is 00:00:30.");
        }

        if (outbox.Retention < TimeSpan.FromHours(1) || outbox.Retention > TimeSpan.FromDays(3650))
        {
            failures.Add("FaktumServer:Email:Outbox:Retention must lie between 01:00:00 and 3650.00:00:00; the default is 30.00:00:00.");
        }

        if (options.IdempotencyRetention < TimeSpan.FromMinutes(10) || options.IdempotencyRetention > TimeSpan.FromDays(365))
        {
            failures.Add("FaktumServer:IdempotencyRetention must lie between 00:10:00 and 365.00:00:00; the default is 1.00:00:00.");
        }

        if (options.RateLimits.AddressWindow <= TimeSpan.Zero || options.RateLimits.EmailWindow <= TimeSpan.Zero)
        {
            failures.Add("FaktumServer:RateLimits windows must be positive, e.g. 00:01:00.");
        }

        foreach (var product in options.EffectiveProducts)
        {
            if (!ProductIds.IsValid(product))
            {
                failures.Add($"FaktumServer:Products holds '{product}': a product id may hold only {ProductIds.Rule}, the rule the SDK applies too.");
            }
        }

        if (options.CopyRetryWindow < TimeSpan.Zero || options.CopyRetryWindow > TimeSpan.FromDays(1))
        {
            failures.Add("FaktumServer:CopyRetryWindow must lie between 00:00:00 and 1.00:00:00; the default is 00:05:00.");
        }

        foreach (var (product, names) in options.TrialEntitlements)
        {
            if (!options.EffectiveProducts.Contains(product, StringComparer.Ordinal))
            {
                failures.Add($"FaktumServer:TrialEntitlements names '{product}', which is not in FaktumServer:Products; name a product of this server.");
            }
            else if (names.Count > Licenses.EntitlementNames.MaxCount || names.Any(n => !Licenses.EntitlementNames.IsValid(n)))
            {
                failures.Add($"FaktumServer:TrialEntitlements:{product} must hold at most {Licenses.EntitlementNames.MaxCount} names of {Licenses.EntitlementNames.Rule}.");
            }
        }

        if (options.Email.Mode == EmailMode.Smtp && string.IsNullOrWhiteSpace(options.Email.Smtp.Host))
        {
            failures.Add("FaktumServer:Email:Mode is Smtp but FaktumServer:Email:Smtp:Host is empty; set the host or use Mode Pickup.");
        }

        if (options.Storage.Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(options.Storage.ConnectionString))
        {
            failures.Add("FaktumServer:Storage:Provider is PostgreSql but FaktumServer:Storage:ConnectionString is empty; set it, e.g. 'Host=db;Database=faktum;Username=faktum;Password=…'.");
        }

        if (!Enum.IsDefined(options.Storage.Provider))
        {
            failures.Add("FaktumServer:Storage:Provider must be Sqlite or PostgreSql.");
        }

        if (options.AdminApiKey is { Length: > 0 } key && Admin.AdminKeyStrength.Weakness(key) is { } weakness)
        {
            failures.Add($"FaktumServer:AdminApiKey {weakness}. Use a random key of at least {Admin.AdminKeyStrength.MinimumLength} characters, e.g. the output of 'openssl rand -base64 32', or leave it unset to disable the admin API.");
        }

        if (options.Admin.FailedAttemptWindow < TimeSpan.FromSeconds(1) || options.Admin.FailedAttemptWindow > TimeSpan.FromDays(1))
        {
            failures.Add("FaktumServer:Admin:FailedAttemptWindow must lie between 00:00:01 and 1.00:00:00; the default is 00:01:00.");
        }

        var forwarded = options.ForwardedHeaders;
        if (forwarded.EnabledByEnvironment && !forwarded.Enabled)
        {
            failures.Add("ASPNETCORE_FORWARDEDHEADERS_ENABLED is on, which would believe X-Forwarded-For from any client and defeat the per-address limits. "
                + "Name the proxies in FaktumServer:ForwardedHeaders:KnownProxies (e.g. 10.0.0.5) or their networks in FaktumServer:ForwardedHeaders:KnownNetworks (e.g. 10.0.0.0/24), or turn the switch off.");
        }

        foreach (var proxy in forwarded.KnownProxies)
        {
            if (!System.Net.IPAddress.TryParse(proxy, out _))
            {
                failures.Add($"FaktumServer:ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address; write e.g. 10.0.0.5 or fd00::5.");
            }
        }

        foreach (var network in forwarded.KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
            {
                failures.Add($"FaktumServer:ForwardedHeaders:KnownNetworks holds '{network}', which is not a network in CIDR notation; write e.g. 10.0.0.0/24.");
            }
        }

        foreach (var file in options.SigningKeyFiles)
        {
            if (!File.Exists(file))
            {
                failures.Add($"FaktumServer:SigningKeyFiles names '{file}', which does not exist; generate one with 'keys generate' or remove the entry.");
            }
        }

        foreach (var file in options.VerificationKeyFiles)
        {
            if (!File.Exists(file))
            {
                failures.Add($"FaktumServer:VerificationKeyFiles names '{file}', which does not exist; write a key's public half with 'keys public --file <signing key>' or remove the entry.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object instance, string section, List<string> failures, List<System.ComponentModel.DataAnnotations.ValidationResult> results)
    {
        results.Clear();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(instance, new(instance), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
