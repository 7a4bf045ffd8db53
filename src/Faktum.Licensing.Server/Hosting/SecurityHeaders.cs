namespace Faktum.Licensing.Server.Hosting;

/// <summary>
/// Adds the security headers to every answer the pipeline writes — including problems from the exception handler and
/// status-code pages, which clear the headers first (hence <see cref="HttpResponse.OnStarting(Func{Task})"/>): no MIME
/// sniffing, no referrer, never framed, and API answers (<c>/v1/…</c>) never stored by a cache. The web console
/// (<c>/console</c>) may in addition load its own style sheet, show data-URI images (the TOTP QR code) and post forms
/// to itself; it runs no script at all, and its pages are never stored either.
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
            var console = WebConsole.ConsoleHosting.IsConsolePath(http.Request.Path);
            headers.ContentSecurityPolicy = console
                ? "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
                : "default-src 'none'; frame-ancestors 'none'";
            if (console || http.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
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
