using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Outreach;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Oversight.Evidence;

/// <summary>
/// The coordinators' log of socialisation and training events (sosialisasi, bimtek) for the evidence pack:
/// listed for the viewer's scope, added with an optional photo (checked by its bytes and stripped of its
/// metadata by <see cref="UploadInspector"/>, as the reports' photos are), removed with an audit entry.
/// An event belongs to the topmost agency the coordinator watches, so the region's overseers see it too.
/// </summary>
public static class OutreachLog
{
    public sealed record Item(long Id, OutreachKind Kind, DateOnly HeldOn, string Title, string Audience, int Participants, bool HasPhoto);

    public sealed class Form
    {
        public OutreachKind Kind { get; set; }
        public DateOnly? HeldOn { get; set; }
        public string? Title { get; set; }
        public string? Audience { get; set; }
        public int? Participants { get; set; }
        public IFormFile? Photo { get; set; }
    }

    public sealed record Photo(Stream Content, string ContentType);

    public sealed class Handler(
        LaporDbContext db, UploadInspector inspector, IAttachmentStore store, ReferenceData reference, DeadlineScheduleProvider schedules, TimeProvider clock,
        IStringLocalizer<OversightResource> t, ILogger<Handler> logger)
    {
        /// <summary>The scope's events held within the period, oldest first.</summary>
        public async Task<IReadOnlyList<Item>> InPeriodAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            await InScope(db.OutreachEvents.AsNoTracking(), scope)
                .Where(e => e.HeldOn >= from && e.HeldOn <= to)
                .OrderBy(e => e.HeldOn).ThenBy(e => e.Id)
                .Select(e => new Item(e.Id, e.Kind, e.HeldOn, e.Title, e.Audience, e.Participants, e.PhotoStoredName != null))
                .ToListAsync(cancellationToken);

        /// <summary>Records an event; returns the message saying why it was refused, or null when it was recorded.</summary>
        public async Task<string?> AddAsync(ReportScope scope, Form form, CancellationToken cancellationToken)
        {
            var today = (await schedules.GetAsync(cancellationToken)).LocalDate(clock.GetUtcNow());
            if (Refusal(form, today) is { } refused)
            {
                return refused;
            }

            if (RegionTops.Of(scope.Subtree, await reference.AgencySetAsync(cancellationToken)).FirstOrDefault() is not { } home)
            {
                return t["Evidence.NoAgency"];
            }

            var entry = new OutreachEvent(home.Id, form.Kind, form.HeldOn!.Value, form.Title!, form.Audience!, form.Participants!.Value, scope.UserId, clock.GetUtcNow());
            if (form.Photo is { } file && (file.Length > 0 || file.FileName.Length > 0) && await AttachPhotoAsync(entry, file, cancellationToken) is { } photoRefused)
            {
                return photoRefused;
            }

            db.OutreachEvents.Add(entry);
            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, scope.UserId, "OutreachEvent", $"{entry.HeldOn:yyyy-MM-dd}", "created", null, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch when (entry.PhotoStoredName is { } stored)
            {
                // No row names the photo: take it away now rather than leave it to the sweep.
                await store.DeleteAsync(stored, CancellationToken.None);
                throw;
            }

            return null;
        }

        /// <summary>Why the form's fields cannot be recorded, in the reader's words; null when they can.</summary>
        private string? Refusal(Form form, DateOnly today)
        {
            if (!Enum.IsDefined(form.Kind))
            {
                return t["Evidence.EventKindInvalid"];
            }

            return OutreachEvent.Problem(form.Title, form.Audience, form.Participants, form.HeldOn, today) switch
            {
                null => null,
                OutreachProblem.Title => t["Evidence.EventTitleInvalid"].Value,
                OutreachProblem.Audience => t["Evidence.EventAudienceInvalid"].Value,
                OutreachProblem.Participants => t["Evidence.EventParticipantsInvalid", OutreachEvent.MaxParticipants].Value,
                _ => t["Evidence.EventDateInvalid"].Value,
            };
        }

        /// <summary>Checks the photo by its bytes, strips its metadata and stores it for the event; the refusal's words when it is not a photo of a fitting size.</summary>
        private async Task<string?> AttachPhotoAsync(OutreachEvent entry, IFormFile file, CancellationToken cancellationToken)
        {
            if (file.Length is <= 0 or > Attachment.MaxBytes)
            {
                return t["Evidence.PhotoSize", Attachment.MaxBytes / (1024 * 1024)];
            }

            await using var stream = file.OpenReadStream();
            var photo = (await inspector.InspectAsync(stream, cancellationToken)).Upload;
            if (photo is null || !photo.ContentType.StartsWith("image/", StringComparison.Ordinal))
            {
                return t["Evidence.PhotoType"];
            }

            entry.AttachPhoto($"{Guid.NewGuid():N}{photo.Extension}", photo.ContentType);
            await store.SaveAsync(entry.PhotoStoredName!, new MemoryStream(photo.Content), cancellationToken);
            return null;
        }

        /// <summary>Removes an event of the scope and its photo; false when there is none such (gone, or another region's).</summary>
        public async Task<bool> RemoveAsync(ReportScope scope, long id, string? ipAddress, CancellationToken cancellationToken)
        {
            var entry = await InScope(db.OutreachEvents, scope).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (entry is null)
            {
                return false;
            }

            db.OutreachEvents.Remove(entry);
            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, scope.UserId, "OutreachEvent", $"{entry.HeldOn:yyyy-MM-dd}", "removed", ipAddress, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return false; // removed by another request in between
            }

            if (entry.PhotoStoredName is { } stored)
            {
                try
                {
                    await store.DeleteAsync(stored, cancellationToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The row is gone; the attachment sweep removes the file it no longer names.
                    logger.LogWarning(error, "Could not remove the photo of outreach event {Id}", id);
                }
            }

            return true;
        }

        /// <summary>An event's photo, if the event is in the viewer's scope and has one.</summary>
        public async Task<Photo?> PhotoAsync(ReportScope scope, long id, CancellationToken cancellationToken)
        {
            var found = await InScope(db.OutreachEvents.AsNoTracking(), scope).Where(e => e.Id == id && e.PhotoStoredName != null)
                .Select(e => new { e.PhotoStoredName, e.PhotoContentType }).FirstOrDefaultAsync(cancellationToken);
            var stream = found is null ? null : await store.OpenReadAsync(found.PhotoStoredName!, cancellationToken);
            return stream is null ? null : new Photo(stream, found!.PhotoContentType ?? "application/octet-stream");
        }

        /// <summary>The photos of some events, for the files (the PDF's last pages, the workbook's photo sheet; read whole: a few photos of at most 10 MB each).</summary>
        public async Task<IReadOnlyDictionary<long, byte[]>> PhotoBytesAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
        {
            var wanted = ids.ToArray();
            var names = await db.OutreachEvents.AsNoTracking().Where(e => wanted.Contains(e.Id) && e.PhotoStoredName != null)
                .Select(e => new { e.Id, e.PhotoStoredName }).ToListAsync(cancellationToken);
            var photos = new Dictionary<long, byte[]>();
            foreach (var n in names)
            {
                await using var stream = await store.OpenReadAsync(n.PhotoStoredName!, cancellationToken);
                if (stream is not null)
                {
                    using var bytes = new MemoryStream();
                    await stream.CopyToAsync(bytes, cancellationToken);
                    photos[n.Id] = bytes.ToArray();
                }
            }

            return photos;
        }

        /// <summary>The events of the viewer's scope: those of an agency in their subtree (their region's).</summary>
        private static IQueryable<OutreachEvent> InScope(IQueryable<OutreachEvent> events, ReportScope scope)
        {
            var agencies = scope.Subtree.ToArray();
            return events.Where(e => agencies.Contains(e.AgencyId));
        }
    }
}
