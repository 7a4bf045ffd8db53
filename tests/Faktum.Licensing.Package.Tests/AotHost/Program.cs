using Faktum.Licensing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// aothost register EMAIL | confirm EMAIL PASSWORD | check — one line of output: "ok", "state=<LicenseState>" or "failure=<LicensingFailure> <message>".
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
builder.Services.AddFaktumLicensing(builder.Configuration.GetSection("FaktumLicensing"));
using var host = builder.Build();
await host.StartAsync().ConfigureAwait(false);
var licensing = host.Services.GetRequiredService<IFaktumLicensing>();

switch (args)
{
    case ["register", var email]:
        var registered = await licensing.RegisterCompanyAsync(new CompanyRegistration
        {
            CompanyName = "Bakkerij Jansen B.V.",
            Postcode = "1234 AB",
            Street = "Dorpsstraat",
            HouseNumber = "12a",
            City = "Utrecht",
            ContactName = "Jan Jansen",
            Email = email,
        }).ConfigureAwait(false);
        return Report(registered.Succeeded ? "ok" : $"failure={registered.Failure} {registered.Message}", registered.Succeeded);
    case ["confirm", var email, var password]:
        var confirmed = await licensing.ConfirmAsync(email, password).ConfigureAwait(false);
        return Report(confirmed.Succeeded ? $"state={confirmed.Value.State}" : $"failure={confirmed.Failure} {confirmed.Message}", confirmed.Succeeded);
    case ["check"]:
        var status = await licensing.CheckAsync().ConfigureAwait(false);
        return Report($"state={status.State} online={status.IsConfirmedOnline} company={status.Company?.Name}", status.Mode == LicenseMode.RunNormally);
    default:
        return Report("usage: register EMAIL | confirm EMAIL PASSWORD | check", false);
}

static int Report(string line, bool succeeded)
{
    Console.WriteLine(line);
    return succeeded ? 0 : 1;
}
