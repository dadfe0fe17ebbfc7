using Microsoft.AspNetCore.Identity;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>An account: citizen or staff. Agency memberships live in their own table.</summary>
public sealed class LaporUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public string PreferredCulture { get; set; } = "id";
}
