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
}

public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions;
