namespace Faktum.Licensing.Server.Hosting;

/// <summary>
/// Adds the security headers to every answer the pipeline writes — including problems from the exception handler and
/// status-code pages, which clear the headers first (hence <see cref="HttpResponse.OnStarting(Func{Task})"/>): no MIME
/// sniffing, no referrer, never framed, and API answers (<c>/v1/…</c>) never stored by a cache.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            if (http.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
            {
                headers.CacheControl = "no-store";
                headers.Remove("Pragma");
                headers.Remove("Expires");
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
