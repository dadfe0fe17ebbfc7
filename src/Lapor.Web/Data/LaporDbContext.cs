using Lapor.Web.Data.Identity;
using Lapor.Web.Data.Search;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Inbox;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Outreach;
using Lapor.Web.Domain.Privacy;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Domain.Tags;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Data;

/// <summary>
/// Identity and domain in one context. Abstract: each database provider has a sealed subclass
/// owning its own migrations; everything else depends on this type only. It also keeps the Data
/// Protection key ring, so every instance signs cookies and antiforgery tokens with the same keys.
/// </summary>
public abstract partial class LaporDbContext(DbContextOptions options) : IdentityDbContext<LaporUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyMembership> AgencyMemberships => Set<AgencyMembership>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<ResponseTemplate> ResponseTemplates => Set<ResponseTemplate>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<DeadlinePolicy> DeadlinePolicies => Set<DeadlinePolicy>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReporterIdentity> ReporterIdentities => Set<ReporterIdentity>();
    public DbSet<OperatorFiling> OperatorFilings => Set<OperatorFiling>();
    public DbSet<ConversationReceipt> ConversationReceipts => Set<ConversationReceipt>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<RoutingEntry> RoutingEntries => Set<RoutingEntry>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<StagedUpload> StagedUploads => Set<StagedUpload>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<ReportSupport> ReportSupports => Set<ReportSupport>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<StaffNotification> StaffNotifications => Set<StaffNotification>();
    public DbSet<ChannelContact> ChannelContacts => Set<ChannelContact>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<ReportReading> ReportReadings => Set<ReportReading>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<ApiSubmission> ApiSubmissions => Set<ApiSubmission>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<PrivacyNotice> PrivacyNotices => Set<PrivacyNotice>();
    public DbSet<OutreachEvent> OutreachEvents => Set<OutreachEvent>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ReportTag> ReportTags => Set<ReportTag>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<DashboardTally> DashboardTallies => Set<DashboardTally>();

    /// <summary>
    /// Public reports whose public text (title, summary, public answers) holds every term of
    /// <see cref="SearchTerms.Parse"/>, through the provider's own full-text search; each provider's
    /// context answers with its own statement. Compose it with <see cref="Reports"/>. Without
    /// <paramref name="ranked"/> a provider may leave the score out (0), for counting: PostgreSQL's rank reads every match's text.
    /// </summary>
    public abstract IQueryable<SearchHit> SearchPublicText(IReadOnlyList<IReadOnlyList<string>> terms, bool ranked = true);

    /// <summary>
    /// Reports filed before <paramref name="beforeReportId"/> (ids follow filing) and not before
    /// <paramref name="since"/>, whose title, text or
    /// location holds any of the terms (<see cref="SimilarityTerms"/>), every report and not only public
    /// ones: the best <paramref name="limit"/> by the provider's text rank. Compose it with <see cref="Reports"/>.
    /// With <paramref name="offerableAt"/>, only the reports a citizen may be offered to support (public, open,
    /// not anonymous) at that place (<see cref="SupportOffer.PlaceQuery"/>), the best <paramref name="limit"/> among
    /// them: the support offer runs on every filing, and ranks only the reports it could offer. With
    /// <paramref name="sharing"/> as well, only those holding a word of the citizen's problem (<see cref="SupportOffer.ProblemQuery"/>).
    /// </summary>
    public abstract IQueryable<SearchHit> SearchSimilarText(IReadOnlyList<IReadOnlyList<string>> terms, long beforeReportId, DateTimeOffset since, int limit, SupportOffer.PlaceQuery? offerableAt = null, SupportOffer.ProblemQuery? sharing = null);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LaporDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as text: readable in the database and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
