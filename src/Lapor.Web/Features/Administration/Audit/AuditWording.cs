using System.Globalization;
using System.Text.RegularExpressions;
using Lapor.Web.Domain.Auditing;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Audit;

/// <summary>
/// What an audit entry is about and why, in the reader's language. The app writes targets as type
/// names and reasons as short English notes ("created", "invited as Officer", "agencies: 3,5");
/// stored rows keep them, so they are read back here rather than rewritten. Only the words a
/// coordinator typed (why an identity was revealed) and notes this class does not know are shown as written.
/// </summary>
public sealed partial class AuditWording(IStringLocalizer<AdministrationResource> t)
{
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["created"] = "AuditReason.Created",
        ["updated"] = "AuditReason.Updated",
        ["revoked"] = "AuditReason.Revoked",
        ["removed"] = "AuditReason.Removed",
        ["disabled"] = "AuditReason.Disabled",
        ["enabled"] = "AuditReason.Enabled",
        ["invitation sent again"] = "AuditReason.InvitationResent",
        ["deadline policy changed"] = "AuditReason.DeadlinePolicyChanged",
        ["follow-up validation on"] = "AuditReason.FollowUpValidationOn",
        ["follow-up validation off"] = "AuditReason.FollowUpValidationOff",
        ["privacy notice changed"] = "AuditReason.PrivacyNoticeChanged",
        ["password re-typed"] = "AuditReason.PasswordRetyped",
        ["service point changed"] = "AuditReason.ServicePointChanged",
        ["Reset"] = "AuditReason.PasswordReset",
        ["Invitation"] = "AuditReason.PasswordInvitation",
    };

    /// <summary>The target's kind and, when the handler found one, the name people know it by (tracking number, e-mail, name, period).</summary>
    public string? Target(string? type, string? name)
    {
        if (type is null)
        {
            return null;
        }

        var label = Find($"AuditTarget.{type}") ?? t["AuditTarget.Other"].Value;
        if (name is not null && Period().Match(name) is { Success: true } period)
        {
            name = $"{Day(period.Groups[1].Value)} – {Day(period.Groups[2].Value)}";
        }

        return name is null ? label : $"{label} {name}";
    }

    public string? Reason(AuditAction action, string? reason, IReadOnlyDictionary<int, string> agencyNames)
    {
        if (action == AuditAction.RoleChanged && reason == "")
        {
            return t["AuditReason.NoRoles"];
        }

        if (string.IsNullOrWhiteSpace(reason) || action == AuditAction.IdentityRevealed)
        {
            return reason;
        }

        if (Fixed.TryGetValue(reason, out var key))
        {
            return t[key];
        }

        return Note().Match(reason) switch
        {
            { Success: false } => reason,
            var m when m.Groups["imported"].Success => t["AuditReason.Imported", m.Groups["imported"].Value],
            var m when m.Groups["added"].Success => Moved(t["AuditReason.HolidaysAdded", m.Groups["added"].Value], m.Groups["moved"]),
            var m when m.Groups["removed"].Success => Moved(t["AuditReason.HolidayRemoved", Day(m.Groups["removed"].Value)], m.Groups["moved"]),
            var m when m.Groups["invited"].Success => t["AuditReason.InvitedAs", Role(m.Groups["invited"].Value)],
            var m when m.Groups["agencies"].Success => m.Groups["agencies"].Value.Length == 0
                ? t["AuditReason.NoAgencies"]
                : t["AuditReason.Agencies", string.Join(", ", m.Groups["agencies"].Value.Split(',').Select(id => agencyNames.GetValueOrDefault(int.Parse(id, CultureInfo.InvariantCulture), "?")))],
            var m when m.Groups["erased"].Success => t["AuditReason.RetentionErased", m.Groups["erased"].Value, Day(m.Groups["before"].Value)],
            var m when m.Groups["format"].Success => t["AuditReason.File", m.Groups["format"].Value.ToUpperInvariant()],
            var m when action == AuditAction.RoleChanged && reason.Split(',').All(r => Find($"Role.{r}") is not null) =>
                t["AuditReason.Roles", string.Join(", ", m.Value.Split(',').Select(Role))],
            _ => reason,
        };
    }

    /// <summary>A holiday change and the due dates it moved (notes written before due dates moved say nothing of them).</summary>
    private string Moved(string change, Group moved) => moved.Success ? t["AuditReason.DueDatesMoved", change, moved.Value] : change;

    private string Role(string name) => Find($"Role.{name}") ?? name;

    private string? Find(string key) => t[key] is { ResourceNotFound: false } found ? found.Value : null;

    private static string Day(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.CurrentUICulture);

    // The notes the app writes (the holiday, user and agency use cases, RetentionJob, the exports); a bare word list is a role list.
    [GeneratedRegex(@"^(?:imported (?<imported>\d+)|holidays added: (?<added>\d+)(?:, due dates moved: (?<moved>\d+))?|holiday removed: (?<removed>\d{4}-\d{2}-\d{2})(?:, due dates moved: (?<moved>\d+))?|invited as (?<invited>[A-Za-z]+)"
        + @"|agencies: (?<agencies>\d+(?:,\d+)*|)|(?<erased>\d+) erased, closed before (?<before>\d{4}-\d{2}-\d{2})|(?<format>csv|xlsx)|[A-Za-z]+(?:,[A-Za-z]+)*)$")]
    private static partial Regex Note();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Period();
}
