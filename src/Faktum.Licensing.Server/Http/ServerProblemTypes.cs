using Faktum.Licensing.Protocol;

namespace Faktum.Licensing.Server.Http;

/// <summary>
/// Problem types the server writes that <see cref="ProblemTypes"/> does not (yet) hold; same prefix, same stability
/// promise, listed in docs/protocol.md. They belong beside <see cref="ProblemTypes"/> once the protocol types move.
/// </summary>
internal static class ServerProblemTypes
{
    /// <summary>415: the body is not <c>application/json</c> (the route accepts only JSON).</summary>
    public const string UnsupportedMediaType = ProblemTypes.Prefix + "unsupported-media-type";

    /// <summary>408: the request (its body) did not arrive in time.</summary>
    public const string RequestTimeout = ProblemTypes.Prefix + "request-timeout";

    /// <summary>403: the admin API was asked over plain HTTP on a non-loopback address.</summary>
    public const string HttpsRequired = ProblemTypes.Prefix + "https-required";

    /// <summary>409: an admin action that makes no sense in the current state; the problem's <c>code</c> member says which (docs/server.md).</summary>
    public const string AdminActionRefused = ProblemTypes.Prefix + "admin-action-refused";

    /// <summary>500: an unexpected failure; no details are exposed.</summary>
    public const string ServerError = ProblemTypes.Prefix + "server-error";
}
