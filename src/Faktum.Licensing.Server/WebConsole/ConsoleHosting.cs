using System.Globalization;
using System.Net;
using System.Security.Claims;
using Faktum.Licensing.Server.Configuration;
using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// The vendor's web console: Razor Pages under <c>/console</c> (folder WebConsole/Pages), staff cookie sign-in with a second
/// factor, Dutch by default and English by a language switch (a cookie). Configured by <c>FaktumServer:Console</c>.
/// </summary>
internal static partial class ConsoleHosting
{
    public const string PathPrefix = "/console";
    public const string Scheme = "FaktumConsole";
    public const string SecondFactorScheme = "FaktumConsole.SecondFactor";
    public const string LanguageCookie = "faktum-console-lang";

    /// <summary>
    /// Adds the console's own URL to the server's URLs, so Kestrel listens there too; then refuses to start when the console
    /// would answer plain HTTP on a non-loopback address, unless <see cref="ConsoleOptions.AllowPlainHttp"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The console would be served over plain HTTP on the network.</exception>
    public static void AddDedicatedUrl(WebApplicationBuilder builder, ConsoleOptions console)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(console);
        if (!console.Enabled)
        {
            return;
        }

        var current = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (string.IsNullOrEmpty(current))
        {
            var ports = Ports(builder.Configuration[WebHostDefaults.HttpPortsKey], "http").Concat(Ports(builder.Configuration[WebHostDefaults.HttpsPortsKey], "https")).ToList();
            current = ports.Count > 0 ? string.Join(';', ports) : "http://localhost:5000";
        }

        var consoleUrls = console.Url is { Length: > 0 } url ? url : current;
        if (!console.AllowPlainHttp && consoleUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(IsPlainHttpOnTheNetwork) is { } plain)
        {
            throw new InvalidOperationException(
                $"The web console would answer plain HTTP on a non-loopback address ({plain}), so staff passwords and session cookies would cross the network in clear text. "
                + "Serve the server over HTTPS, give the console a loopback URL of its own (FaktumServer:Console:Url, e.g. http://127.0.0.1:5081), "
                + "turn it off (FaktumServer:Console:Enabled=false), or, behind a proxy that ends TLS, set FaktumServer:Console:AllowPlainHttp=true.");
        }

