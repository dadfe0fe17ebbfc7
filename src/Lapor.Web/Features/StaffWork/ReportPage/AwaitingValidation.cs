namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>One agency's final response waiting for the coordinator's word, as the _Validate and _Refuse partials draw it.</summary>
public sealed record AwaitingValidation(ReportDetail.Page Page, ReportDetail.AssignmentItem Assignment);
