namespace Lapor.Web.Domain.Reports;

/// <summary>An agency as the report needs to know it when work is handed on: a sub-unit of the sender is a delegation, anything else a referral.</summary>
public sealed record AgencyRef(int Id, int? ParentId);
