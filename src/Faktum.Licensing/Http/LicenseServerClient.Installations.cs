using System.Net.Http.Headers;
using System.Text.Json;
using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Http;

/// <summary>The owner's installations (S8): /v1/installations, each call with the license token as bearer.</summary>
internal sealed partial class LicenseServerClient
{
    /// <summary>GET /v1/installations: retried like recovery (a GET changes nothing).</summary>
    public async Task<LicensingResult<InstallationOverview>> GetInstallationsAsync(string licenseToken, CancellationToken cancellationToken)
    {
        const string Path = "v1/installations";
        var answer = await _transport.SendWithoutBodyAsync(RetryingClientName, HttpMethod.Get, Path, Bearer(licenseToken), cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            return new(answer.Error);
        }

        InstallationListResponse? body;
        try
        {
            body = JsonSerializer.Deserialize(answer.Value, ProtocolJsonContext.Default.InstallationListResponse);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?.Installations is not { } list || list.Any(i => i is null || string.IsNullOrEmpty(i.Id)))
        {
            Log.AnswerRefused(_logger, Path, "the body is not a list of installations");
            return new(LicensingError.Of(LicensingFailure.InvalidResponse, "The license server's answer holds no list of installations."));
        }

        return new(new InstallationOverview(body.Seats, body.MovesLeft, body.NextMoveAt, [.. list.Select(InstallationWire.ToPublic)]));
    }

    /// <summary>POST /v1/installations/{id}/release: one attempt, never repeated blindly (a release is a move).</summary>
    public async Task<LicensingResult> ReleaseInstallationAsync(string id, string licenseToken, CancellationToken cancellationToken)
    {
        var answer = await _transport.SendWithoutBodyAsync(
            SingleAttemptClientName, HttpMethod.Post, $"v1/installations/{Uri.EscapeDataString(id)}/release", Bearer(licenseToken), cancellationToken).ConfigureAwait(false);
        return answer.Succeeded ? LicensingResult.Success : new LicensingResult(answer.Error);
    }

    /// <summary>PATCH /v1/installations/{id}: one attempt, like the company correction.</summary>
    public async Task<LicensingResult> RenameInstallationAsync(string id, string? label, string licenseToken, CancellationToken cancellationToken)
    {
        var answer = await _transport.SendAsync(
            SingleAttemptClientName, HttpMethod.Patch, $"v1/installations/{Uri.EscapeDataString(id)}", new InstallationLabelRequest(label),
            ProtocolJsonContext.Default.InstallationLabelRequest, Bearer(licenseToken), failFastWhenUnreachable: false, deadline: null, cancellationToken).ConfigureAwait(false);
        return answer.Succeeded ? LicensingResult.Success : new LicensingResult(answer.Error);
    }

    private static Action<HttpRequestHeaders> Bearer(string licenseToken) =>
        headers => headers.Authorization = new AuthenticationHeaderValue("Bearer", licenseToken);
}
