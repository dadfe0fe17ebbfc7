using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.TrackingNumber).HasMaxLength(13).IsUnicode(false);
        builder.HasIndex(r => r.TrackingNumber).IsUnique();
        builder.HasIndex(r => r.SubmissionToken).IsUnique();
        builder.Property(r => r.AccessCodeHash).HasMaxLength(100).IsUnicode(false);
        builder.Property(r => r.Title).HasMaxLength(150);
        builder.Property(r => r.Body).HasMaxLength(5000);
        builder.Property(r => r.PublicTitle).HasMaxLength(150);
        builder.Property(r => r.PublicSummary).HasMaxLength(1000);
        builder.Property(r => r.Location).HasMaxLength(300);
        builder.Property(r => r.Latitude).HasPrecision(9, 6);
        builder.Property(r => r.Longitude).HasPrecision(9, 6);
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.TargetAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.RegionAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        // No database cascades from users: SQL Server refuses multiple cascade paths, and erasing an account is an explicit UU PDP step.
        builder.HasOne<LaporUser>().WithMany().HasForeignKey(r => r.ReporterUserId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasOne<LaporUser>().WithMany().HasForeignKey(r => r.EnteredByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.DuplicateOfReportId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.Assignments).WithOne(a => a.Report).HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Routing).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Messages).WithOne().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.Events);
        builder.Navigation(r => r.Assignments).HasField("_assignments");
        builder.Navigation(r => r.Routing).HasField("_routing");
        builder.Navigation(r => r.Messages).HasField("_messages");
        builder.Navigation(r => r.Attachments).HasField("_attachments");

        // Queue tabs and their counts (status and "returned", oldest first), "Laporan Saya", and one on
        // the date alone (the period of the dashboard and exports), the public list newest first.
        builder.HasIndex(r => new { r.Status, r.IsReturned, r.SubmittedAt });
        builder.HasIndex(r => new { r.ReporterUserId, r.SubmittedAt });
        builder.HasIndex(r => r.SubmittedAt);
        builder.HasIndex(r => new { r.IsPublic, r.SubmittedAt });

        // The dashboard's trend: reports completed within a period, whenever they were filed.
        builder.HasIndex(r => new { r.Status, r.CompletedAt });

        // The open reports, by status: what is late now (verifications past their due day) and the dashboard's open
        // rows of a period, read from the index alone. The period's index below leads with the day, so these read every
        // report of the year to find the open tenth (280 ms at 5M), and the late count fetched each unverified row (217 ms).
        builder.HasIndex(r => new { r.Status, r.SubmittedOn, r.VerifyDueOn });

        // The dashboard: a period of local days, covering every column its grouped figures read (the due day for what is late now).
        builder.HasIndex(r => new { r.SubmittedOn, r.Status, r.VerifyWorkingDays, r.VerifiedOnTime, r.FirstResponseAt, r.TimesAccepted, r.TimesRejected, r.VerifyDueOn })
            .HasDatabaseName("IX_Reports_Dashboard");
    }
}
