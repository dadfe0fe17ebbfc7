using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OriginalFileName).HasMaxLength(255);
        builder.Property(a => a.StoredName).HasMaxLength(100).IsUnicode(false);
        builder.HasIndex(a => a.StoredName).IsUnique(); // the attachment sweep asks which stored files a row names
        builder.Property(a => a.ContentType).HasMaxLength(100).IsUnicode(false);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsUnicode(false);
        // The navigation lets a final response's evidence name its message before the message has an id.
        builder.HasOne(a => a.Message).WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Restrict);
    }
}
