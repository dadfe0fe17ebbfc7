using Lapor.Web.Features.Account.Notifications;
using Lapor.Web.Features.Account.PasswordRecovery;
using Lapor.Web.Features.Account.Profile;
using Lapor.Web.Features.Account.Registration;
using Lapor.Web.Features.Account.SignIn;
using Lapor.Web.Infrastructure.Localization;

namespace Lapor.Web.Features.Account;

public static class AccountArea
{
    /// <summary>Sign-in, registration with a confirmed address, passwords set from a link, the account page and its notices.</summary>
    public static IServiceCollection AddAccountArea(this IServiceCollection services) => services
        .AddAreaTexts<AccountResource>()
        .AddScoped<PasswordSignIn>()
        .AddScoped<SignInAudit>()
        .AddScoped<Login.Handler>()
        .AddScoped<LoginWith2fa.Handler>()
        .AddScoped<Register.Handler>()
        .AddScoped<ConfirmEmail.Handler>()
        .AddScoped<PasswordReset.Handler>()
        .AddScoped<Overview.Handler>()
        .AddScoped<PasswordCheck.Handler>()
        .AddScoped<ChangePassword.Handler>()
        .AddScoped<Sessions.Handler>()
        .AddScoped<TwoFactor.Handler>()
        .AddScoped<PersonalData.Handler>()
        .AddScoped<NoticeList.Handler>()
        .AddScoped<OpenNotice.Handler>()
        .AddScoped<MarkAllRead.Handler>();
}
