namespace Faktum.Licensing.Companies;

/// <summary>
/// One invalid field of a company identity, as returned in <see cref="CompanyIdentityResult.Errors"/>.
/// </summary>
/// <param name="Field">
/// The field in error: <c>"name"</c>, <c>"postcode"</c> or <c>"country"</c>.
/// </param>
/// <param name="Code">
/// A stable machine-readable code, suitable for mapping to a localized message or to an
/// RFC 9457 problem type: <c>"required"</c> (missing or blank), <c>"invalid-characters"</c>
/// (control, invisible or otherwise disallowed characters), <c>"invalid-format"</c> (wrong shape,
/// or a name that is nothing but punctuation or a legal form), <c>"too-long"</c> or
/// <c>"unknown-country"</c> (not an ISO 3166-1 alpha-2 code).
/// </param>
/// <param name="Message">A human-readable English explanation that says how to fix the value.</param>
internal sealed record CompanyIdentityError(string Field, string Code, string Message);
