namespace Faktum.Licensing.Server.Registration;

/// <summary>A JSON answer as it is sent, and as an idempotency record keeps it for a replay.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The JSON body.</param>
internal sealed record StoredAnswer(int StatusCode, string Body);
