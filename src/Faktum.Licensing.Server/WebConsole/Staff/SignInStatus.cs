namespace Faktum.Licensing.Server.WebConsole.Staff;

/// <summary>What a sign-in step answered.</summary>
internal enum SignInStatus
{
    /// <summary>The e-mail address, password or code is wrong (which one is not said).</summary>
    Wrong,

    /// <summary>Too many failures: locked until <see cref="SignInResult.LockedUntil"/>, even for the right password.</summary>
    LockedOut,

    /// <summary>Password right; the TOTP has still to be set up (first sign-in, or after <c>staff reset</c>).</summary>
    NeedsTotpSetup,

    /// <summary>Password right; the TOTP code comes next.</summary>
    NeedsTotp,

    /// <summary>Both factors right: signed in.</summary>
    SignedIn,
}
