namespace Faktum.Licensing.Registration;

/// <summary>Why a field was refused: a stable code (<see cref="FieldCodes"/>) and an English message as the server sends it.</summary>
internal sealed record FieldProblem(string Code, string Message);
