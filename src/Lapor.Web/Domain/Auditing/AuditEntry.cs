namespace Lapor.Web.Domain.Auditing;

public enum AuditAction
{
    SignIn,
    SignInFailed,
    Lockout,
    SignOut,
    Registered,
    RoleChanged,
    UserDisabled,
    IdentityRevealed,
    Export,
    DataDownloaded,
    AccountDeleted,
    SettingsChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    RetentionErased,
    EmailConfirmed,
    PasswordChanged,
    PasswordResetRequested,
    PasswordResetSent,
    TwoFactorReset,
    SessionsEnded,

    /// <summary>A village or sub-district operator filed a report for a resident (target: the report; reason: the service point).</summary>
    FiledOnBehalf,
}

/// <summary>
/// A security or privacy event (UU PDP Pasal 31: who processed which personal data, when).
/// The text holds ids and reasons, never the personal data itself.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(AuditAction action, string? userId, string? targetType, string? targetId, string? reason, string? ipAddress, DateTimeOffset occurredAt)
    {
        Action = action;
        UserId = userId;
        TargetType = targetType;
        TargetId = targetId;
        Reason = reason;
        IpAddress = ipAddress;
        OccurredAt = occurredAt;
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public AuditAction Action { get; private set; }
    public string? UserId { get; private set; }
    public string? TargetType { get; private set; }
    public string? TargetId { get; private set; }
    public string? Reason { get; private set; }
    public string? IpAddress { get; private set; }
}
