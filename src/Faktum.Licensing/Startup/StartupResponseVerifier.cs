using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Faktum.Licensing.Http;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Startup;

/// <summary>
/// Verifies a signed start-up response: signature under a pinned key (through <see cref="SignedJwt"/>: alg allow-list, typ,
/// iss, aud), the echoed nonce (constant time), the lifetime (<c>exp</c>, <c>iat</c>) on the server's clock, the server time
/// and the verdict. Policy only: no I/O.
/// </summary>
internal sealed class StartupResponseVerifier
{
    private const int MaxResponseLength = 64 * 1024; // a response to 25 licenses carries 25 refreshed tokens
    private readonly SignedJwt _jwt;
    private readonly TimeSpan _tolerance;

    public StartupResponseVerifier(string issuer, string product, IEnumerable<PinnedKey> trustedKeys, TimeSpan tolerance)
    {
        _jwt = new SignedJwt(StartupResponseClaimNames.TokenType, issuer, product, trustedKeys, [SigningAlgorithms.Ed25519, SigningAlgorithms.EdDsa], MaxResponseLength);
        _tolerance = tolerance;
    }

    /// <summary>Verifies <paramref name="response"/>; a refusal is an <see cref="LicensingFailure.InvalidResponse"/> whose message says why (safe to log).</summary>
    /// <param name="response">The signed start-up response.</param>
    /// <param name="expectedNonce">The nonce this request carried.</param>
    /// <param name="exchangeDuration">How long the exchange took, measured on the <see cref="TimeProvider"/> from before the request was sent.</param>
    /// <param name="expectedLicenses">How many license tokens the request carried (S9): more than one, and the response must answer for each.</param>
    public LicensingResult<StartupVerification> Verify(string response, string expectedNonce, TimeSpan exchangeDuration, int expectedLicenses = 1)
    {
        var (failure, message, payload) = _jwt.Validate(response);
        if (payload is null)
        {
            return Refused($"The start-up response's signature or header was refused ({failure}): {message}");
        }

        using (payload)
        {
            var root = payload.RootElement;
            if (!root.TryGetProperty(StartupResponseClaimNames.Nonce, out var nonce) || nonce.ValueKind != JsonValueKind.String
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce.GetString()!), Encoding.UTF8.GetBytes(expectedNonce)))
            {
                return Refused("The start-up response does not echo this request's nonce: it is a replay or belongs to another request.");
            }

            if (!TryTime(root, "exp", out var expires) || !TryTime(root, "iat", out _) || !TryTime(root, StartupResponseClaimNames.ServerTime, out var serverTime))
            {
                return Refused("The start-up response lacks exp, iat or server_time.");
            }

            // The echoed nonce proves the response was made after this request was sent, so it is at most as old as the exchange.
            // Its lifetime is therefore judged on the server's clock (server_time + the exchange's duration), not on this computer's:
            // a local clock running ahead of the server must not turn every fresh answer into an expired one (a clock behind the
            // server is ClockRolledBack, decided by the caller).
            if (serverTime + exchangeDuration >= expires + _tolerance)
            {
                return Refused("The start-up response has expired.");
            }

            var first = ReadAnswer(root, out var why);
            if (first is null)
            {
                return Refused("The start-up response " + why);
            }

            IReadOnlyList<StartupLicenseAnswer> answers = [first];
            if (expectedLicenses > 1)
            {
                // S9: one answer per license of the request, in its order; a response that does not account for each is refused whole.
                if (!root.TryGetProperty(StartupResponseClaimNames.Licenses, out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != expectedLicenses)
                {
                    return Refused($"The start-up response does not answer for each of the {expectedLicenses} licenses of the request.");
                }

                var list = new List<StartupLicenseAnswer>(expectedLicenses);
                foreach (var slot in array.EnumerateArray())
                {
                    if (slot.ValueKind != JsonValueKind.Object || ReadAnswer(slot, out why) is not { } answer)
                    {
                        return Refused($"The start-up response's answer for license {list.Count + 1} " + (slot.ValueKind == JsonValueKind.Object ? why : "is not an object."));
                    }

                    list.Add(answer);
                }

                answers = list;
            }

            JsonElement? updates = root.TryGetProperty(StartupResponseClaimNames.Updates, out var updatesElement) && updatesElement.ValueKind != JsonValueKind.Null
                ? updatesElement.Clone()
                : null;
            return new(new StartupVerification(first.Verdict, first.TrialDaysLeft, first.License, first.Company, serverTime) { Updates = updates, Licenses = answers });
        }
    }

    /// <summary>The members of one license's answer (the top level, or a slot of <c>licenses</c>); <see langword="null"/> with why not.</summary>
    private static StartupLicenseAnswer? ReadAnswer(JsonElement element, out string why)
    {
        why = string.Empty;
        if (!element.TryGetProperty(StartupResponseClaimNames.Verdict, out var verdictElement) || verdictElement.ValueKind != JsonValueKind.String
            || !LicenseVerdictNames.TryParse(verdictElement.GetString(), out var verdict))
        {
            why = "carries no known verdict.";
            return null;
        }

        int? trialDaysLeft = null;
        if (element.TryGetProperty(StartupResponseClaimNames.TrialDaysLeft, out var days) && days.ValueKind != JsonValueKind.Null)
        {
            if (days.ValueKind != JsonValueKind.Number || !days.TryGetInt32(out var value) || value < 0)
            {
                why = "has a trial_days_left that is not a whole number of days.";
                return null;
            }

            trialDaysLeft = value;
        }

        string? license = null;
        if (element.TryGetProperty(StartupResponseClaimNames.License, out var licenseElement) && licenseElement.ValueKind != JsonValueKind.Null)
        {
            if (licenseElement.ValueKind != JsonValueKind.String)
            {
                why = "has a license that is not a string.";
                return null;
            }

            license = licenseElement.GetString();
        }

        CompanyProfile? company = null;
        if (element.TryGetProperty(StartupResponseClaimNames.Company, out var companyElement) && companyElement.ValueKind != JsonValueKind.Null)
        {
            company = CompanyProfileWire.Read(companyElement);
            if (company is null)
            {
                why = "has a company that is not a company profile.";
                return null;
            }
        }

        return new StartupLicenseAnswer(verdict, trialDaysLeft, license, company);
    }

    private static LicensingResult<StartupVerification> Refused(string why) => new(LicensingError.Of(LicensingFailure.InvalidResponse, why));

    private static bool TryTime(JsonElement root, string name, out DateTimeOffset value)
    {
        value = default;
        if (root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number
            && element.TryGetInt64(out var seconds) && seconds is >= 0 and <= 253402300799)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        return false;
    }
}
