using Lapor.Web.Features.StaffWork.Inbox;
using Lapor.Web.Features.StaffWork.ManualEntries;
using Lapor.Web.Features.StaffWork.ReportPage;
using Lapor.Web.Features.StaffWork.Tags;
using Lapor.Web.Features.StaffWork.Templates;
using Lapor.Web.Infrastructure.Localization;

namespace Lapor.Web.Features.StaffWork;

public static class StaffWorkArea
{
    /// <summary>The coordinator's queue, the agency inbox, the staff report page and its actions, manual entry and response templates.</summary>
    public static IServiceCollection AddStaffWorkArea(this IServiceCollection services) => services
        .AddAreaTexts<StaffWorkResource>()
        .AddScoped<AgencyInbox.Handler>()
        .AddScoped<CoordinatorQueue.Handler>()
        .AddScoped<SavedViews.Handler>()
        .AddScoped<Readings>()
        .AddScoped<Ownership.Handler>()
        .AddScoped<ReportDetail.Handler>()
        .AddScoped<SimilarReports.Handler>()
        .AddScoped<StaffActions.DuplicateMarking>()
        .AddScoped<TriageHint.Builder>()
        .AddScoped<TriageHint.Recorder>()
        .AddScoped<ReportPresence>()
        .AddScoped<RevealIdentity.Handler>()
        .AddScoped<StaffAttachment.Handler>()
        .AddScoped<ManualEntry.Handler>()
        .AddScoped<ResponseTemplates>()
        .AddScoped<ReportTags.Handler>()
        .AddScoped<Themes.Themes.Handler>();
}
