using System.Text;
using System.Text.Json;
using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.Keys;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Updates;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Startup;

/// <summary>
/// Owns the claims of the signed start-up response (typ <c>faktum-startup+jwt</c>, names in
/// <see cref="StartupResponseClaimNames"/>) and signs it with the ring's signing key. Valid for five minutes.
/// </summary>
internal sealed class StartupResponseWriter(IOptions<FaktumServerOptions> options, SigningKeyRing keys, TimeProvider time)
{
    /// <summary>How long a signed start-up response is valid (<c>exp</c> − <c>iat</c>).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Writes and signs <paramref name="response"/>; returns the compact JWS.</summary>
    public string Sign(StartupResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = time.GetUtcNow();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", options.Value.Issuer);
            writer.WriteString("aud", response.Product);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", (now + Lifetime).ToUnixTimeSeconds());
            writer.WriteString(StartupResponseClaimNames.Nonce, response.Nonce);
            writer.WriteNumber(StartupResponseClaimNames.ServerTime, now.ToUnixTimeSeconds());
            WriteLicense(writer, new StartupLicenseAnswer(response.Verdict, response.License, response.Company));
            if (response.Licenses is { } licenses)
            {
                // S9: one object per license of the request, in its order, with the members above.
                writer.WriteStartArray(StartupResponseClaimNames.Licenses);
                foreach (var answer in licenses)
                {
                    writer.WriteStartObject();
                    WriteLicense(writer, answer);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            // The update decision, when the license is known and the installed version and channel could be read.
            writer.WritePropertyName(StartupResponseClaimNames.Updates);
            if (response.Updates is { } updates)
            {
                UpdateDecisionWire.Write(writer, updates.Decision, updates.SignedFormOf);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        return JwsSigner.Sign(StartupResponseClaimNames.TokenType, Encoding.UTF8.GetString(buffer.ToArray()), keys.Signing);
    }

    /// <summary>The members about one license: its verdict, the trial's days left, the refreshed token and the company, each when it applies.</summary>
    private static void WriteLicense(Utf8JsonWriter writer, StartupLicenseAnswer answer)
    {
        writer.WriteString(StartupResponseClaimNames.Verdict, answer.Verdict.Verdict.ToWire());
        if (answer.Verdict.TrialDaysLeft is { } days)
        {
            writer.WriteNumber(StartupResponseClaimNames.TrialDaysLeft, days);
        }

        if (answer.License is not null)
        {
            writer.WriteString(StartupResponseClaimNames.License, answer.License);
        }

        if (answer.Company is not null)
        {
            writer.WritePropertyName(StartupResponseClaimNames.Company);
            JsonSerializer.Serialize(writer, answer.Company, Http.RequestReader.Json);
        }
    }
}
