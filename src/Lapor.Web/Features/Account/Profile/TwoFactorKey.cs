using QRCoder;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>The otpauth:// address of an authenticator key, drawn as a QR code for phone apps to scan.</summary>
public static class TwoFactorKey
{
    public static string OtpAuthUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("Lapor:" + account)}?secret={key}&issuer=Lapor&digits=6";

    /// <summary>A PNG data: URI (the CSP allows data: images but no inline SVG styles).</summary>
    public static string QrCodeDataUri(string account, string key)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(OtpAuthUri(account, key), QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
