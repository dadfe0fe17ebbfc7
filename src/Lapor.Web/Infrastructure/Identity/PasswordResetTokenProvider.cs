using Lapor.Web.Data.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// Tokens for "forgotten password" links: valid for an hour, and single-use because setting the
/// password changes the security stamp that the token is bound to.
/// </summary>
public sealed class PasswordResetTokenProvider(
    IDataProtectionProvider dataProtectionProvider, IOptions<PasswordResetTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<LaporUser>> logger)
    : DataProtectorTokenProvider<LaporUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "PasswordReset";

    /// <summary>Purpose of invitation tokens, made by the administration and redeemed on the set-password page (Identity's default provider: valid for a day).</summary>
    public const string InvitationPurpose = "Invitation";
}

public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions;
