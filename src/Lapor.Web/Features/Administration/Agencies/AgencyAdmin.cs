using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;

namespace Lapor.Web.Features.Administration.Agencies;

/// <summary>Administrators keep the agency tree: create, edit, move, deactivate, import.</summary>
public sealed class AgencyAdmin(LaporDbContext db, AgencyTree tree, ReferenceData reference, TimeProvider clock)
{
    public sealed record Node(int Id, string Name, string Code, AgencyKind Kind, int Depth, bool IsActive, string? Decree, DateOnly? DecreeDate);

    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Code { get; set; }
        public AgencyKind Kind { get; set; } = AgencyKind.Opd;
        public int? ParentId { get; set; }
        public string? DecreeNumber { get; set; }
        public DateOnly? DecreeDate { get; set; }
        public string? ContactEmail { get; set; }
        public bool IsActive { get; set; } = true;
    }

    /// <summary>The whole tree in display order: each agency followed by its children, with its depth.</summary>
    public async Task<List<Node>> TreeAsync(CancellationToken cancellationToken)
    {
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var children = all.ToLookup(a => a.ParentId);
        var result = new List<Node>();
        void Walk(int? parent, int depth)
        {
            foreach (var a in children[parent])
            {
                result.Add(new Node(a.Id, a.Name, a.ShortCode, a.Kind, depth, a.IsActive, a.LiaisonDecreeNumber, a.LiaisonDecreeDate));
                Walk(a.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return result;
    }

    public async Task<Form?> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new Form
            {
                Name = a.Name, Code = a.ShortCode, Kind = a.Kind, ParentId = a.ParentId, DecreeNumber = a.LiaisonDecreeNumber,
                DecreeDate = a.LiaisonDecreeDate, ContactEmail = a.ContactEmail, IsActive = a.IsActive,
            })
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Creates (id null) or updates an agency; returns an error resource key, or null when saved.</summary>
    public async Task<string?> SaveAsync(int? id, Form form, string adminId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Name) || string.IsNullOrWhiteSpace(form.Code) || form.Name.Length > 200 || form.Code.Length > 32)
        {
            return "Agencies.Invalid";
        }

        var code = form.Code.Trim().ToUpperInvariant();
        if (await db.Agencies.AnyAsync(a => a.ShortCode == code && a.Id != id, cancellationToken))
        {
            return "Agencies.CodeTaken";
        }

        if (form.ParentId is { } parent && (!await db.Agencies.AnyAsync(a => a.Id == parent, cancellationToken)
            || (id is { } self && (await tree.SubtreeOfAsync([self], cancellationToken)).Contains(parent))))
        {
            return "Domain.Agency.CycleNotAllowed";
        }

        var agency = id is { } existing ? await db.Agencies.FirstOrDefaultAsync(a => a.Id == existing, cancellationToken) : new Agency(form.Name, code, form.Kind, form.ParentId);
        if (agency is null)
        {
            return "Error.404.Title";
        }

        if (id is null)
        {
            db.Agencies.Add(agency);
        }

        agency.Rename(form.Name, form.Kind);
        agency.MoveUnder(form.ParentId);
        agency.SetContact(form.ContactEmail, agency.ContactPhone);
        if (!string.IsNullOrWhiteSpace(form.DecreeNumber) && form.DecreeDate is { } date)
        {
            agency.RecordLiaisonDecree(form.DecreeNumber, date);
        }

        if (form.IsActive)
        {
            agency.Activate();
        }
        else
        {
            agency.Deactivate();
        }

        db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "Agency", code, id is null ? "created" : "updated", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await reference.InvalidateAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Imports "code,name,kind,parentCode[,decreeNumber,decreeDate]" lines; parents may come earlier in the
    /// file or already exist. Returns (added, skipped) or null when the file is malformed (nothing is saved).
    /// </summary>
    public async Task<(int Added, int Skipped)?> ImportAsync(string csvText, string adminId, CancellationToken cancellationToken)
    {
        var known = await db.Agencies.ToDictionaryAsync(a => a.ShortCode, cancellationToken);
        var added = new List<(Agency Agency, string? ParentCode)>();
        var skipped = 0;
        using var csv = new TextFieldParser(new StringReader(csvText)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = true };
        csv.SetDelimiters(",", ";");
        try
        {
            while (csv.ReadFields() is { } f)
            {
                if (f is [] or [""] || (csv.LineNumber <= 2 && f[0].Equals("kode", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (f.Length < 3 || !Enum.TryParse<AgencyKind>(f[2], ignoreCase: true, out var kind) || string.IsNullOrWhiteSpace(f[1]))
                {
                    return null;
                }

                var code = f[0].ToUpperInvariant();
                if (known.ContainsKey(code))
                {
                    skipped++;
                    continue;
                }

                var agency = new Agency(f[1], code, kind);
                if (f.Length >= 6 && DateOnly.TryParseExact(f[5], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var decreeDate) && !string.IsNullOrWhiteSpace(f[4]))
                {
                    agency.RecordLiaisonDecree(f[4], decreeDate);
                }

                var parentCode = f.Length > 3 && !string.IsNullOrWhiteSpace(f[3]) ? f[3].ToUpperInvariant() : null;
                if (parentCode is not null && !known.ContainsKey(parentCode))
                {
                    return null; // a parent must exist already or come earlier in the file
                }

                known[code] = agency;
                added.Add((agency, parentCode));
            }
        }
        catch (MalformedLineException)
        {
            return null;
        }

        // Parents first, so each child's parent id exists when it is saved.
        foreach (var (agency, parentCode) in added)
        {
            db.Agencies.Add(agency);
            if (parentCode is not null)
            {
                await db.SaveChangesAsync(cancellationToken);
                agency.MoveUnder(known[parentCode].Id);
            }
        }

        db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "Agency", null, $"imported {added.Count}", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await reference.InvalidateAsync(cancellationToken);
        return (added.Count, skipped);
    }
}
