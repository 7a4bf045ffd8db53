using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.WebConsole.Staff;

/// <summary>The answer of one sign-in step: a status, and the staff member once a factor was right.</summary>
internal sealed record SignInResult(SignInStatus Status, ConsoleStaff? Staff = null, DateTimeOffset? LockedUntil = null)
{
    public static readonly SignInResult Wrong = new(SignInStatus.Wrong);
}
