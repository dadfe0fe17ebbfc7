using Lapor.Web.Domain.Metrics;

namespace Lapor.Web.Domain.Outreach;

/// <summary>What kind of event: a socialisation for the public or staff (sosialisasi), or a technical training for officers (bimtek).</summary>
public enum OutreachKind
{
    Socialisation,
    Training,
}

/// <summary>Why an event as entered cannot be recorded.</summary>
public enum OutreachProblem
{
    Title,
    Audience,
    Participants,
    Date,
}

/// <summary>
/// A socialisation or training event the coordinators held, recorded for the evaluation's evidence pack
/// (Kemendagri's complaint-handling evaluation and KemenPANRB's SP4N-LAPOR! targets ask for them):
/// when, what, for whom, how many came, and optionally a photo kept in the attachment store.
/// It belongs to the coordinators' agency, so whoever watches that agency sees it.
/// </summary>
public sealed class OutreachEvent
{
    public const int MaxTitleLength = 200;
    public const int MaxAudienceLength = 200;
    public const int MaxParticipants = 100_000;

    private OutreachEvent() { }

    public OutreachEvent(int agencyId, OutreachKind kind, DateOnly heldOn, string title, string audience, int participants, string recordedByUserId, DateTimeOffset recordedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participants);
        AgencyId = agencyId;
        Kind = kind;
        HeldOn = heldOn;
        Title = title.Trim();
        Audience = audience.Trim();
        Participants = participants;
        RecordedByUserId = recordedByUserId;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public int AgencyId { get; private set; }
    public OutreachKind Kind { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Title { get; private set; } = "";
    public string Audience { get; private set; } = "";
    public int Participants { get; private set; }

    /// <summary>The photo's server-chosen name in the attachment store, metadata already removed; null without a photo.</summary>
    public string? PhotoStoredName { get; private set; }
    public string? PhotoContentType { get; private set; }
    public string RecordedByUserId { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public void AttachPhoto(string storedName, string contentType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storedName);
        (PhotoStoredName, PhotoContentType) = (storedName, contentType);
    }

    /// <summary>
    /// Why an event as entered cannot be recorded, or null: a title and an audience within
    /// their lengths, 1 to <see cref="MaxParticipants"/> participants, held on a day from 2000 up to <paramref name="today"/> (it is a log of what happened).
    /// </summary>
    public static OutreachProblem? Problem(string? title, string? audience, int? participants, DateOnly? heldOn, DateOnly today) =>
        string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength ? OutreachProblem.Title
        : string.IsNullOrWhiteSpace(audience) || audience.Trim().Length > MaxAudienceLength ? OutreachProblem.Audience
        : participants is not (>= 1 and <= MaxParticipants) ? OutreachProblem.Participants
        : heldOn is not { } day || day > today || !ReportingPeriod.IsPlausible(day) ? OutreachProblem.Date
        : null;
}
