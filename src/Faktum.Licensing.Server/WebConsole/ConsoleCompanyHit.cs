namespace Faktum.Licensing.Server.WebConsole;

/// <summary>One row of the console's company search.</summary>
internal sealed record ConsoleCompanyHit(string CompanyId, string Name, string Postcode, string City, string Country, string Email);
