namespace Faktum.Licensing;

/// <summary>
/// One refused field of a registration: found by <see cref="RegistrationValidator"/> before anything is sent, or refused by the
/// server (<see cref="LicensingResult.RefusedFields"/>), with the same codes.
/// </summary>
/// <param name="Field">The field, as <see cref="RegistrationFields"/> names it (the server's JSON path, such as <c>company.postcode</c>).</param>
/// <param name="Code">Why, as a stable code of <see cref="RegistrationFieldCodes"/>: map it to the text the user reads, in their language.</param>
/// <param name="Message">The same reason in English, as the server would give it (for logs, not for screens).</param>
public sealed record RegistrationFieldError(string Field, string Code, string Message);
