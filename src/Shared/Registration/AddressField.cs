namespace Faktum.Licensing.Registration;

/// <summary>
/// The rule of one address or contact field: where it sits on the wire, whether a registration must hold it, how long it
/// may be, and which characters it takes. <see cref="AddressFields"/> declares each field once; <see cref="FieldCheck"/>
/// applies the rule wherever the field is validated: the server (registration, company correction) and the SDK (before it sends).
/// </summary>
/// <param name="RegistrationPath">Its JSON path in a registration (<c>POST /v1/registrations</c>).</param>
/// <param name="CorrectionPath">Its JSON path in a company correction (<c>PATCH /v1/company</c>), where every field is optional.</param>
/// <param name="MaxLength">The longest value, after trimming and folding runs of white space.</param>
/// <param name="Required">Whether a registration must hold it.</param>
/// <param name="Allowed">The characters it takes; any other is refused. Control and invisible characters are always refused.</param>
/// <param name="RefusedMessage">What the field error says when a character is refused; <see langword="null"/> for the general message.</param>
internal sealed record AddressField(
    string RegistrationPath,
    string CorrectionPath,
    int MaxLength,
    bool Required,
    Func<char, bool> Allowed,
    string? RefusedMessage = null);
