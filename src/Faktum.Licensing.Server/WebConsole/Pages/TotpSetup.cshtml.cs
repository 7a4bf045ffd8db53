using System.Security.Claims;
using Faktum.Licensing.Server.WebConsole.Staff;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>
/// The TOTP set-up at the first sign-in (and after <c>staff reset</c>): a new secret, shown once as a QR code (a PNG data URI,
/// no script) and as text; a code from it confirms it. A page shown again makes a new secret, so an old screen is worthless.
/// </summary>
public sealed class TotpSetupModel : ConsolePageModel
{
    public string? Message { get; private set; }

    public string? Secret { get; private set; }

    public string? QrCodeDataUri { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowNewSecretAsync().ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var (done, message) = await CheckSecondFactorAsync(StaffId, code, confirmingSetup: true).ConfigureAwait(false);
        Message = message;
        return done ?? await ShowNewSecretAsync().ConfigureAwait(false);
    }

    private string StaffId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult> ShowNewSecretAsync()
    {
        var signIn = HttpContext.RequestServices.GetRequiredService<StaffSignIn>();
        Secret = await signIn.StartTotpSetupAsync(StaffId, HttpContext.RequestAborted).ConfigureAwait(false);
        if (Secret is null)
        {
            // Already set up (another tab finished first): the code page is next.
            return RedirectToPage("/LoginTotp");
        }

        var email = await signIn.EmailOfAsync(StaffId, HttpContext.RequestAborted).ConfigureAwait(false) ?? StaffId;
        using var data = QRCodeGenerator.GenerateQrCode(StaffSignIn.OtpAuthUri(email, Secret), QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        return Page();
    }
}
