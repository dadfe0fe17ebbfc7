using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Domain.Deadlines;

/// <summary>Working-day limits of DESIGN §6. One row, editable by administrators.</summary>
public sealed class DeadlinePolicy
{
    public int Id { get; private set; } = 1;
    public int VerifyDays { get; private set; } = 3;
    public int FirstResponseDays { get; private set; } = 5;
    public int AspirationDays { get; private set; } = 5;
    public int InformationRequestDays { get; private set; } = 5;
    public int OrdinaryComplaintDays { get; private set; } = 14;
    public int InvestigationComplaintDays { get; private set; } = 60;
    public int ReporterWindowDays { get; private set; } = 10;
    public int HoldExpiryDays { get; private set; } = 10;

    /// <summary>
    /// Follow-up validation ("menunggu validasi"): a final response waits for the coordinator's or the
    /// inspectorate's acceptance before the reporter's window opens. A regional choice, off by default.
    /// </summary>
    public bool RequireFollowUpValidation { get; private set; }

    public static DeadlinePolicy Default => new();

    public int CompletionDays(Classification classification, ComplaintKind? kind) => classification switch
    {
        Classification.Aspiration => AspirationDays,
        Classification.InformationRequest => InformationRequestDays,
        _ when kind == ComplaintKind.RequiresInvestigation => InvestigationComplaintDays,
        _ => OrdinaryComplaintDays,
    };

    public void SetFollowUpValidation(bool required) => RequireFollowUpValidation = required;

    public void Change(int verify, int firstResponse, int aspiration, int informationRequest, int ordinary, int investigation, int reporterWindow, int holdExpiry)
    {
        int[] all = [verify, firstResponse, aspiration, informationRequest, ordinary, investigation, reporterWindow, holdExpiry];
        if (all.Any(d => d is < 1 or > 365))
        {
            throw new DomainException("Deadline.OutOfRange");
        }

        (VerifyDays, FirstResponseDays, AspirationDays, InformationRequestDays) = (verify, firstResponse, aspiration, informationRequest);
        (OrdinaryComplaintDays, InvestigationComplaintDays, ReporterWindowDays, HoldExpiryDays) = (ordinary, investigation, reporterWindow, holdExpiry);
    }
}
