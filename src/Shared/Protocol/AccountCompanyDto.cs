namespace Faktum.Licensing.Protocol;

// Part of the JSON wire contract of /v1 (docs/protocol.md): camelCase members, immutable.
/// <summary>
/// One company of an account (S9), as a <c>company-choice-required</c> answer lists it once the one-time password proved the
/// mailbox: the license id to name in <see cref="ConfirmationRequest.Licenses"/>, and what the user recognises the company by.
/// </summary>
internal sealed record AccountCompanyDto(string License, string Name, string Postcode, string City, string Country);
