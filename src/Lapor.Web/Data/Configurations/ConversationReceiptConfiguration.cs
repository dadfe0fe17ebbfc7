using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class ConversationReceiptConfiguration : IEntityTypeConfiguration<ConversationReceipt>
{
    public void Configure(EntityTypeBuilder<ConversationReceipt> builder)
    {
        // The key is the guarantee that a resent message is taken once: a second insert violates it.
        builder.HasKey(r => r.Token);
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