        if (console.Url is { Length: > 0 } own)
        {
            builder.WebHost.UseUrls($"{current};{own}");
        }
    }

    /// <summary>Whether Kestrel serves <paramref name="url"/> over plain HTTP on more than loopback (a wildcard, an address or a host name other than localhost).</summary>
    internal static bool IsPlainHttpOnTheNetwork(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var authority = url["http://".Length..].Split('/')[0];
        var host = authority.StartsWith('[') ? authority[..(authority.IndexOf(']', StringComparison.Ordinal) + 1)] : authority.Split(':')[0];
        return !(string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
    }

    private static IEnumerable<string> Ports(string? ports, string scheme) =>
        (ports ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"{scheme}://*:{p}");

    public static void AddServices(IServiceCollection services, ConsoleOptions console, string dataDirectory)
    {
        if (!console.Enabled)
        {
            return;
        }

        // Protects the TOTP secrets, the cookies and the antiforgery tokens; keys beside the signing keys, owner-only (F10).
        services.AddDataProtection().SetApplicationName("Faktum.Licensing.Server");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(keys =>
            keys.XmlRepository = new OwnerOnlyXmlRepository(Path.Combine(dataDirectory, "console-keys"), provider.GetRequiredService<ILoggerFactory>())));
        services.AddLocalization();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<ConsoleHome>();
        services.AddScoped<ConsoleActions>();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/WebConsole/Pages";
            o.Conventions.AddFolderRouteModelConvention("/", model =>
            {
                foreach (var selector in model.Selectors)
                {
                    selector.AttributeRouteModel!.Template = AttributeRouteModel.CombineTemplates("console", selector.AttributeRouteModel.Template);
                }
            });
            // Every page needs a signed-in staff member, except the sign-in pages (by name: a new page is closed by default).
            o.Conventions.AddFolderApplicationModelConvention("/", model =>
            {
                switch (model.ViewEnginePath)
                {
                    case "/Login" or "/Language":
                        model.EndpointMetadata.Add(new AllowAnonymousAttribute());
                        break;
                    case "/LoginTotp" or "/TotpSetup":
                        model.EndpointMetadata.Add(new AuthorizeAttribute(StaffRoles.SecondFactorPolicy));
                        break;
                    default:
                        model.EndpointMetadata.Add(new AuthorizeAttribute(StaffRoles.ReadPolicy));
                        break;
                }
            });
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "faktum-console-af";
            o.Cookie.Path = PathPrefix;

            // Antiforgery refuses to run at all with Always on a plain-HTTP request (loopback, tests); behind TLS (or a proxy
            // that says https, see ForwardedHeaders) it is Secure. The session cookies are always Secure: without TLS a
            // browser keeps them only on localhost.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.AddAuthentication(Scheme)
            .AddCookie(Scheme, o =>
            {
                Harden(o, "faktum-console");
                o.ExpireTimeSpan = console.IdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = PathPrefix + "/login";
                o.LogoutPath = PathPrefix + "/logout";
                o.Events.OnValidatePrincipal = ConsoleSession.ValidateAsync;
            })
            .AddCookie(SecondFactorScheme, o =>
            {
                Harden(o, "faktum-console-2fa");
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                o.SlidingExpiration = false;
                o.LoginPath = PathPrefix + "/login";
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.ReadPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(StaffRoles.ReadOnly, StaffRoles.Support, StaffRoles.Owner))
            .AddPolicy(StaffRoles.SupportPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(StaffRoles.Support, StaffRoles.Owner))
            .AddPolicy(StaffRoles.OwnerPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(StaffRoles.Owner))
            .AddPolicy(StaffRoles.SecondFactorPolicy, p => p.AddAuthenticationSchemes(SecondFactorScheme).RequireClaim(ClaimTypes.NameIdentifier));
    }

    public static void Use(WebApplication app, ConsoleOptions console)
    {
        if (!console.Enabled)
        {
            return;
        }

        if (console.DedicatedPort is { } port)
        {
            // Its own URL: the console answers only on that port, and nothing else answers there.
            app.Use((context, next) =>
                IsConsolePath(context.Request.Path) == (context.Connection.LocalPort == port) ? next(context) : NotFound(context));
        }

        if (console.AllowPlainHttp)
        {
            Log.PlainHttpAllowed(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Faktum.Licensing.Server.WebConsole"));
        }

        var cultures = new[] { new CultureInfo("nl"), new CultureInfo("en") };
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("nl"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        localization.RequestCultureProviders.Clear();
        localization.RequestCultureProviders.Add(new CookieRequestCultureProvider { CookieName = LanguageCookie });
        app.UseWhen(context => IsConsolePath(context.Request.Path), branch => branch.UseRequestLocalization(localization));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet(PathPrefix + "/console.css", () => Results.Text(ConsoleStyles.Css, "text/css; charset=utf-8"));
        app.MapRazorPages();
    }

    public static bool IsConsolePath(PathString path) => path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static void Harden(CookieAuthenticationOptions options, string name)
    {
        options.Cookie.Name = name;
        options.Cookie.Path = PathPrefix;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.AccessDeniedPath = PathString.Empty;
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 950, EventName = "ConsolePlainHttpAllowed", Level = LogLevel.Warning,
            Message = "FaktumServer:Console:AllowPlainHttp is on: the web console may answer plain HTTP on non-loopback addresses. Keep it behind a proxy that ends TLS, or turn the option off.")]
        public static partial void PlainHttpAllowed(ILogger logger);
    }
}
