namespace Lapor.Web.Features.Account;

public static class AccountFeature
{
    /// <summary>Sign-in, registration with a confirmed address, and passwords set from a link.</summary>
    public static IServiceCollection AddAccountFeature(this IServiceCollection services) => services
        .AddScoped<PasswordSignIn>()
        .AddScoped<Register.Handler>()
        .AddScoped<PasswordReset.Handler>();
}
