namespace Faktum.Licensing;

/// <summary>Why a call to the license server did not succeed. Each is an expected outcome, never an exception.</summary>
public enum LicensingFailure
{
    /// <summary>The call succeeded.</summary>
    None = 0,

    /// <summary>The server refused the input; <see cref="LicensingResult.FieldErrors"/> names the fields (for example <c>company.name</c>, <c>email</c>).</summary>
    InvalidInput,

    /// <summary>This company already holds a license (S3): offer "existing company" (recovery) instead.</summary>
    CompanyAlreadyRegistered,

    /// <summary>The one-time password is wrong, expired or already used.</summary>
    OneTimePasswordInvalid,

    /// <summary>Too many wrong one-time passwords: the pending one is void; request a new one.</summary>
    TooManyAttempts,

    /// <summary>The company name cannot be changed (I2).</summary>
    CompanyNameImmutable,

    /// <summary>This installation holds no license yet: register or recover first.</summary>
    NotRegistered,

    /// <summary>The server refused this installation's license token.</summary>
    LicenseRejected,

    /// <summary>The server asks to slow down; see <see cref="LicensingResult.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The server could not be reached, timed out, or failed on its side (5xx).</summary>
    ServerUnreachable,

    /// <summary>The server's answer was garbled, too large, unsigned or signed by a key that is not pinned.</summary>
    InvalidResponse,

    /// <summary>The server refused the request for another reason; <see cref="LicensingResult.ProblemType"/> says which.</summary>
    RequestRejected,

    /// <summary>The local license state could not be read or written (see <see cref="FaktumLicensingOptions.DataDirectory"/>).</summary>
    LocalStateUnavailable,

    /// <summary>
    /// The server publishes no key this app pins (<see cref="FaktumLicensingOptions.TrustedKeys"/>): the keys do not match, so a
    /// license it issued would be refused. Checked before a one-time password is spent: the password is still valid.
    /// </summary>
    ServerKeyNotTrusted,

    /// <summary>The server does not license this <see cref="FaktumLicensingOptions.ProductId"/>; the message names the product.</summary>
    UnknownProduct,

    /// <summary>
    /// The one-time password is right, but every seat of the license is taken: <see cref="LicensingResult{TValue}.Installations"/>
    /// lists the installations holding them, and <see cref="LicensingResult{TValue}.LicenseId"/> and <see cref="LicensingResult{TValue}.CompanyName"/>
    /// name the license (a recovery of several companies answers for one full license at a time). The password is not spent: confirm again with a <see cref="SeatChoice"/> naming the one to release.
    /// </summary>
    SeatsFull,

    /// <summary>
    /// The license moved too often in the vendor's window (S8): the move is refused, and the license stays where it is.
    /// <see cref="LicensingResult.NextMoveAt"/> says when the next move is possible, and <see cref="LicensingResult.LicenseId"/> which
    /// license; the vendor can grant an extra one. Of several companies brought at once none moves.
    /// </summary>
    MoveBudgetExhausted,

    /// <summary>
    /// The one-time password is right, but it proves an account with several companies (S9): <see cref="LicensingResult{TValue}.Companies"/>
    /// lists them. The password is not spent: confirm again with a <see cref="SeatChoice"/> naming the companies to bring in
    /// <see cref="SeatChoice.LicenseIds"/>.
    /// </summary>
    CompanyChoiceRequired,

    /// <summary>This installation holds no license of that company (S9): the license id is not one of <see cref="IFaktumLicensing.GetCompaniesAsync"/>.</summary>
    CompanyNotOnInstallation,
}
