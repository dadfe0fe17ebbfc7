namespace Lapor.Web.Domain.Reports;

public enum ReportStatus
{
    Unverified,
    OnHold,
    Archived,
    Dispositioned,
    InProgress,
    Completed,
}

public enum Classification
{
    Complaint,
    Aspiration,
    InformationRequest,
}

/// <summary>Sub-class of a complaint, set at verification.</summary>
public enum ComplaintKind
{
    Ordinary,

    /// <summary>"Berkadar pengawasan": needs an investigation, longer deadline.</summary>
    RequiresInvestigation,
}

public enum Channel
{
    Web,
    Api,
    Sms,
    WhatsApp,
    Telegram,
    SocialMedia,
    Letter,
    Phone,
    WalkIn,

    /// <summary>Filed by a village or sub-district operator for a resident who came to their service point.</summary>
    Operator,
}

public enum ArchiveReason
{
    Unclear,
    NotPublicService,
    Duplicate,
    Abusive,
    Spam,
    Other,

    /// <summary>"Tidak dilengkapi": the reporter did not answer a hold in time.</summary>
    NotCompleted,
}

public enum AssignmentState
{
    /// <summary>Routed, no response yet (Terdisposisi – Belum Ditindaklanjuti).</summary>
    Dispositioned,
    InProgress,
    AwaitingReporter,

    /// <summary>Final response posted; the reporter's window to accept or reject is open.</summary>
    FinalResponded,
    Completed,

    /// <summary>Closed: "not our authority", back to the coordinator.</summary>
    Returned,

    /// <summary>Closed: delegated or referred to another agency, which now holds the work; read access stays.</summary>
    Forwarded,

    /// <summary>Final response given where the region validates follow-ups: waits for the coordinator ("menunggu validasi").</summary>
    AwaitingValidation,

    /// <summary>Closed: the coordinator took the report away from this agency (withdrawn or re-routed); read access stays.</summary>
    Withdrawn,
}

public enum AssignmentKind
{
    Disposition,
    Delegation,
    Referral,
}

public enum ActorRole
{
    Citizen,
    Officer,
    AgencyHead,
    Coordinator,
    Oversight,
    Administrator,
    System,

    /// <summary>A village or sub-district operator filing for a resident (<c>Roles.VillageOperator</c>).</summary>
    VillageOperator,
}

public enum MessageVisibility
{
    /// <summary>Shown on the public tracking page.</summary>
    Public,

    /// <summary>Shown to the reporter and staff, never to the public.</summary>
    ReporterOnly,

    /// <summary>Staff only.</summary>
    Internal,
}

public enum MessageKind
{
    Response,
    FinalResponse,
    Question,
    ReporterReply,
    Note,
    ArchiveNotice,
}

public enum RoutingAction
{
    Submit,
    Verify,
    Hold,
    AddInformation,
    ExpireHold,
    Archive,
    Restore,
    Return,
    Delegate,
    Refer,
    FirstResponse,
    Note,
    RequestInformation,
    ReporterReply,
    FinalResponse,
    Accept,
    Reject,
    AutoComplete,
    Reopen,
    Escalate,

    /// <summary>Coordinator: one more agency on a routed report, or the new agency of a re-route.</summary>
    Route,

    /// <summary>Coordinator: an agency is taken off the report.</summary>
    Withdraw,

    /// <summary>Coordinator: a nudge to an agency, with a message.</summary>
    Remind,

    /// <summary>Coordinator accepts an agency's final response (follow-up validation): the reporter's window opens.</summary>
    ValidateFinal,

    /// <summary>Coordinator refuses an agency's final response ("tindak lanjut ditolak"): back to the agency with a reason.</summary>
    RefuseFinal,

    /// <summary>Reporter takes the escalation the ladder offered.</summary>
    ReporterEscalate,

    /// <summary>Coordinator sets the anonymous or confidential flag.</summary>
    Protect,

    /// <summary>A citizen supports a public report (no history line).</summary>
    Support,

    /// <summary>The reporter rates the answer (no history line).</summary>
    Rate,

    /// <summary>Coordinator: the work goes from one agency to another (one step, one history line).</summary>
    Reroute,

    /// <summary>Officer or agency head: a share gets its owner, the officer who works it ("ambil", "serahkan"); staff history only.</summary>
    Entrust,

    /// <summary>Coordinator attaches a tag (the reason is its label); staff history only.</summary>
    AttachTag,

    /// <summary>Coordinator removes a tag (the reason is its label); staff history only.</summary>
    RemoveTag,

    /// <summary>Coordinator corrects the category at verification (the reason is a <see cref="CategoryChange"/> code); told to everyone who reads the history, as the category is public.</summary>
    Recategorize,
}

/// <summary>Which clock a due date belongs to.</summary>
public enum Deadline
{
    Verify,
    FirstResponse,
    Completion,
}

public enum EscalationRung
{
    Reminder,
    Breach,
    AgencyHeadAlert,
    ReporterOffer,

    /// <summary>The reporter took the offer: the report goes to the coordinator's escalation queue.</summary>
    ReporterEscalated,
}
