using System.Net;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Internal;

/// <summary>
/// Every rule of <see cref="FaktumLicensingOptions"/>: the required server, product and issuer, URL scheme, pinned keys and their
/// thumbprints, version, channel, folder, ranges. Plain code, no DataAnnotations or regular expressions: it runs at every start.
/// </summary>
internal sealed class FaktumLicensingOptionsValidator : IValidateOptions<FaktumLicensingOptions>
{
    internal const string ServerUrlRequired = "Set FaktumLicensingOptions.ServerUrl to the license server's base address, for example https://licenses.example.com/.";
    internal const string ProductIdRequired = "Set FaktumLicensingOptions.ProductId to the product id the license server knows this app by, for example faktum-factuur.";
    internal const string ProductIdMalformed = "FaktumLicensingOptions.ProductId may hold only " + ProductIds.Rule + ".";
    internal const string IssuerRequired = "Set FaktumLicensingOptions.Issuer to the license server's issuer name, or leave it at its default faktum-licensing-server.";

    public ValidateOptionsResult Validate(string? name, FaktumLicensingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();

        // The three members the attributes describe fail as "Member: message", the form DataAnnotations gives their failures.
        if (options.ServerUrl is null)
        {
            builder.AddError($"{nameof(options.ServerUrl)}: {ServerUrlRequired}");
        }

        if (string.IsNullOrWhiteSpace(options.ProductId))
        {
            builder.AddError($"{nameof(options.ProductId)}: {ProductIdRequired}");
        }
        else if (!ProductIds.IsValid(options.ProductId))
        {
            builder.AddError($"{nameof(options.ProductId)}: {ProductIdMalformed}");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            builder.AddError($"{nameof(options.Issuer)}: {IssuerRequired}");
        }

        if (options.ServerUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                builder.AddError("FaktumLicensingOptions.ServerUrl must be an absolute https URL, for example https://licenses.example.com/.", nameof(options.ServerUrl));
            }
            else if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
            {
                builder.AddError($"FaktumLicensingOptions.ServerUrl '{url}' uses http: use https (http is accepted only for a loopback address such as http://127.0.0.1:5000/).", nameof(options.ServerUrl));
            }
            else if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            {
                builder.AddError("FaktumLicensingOptions.ServerUrl must not carry a query or fragment: give only the server's base address.", nameof(options.ServerUrl));
            }
        }

        if (options.TrustedKeys.Count == 0)
        {
            builder.AddError("FaktumLicensingOptions.TrustedKeys is empty: pin at least one license server key as \"kid\": \"x\" (both from the server's /.well-known/jwks.json).", nameof(options.TrustedKeys));
        }

        foreach (var (kid, x) in options.TrustedKeys)
        {
            if (TryThumbprint(x) is not { } thumbprint)
            {
                builder.AddError($"FaktumLicensingOptions.TrustedKeys['{kid}'] is not an Ed25519 public key: give the 'x' member of the server's OKP JWK (43 characters of unpadded base64url).", nameof(options.TrustedKeys));
            }
            else if (!string.Equals(kid, thumbprint, StringComparison.Ordinal))
            {
                builder.AddError(
                    $"FaktumLicensingOptions.TrustedKeys['{kid}']: a key id must be the RFC 7638 thumbprint of its key; for this key it is '{thumbprint}'. Copy kid and x together from the server's /.well-known/jwks.json.",
                    nameof(options.TrustedKeys));
            }
        }

        foreach (var (kid, x) in options.ReleaseKeys)
        {
            if (TryThumbprint(x) is not { } thumbprint)
            {
                builder.AddError(
                    $"FaktumLicensingOptions.ReleaseKeys['{kid}'] is not an Ed25519 public key: give the 'x' of the release key (43 characters of unpadded base64url), as `releases keygen` printed it.", nameof(options.ReleaseKeys));
            }
            else if (!string.Equals(kid, thumbprint, StringComparison.Ordinal))
            {
                builder.AddError($"FaktumLicensingOptions.ReleaseKeys['{kid}']: a key id must be the RFC 7638 thumbprint of its key; for this key it is '{thumbprint}'.", nameof(options.ReleaseKeys));
            }
            else if (options.TrustedKeys.ContainsKey(kid))
            {
                builder.AddError($"FaktumLicensingOptions.ReleaseKeys['{kid}'] is also a license key: releases must be signed with a separate release key.", nameof(options.ReleaseKeys));
            }
        }

        if (string.IsNullOrWhiteSpace(options.AppVersion) || options.AppVersion.Length > 64)
        {
            builder.AddError(
                "FaktumLicensingOptions.AppVersion is empty or longer than 64 characters: set it to the app's SemVer version, for example 2.3.1, or give the entry assembly an informational version.", nameof(options.AppVersion));
        }

        if (string.IsNullOrWhiteSpace(options.Channel))
        {
            builder.AddError("FaktumLicensingOptions.Channel is empty: leave it at 'stable' or name a channel the server serves: stable, beta or alpha.", nameof(options.Channel));
        }
        else if (!ReleaseChannels.TryParse(options.Channel, out _))
        {
            builder.AddError($"FaktumLicensingOptions.Channel '{options.Channel}' is not a channel the server serves: use stable, beta or alpha (lower case).", nameof(options.Channel));
        }

        if (options.DataDirectory is null)
        {
            if (!string.IsNullOrWhiteSpace(options.ProductId))
            {
                builder.AddError("FaktumLicensingOptions.DataDirectory could not be derived: this system has no local application data folder. Set DataDirectory to an absolute folder.", nameof(options.DataDirectory));
            }
        }
        else if (string.IsNullOrWhiteSpace(options.DataDirectory) || !Path.IsPathFullyQualified(options.DataDirectory))
        {
            builder.AddError($"FaktumLicensingOptions.DataDirectory '{options.DataDirectory}' is not a full path: give an absolute folder, or leave it unset for the local application data folder.", nameof(options.DataDirectory));
        }

        Range(builder, options.OfflineGrace, TimeSpan.Zero, TimeSpan.FromDays(365), "FaktumLicensingOptions.OfflineGrace must lie between 0 and 365 days, for example 14.00:00:00.", nameof(options.OfflineGrace));
        Range(builder, options.ClockTolerance, TimeSpan.Zero, TimeSpan.FromDays(1), "FaktumLicensingOptions.ClockTolerance must lie between 0 and 1 day, for example 00:05:00.", nameof(options.ClockTolerance));
        Range(builder, options.RequestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5),
            "FaktumLicensingOptions.RequestTimeout must lie between 100 milliseconds and 5 minutes, for example 00:00:10.", nameof(options.RequestTimeout));
        Range(builder, options.StartupCheckTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5),
            "FaktumLicensingOptions.StartupCheckTimeout must lie between 100 milliseconds and 5 minutes, for example 00:00:05.", nameof(options.StartupCheckTimeout));
        Range(builder, options.MaxResponseBytes, 4096, 16 * 1024 * 1024, "FaktumLicensingOptions.MaxResponseBytes must lie between 4096 and 16777216, for example 65536.", nameof(options.MaxResponseBytes));
        return builder.Build();
    }

    private static void Range<T>(ValidateOptionsResultBuilder builder, T value, T min, T max, string message, string member)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            builder.AddError(message, member);
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static string? TryThumbprint(string? x)
    {
        if (x is null || Base64UrlStrict.Decode(x) is not { Length: Ed25519SecurityKey.KeySizeInBytes } bytes)
        {
            return null;
        }

        return PinnedKey.TryImport(bytes)?.KeyId;
    }
}
