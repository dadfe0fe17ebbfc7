using Lapor.Web.Features.Account.Profile;
using Lapor.Web.Features.Account.SignIn;

namespace Lapor.Web.Features.Account;

public static class AccountArea
{
    /// <summary>Sign-in, registration with a confirmed address, passwords set from a link, the account page and its notices.</summary>
    public static IServiceCollection AddAccountArea(this IServiceCollection services) => services
        .AddScoped<PasswordSignIn>()
        .AddScoped<Register.Handler>()
        .AddScoped<PasswordReset.Handler>()
        .AddScoped<PersonalData.Handler>();
}
