using Microsoft.AspNetCore.Identity;

namespace Lapor.Web.Data.Identity;

/// <summary>An account: citizen or staff. Agency memberships live in their own table.</summary>
public sealed class LaporUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public string PreferredCulture { get; set; } = "id";

    /// <summary>Staff mail about reports comes once a day in one digest instead of one mail each (in-app notices stay immediate).</summary>
    public bool MailDigest { get; set; }

    /// <summary>The last authenticator time step accepted: a code is good once, even within its 30 seconds (ASVS 6.5.x).</summary>
    public long? LastTotpTimeStep { get; set; }

    /// <summary>For a village or sub-district operator: the desa, kelurahan or kecamatan office they serve, printed on every receipt.</summary>
    public string? ServicePoint { get; set; }
}
