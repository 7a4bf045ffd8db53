namespace Faktum.Licensing.Http;

/// <summary>The success body of a confirmation and of a company correction: a newly issued license token and the company, not yet verified.</summary>
/// <param name="License">The license token as the server sent it.</param>
/// <param name="Company">The company profile the server holds.</param>
internal sealed record IssuedLicense(string License, CompanyProfile Company);
