namespace Lapor.Web.Domain.Reports;

/// <summary>What a reporter (or an officer entering a letter or call) supplies when filing.</summary>
public sealed record ReportDraft(
    Classification Classification,
    string Title,
    string Body,
    DateOnly? IncidentDate,
    string? Location,
    decimal? Latitude,
    decimal? Longitude,
    int? CategoryId,
    int? TargetAgencyId,
    bool IsAnonymous,
    bool IsConfidential);
