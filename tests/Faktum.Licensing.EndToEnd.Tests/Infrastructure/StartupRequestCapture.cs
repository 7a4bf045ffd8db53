using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Faktum.Licensing.EndToEnd.Tests.Infrastructure;

/// <summary>One POST /v1/startup as it arrived at the server, before any of the server's own middleware.</summary>
internal sealed record CapturedRequest(byte[] Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>Registered in the server through <c>LicenseServerHostOptions.ConfigureServices</c>: records every start-up request.</summary>
internal sealed class StartupRequestCapture : IStartupFilter
{
    private readonly List<CapturedRequest> _requests = [];

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/v1/startup", StringComparison.Ordinal))
            {
                context.Request.EnableBuffering();
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
                context.Request.Body.Position = 0;
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                lock (_requests)
                {
                    _requests.Add(new CapturedRequest(buffer.ToArray(), headers));
                }
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}
