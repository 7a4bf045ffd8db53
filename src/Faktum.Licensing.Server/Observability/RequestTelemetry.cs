using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Observability;

/// <summary>
/// One server span per request, named and tagged by the route template (<c>POST /v1/startup</c>), method and status —
/// never the path or the query, which may hold a license id — and the count of requests a database error failed.
/// ASP.NET Core's own <c>http.server.request.duration</c> histogram measures the duration per endpoint.
/// </summary>
internal sealed class RequestTelemetry(RequestDelegate next, ServerMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var method = context.Request.Method;
        using var activity = Start(route is null ? method : $"{method} {route}");
        activity?.SetTag("http.request.method", method);
        if (route is not null)
        {
            activity?.SetTag("http.route", route);
        }

        try
        {
            await next(context).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", context.Response.StatusCode);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            metrics.StorageError(e);
            activity?.SetTag("error.type", e.GetType().Name);
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
    }

    /// <summary>
    /// Starts the request's span as a child of the caller's trace context (W3C <c>traceparent</c>), not of ASP.NET Core's
    /// own request activity: that one is not recorded unless its source is listened to, and a parent-based sampler would
    /// then drop ours too.
    /// </summary>
    private static Activity? Start(string name)
    {
        var framework = Activity.Current;
        if (framework is null)
        {
            return ServerTelemetry.ActivitySource.StartActivity(name, ActivityKind.Server);
        }

        var caller = framework.ParentId is { } parentId && ActivityContext.TryParse(parentId, framework.TraceStateString, isRemote: true, out var parsed) ? parsed : default;
        Activity.Current = null;
        var activity = ServerTelemetry.ActivitySource.StartActivity(name, ActivityKind.Server, caller);
        if (activity is null)
        {
            Activity.Current = framework;
        }

        return activity;
    }
}
