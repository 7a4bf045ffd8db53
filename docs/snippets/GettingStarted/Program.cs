// A first host app: dotnet new console, then
//   dotnet add package Faktum.Licensing
//   dotnet add package Microsoft.Extensions.Hosting
// and run it against the reference server (see "Your first host in 5 minutes" in the README):
//   dotnet run -- --FaktumLicensing:ServerUrl=http://127.0.0.1:5080/ --FaktumLicensing:ProductId=faktum-factuur --FaktumLicensing:TrustedKeys:KID=X
using Faktum.Licensing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);   // the "FaktumLicensing" section: appsettings.json, environment or command line
builder.Services.AddFaktumLicensing(builder.Configuration.GetSection("FaktumLicensing"));
using var host = builder.Build();
await host.StartAsync();                             // a wrong option stops here, with a message that names the fix

var licensing = host.Services.GetRequiredService<IFaktumLicensing>();
var status = await licensing.CheckAsync();           // every start: one privacy-minimal call (S5)
if (status.State == LicenseState.NotRegistered)
{
    var email = Ask("E-mail address");
    var registered = await licensing.RegisterCompanyAsync(new CompanyRegistration
    {
        CompanyName = Ask("Company name (cannot be changed later)"),
        Postcode = Ask("Postcode"),
        Street = Ask("Street"),
        HouseNumber = Ask("House number"),
        City = Ask("City"),
        ContactName = Ask("Contact person"),
        Email = email,
    });
    if (registered.Failure == LicensingFailure.CompanyAlreadyRegistered)
    {
        registered = await licensing.RequestOneTimePasswordAsync(email);   // "existing company": recovery by e-mail (S4)
    }

    registered.EnsureSuccess();
    status = (await licensing.ConfirmAsync(email, Ask("One-time password from the e-mail"))).EnsureSuccess();
}

Console.WriteLine($"{status.State} ({status.Mode}), days left: {status.DaysLeft}. {status.Message}");
await host.StopAsync();
return status.Mode == LicenseMode.ReadOnly ? 3 : 0;   // ReadOnly: let the user read, print and export, never delete (I8)

static string Ask(string label)
{
    Console.Write($"{label}: ");
    return Console.ReadLine()?.Trim() ?? string.Empty;
}
