using System.Globalization;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.VisualBasic.FileIO;

namespace Lapor.Web.Features.Administration.Agencies;

/// <summary>
/// Importing agencies from "code,name,kind,parentCode[,decreeNumber,decreeDate]" lines; parents may come
/// earlier in the file or already exist. Agencies whose code is known are skipped; a malformed file saves nothing.
/// </summary>
public static class ImportAgencies
{
    /// <summary>Bound from the field <c>file</c>.</summary>
    public sealed class Form
    {
        public IFormFile? File { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t) =>
            RuleFor(f => f.File).Must(file => file is { Length: > 0 }).WithMessage(_ => t["Holidays.NoFile"]);
    }

    public sealed record Imported(int Added, int Skipped);

    public sealed class Handler(LaporDbContext db, ReferenceData reference, TimeProvider clock)
    {
        /// <summary>How many were added and skipped, or null when the file is malformed (nothing is saved).</summary>
        public async Task<Imported?> HandleAsync(Form form, string adminId, CancellationToken cancellationToken)
        {
            using var reader = new StreamReader(form.File!.OpenReadStream());
            var csvText = await reader.ReadToEndAsync(cancellationToken);
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
            return new(added.Count, skipped);
        }
    }
}
