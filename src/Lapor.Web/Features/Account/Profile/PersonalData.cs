using System.Text.Json;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>A citizen's rights over their data under UU PDP: a copy of it, and erasure.</summary>
public static class PersonalData
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public sealed class Handler(LaporDbContext db, UserManager<LaporUser> users, TimeProvider clock)
    {
        /// <summary>The copy of the account's data as a download, audited.</summary>
        public async Task<byte[]> DownloadAsync(LaporUser user, string address, CancellationToken cancellationToken)
        {
            var json = await ExportAsync(user, cancellationToken);
            db.AuditEntries.Add(new AuditEntry(AuditAction.DataDownloaded, user.Id, "Account", user.Id, null, address, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return json;
        }

        /// <summary>
        /// The account, its reports with what the reporter gave and saw, and its supports. Other
        /// people's data (officers' names, internal notes) is left out.
        /// </summary>
        public async Task<byte[]> ExportAsync(LaporUser user, CancellationToken cancellationToken)
        {
            var reports = await db.Reports.AsNoTracking()
                .Where(r => r.ReporterUserId == user.Id)
                .OrderBy(r => r.SubmittedAt)
                .Select(r => new
                {
                    r.TrackingNumber,
                    r.Title,
                    r.Body,
                    Classification = r.Classification.ToString(),
                    Status = r.Status.ToString(),
                    Channel = r.Channel.ToString(),
                    r.Location,
                    r.IncidentDate,
                    r.IsAnonymous,
                    r.IsConfidential,
                    r.SubmittedAt,
                    r.CompletedAt,
                    r.Rating,
                    Identity = db.ReporterIdentities.Where(i => i.ReportId == r.Id).Select(i => new { i.FullName, i.Email, i.Phone }).FirstOrDefault(),
                    Messages = r.Messages.Where(m => m.Visibility == MessageVisibility.Public || m.Visibility == MessageVisibility.ReporterOnly)
                        .OrderBy(m => m.CreatedAt).Select(m => new { From = m.AuthorRole.ToString(), Kind = m.Kind.ToString(), m.Body, m.CreatedAt }).ToList(),
                    Attachments = r.Attachments.Select(a => new { a.OriginalFileName, a.ContentType }).ToList(),
                })
                .ToListAsync(cancellationToken);
            var supported = await db.ReportSupports.AsNoTracking().Where(s => s.UserId == user.Id)
                .Join(db.Reports, s => s.ReportId, r => r.Id, (s, r) => new { r.TrackingNumber, s.CreatedAt })
                .ToListAsync(cancellationToken);

            var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == user.Id)
                .Select(s => new { s.Device, s.Address, s.StartedAt, s.LastSeenAt, s.ExpiresAt, s.EndedAt })
                .ToListAsync(cancellationToken);

            var export = new
            {
                ExportedAt = clock.GetUtcNow(),
                Account = new { user.FullName, user.Email, user.PhoneNumber, user.CreatedAt, user.LastSignInAt, user.PreferredCulture, user.TwoFactorEnabled, Roles = await users.GetRolesAsync(user) },
                Reports = reports,
                SupportedReports = supported,
                Sessions = sessions.OrderByDescending(s => s.StartedAt),
            };
            return JsonSerializer.SerializeToUtf8Bytes(export, Json);
        }

        /// <summary>
        /// Erases the reporter identity of every report of the account, unlinks the reports, deletes
        /// the mail log to the address, and deletes the account, in one transaction.
        /// </summary>
        /// <remarks>
        /// On a server database with retry on transient failure, a transaction of one's own runs through
        /// the execution strategy, which repeats it whole (the providers refuse it otherwise).
        /// </remarks>
        public Task DeleteAccountAsync(LaporUser user, string? ipAddress, CancellationToken cancellationToken) =>
            db.Database.CreateExecutionStrategy().ExecuteAsync(() => DeleteAccountOnceAsync(user, ipAddress, cancellationToken));

        private async Task DeleteAccountOnceAsync(LaporUser user, string? ipAddress, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var reports = await db.Reports.Where(r => r.ReporterUserId == user.Id).ToListAsync(cancellationToken);
            var reportIds = db.Reports.Where(r => r.ReporterUserId == user.Id).Select(r => r.Id);
            foreach (var identity in await db.ReporterIdentities.Where(i => reportIds.Contains(i.ReportId)).ToListAsync(cancellationToken))
            {
                identity.Erase();
            }

            foreach (var report in reports)
            {
                report.ForgetReporter();
            }

            if (user.Email is { } email)
            {
                // Whatever case the address was typed in when a mail was queued (SQL Server would match it anyway, SQLite and PostgreSQL not).
                var address = CaseFolded.Exactly(email);
                await db.OutboxMessages.Where(m => EF.Functions.Like(m.Recipient.ToLower(), address, CaseFolded.Escape)).ExecuteDeleteAsync(cancellationToken);
            }

            db.AuditEntries.Add(new AuditEntry(AuditAction.AccountDeleted, user.Id, "Account", user.Id, null, ipAddress, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException("The account could not be deleted: " + string.Join(", ", deleted.Errors.Select(e => e.Code)));
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }
}
