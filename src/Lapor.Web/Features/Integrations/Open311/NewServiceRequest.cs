using System.Globalization;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Integrations;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>
/// POST requests: an app files a report for a citizen. It arrives Unverified with channel "API",
/// through the same filing as the web form (a <c>media</c> photo gets the same checks and metadata
/// stripping); the reporter's contact details go to the protected identity record only, and an
/// anonymous report stays anonymous. A retry files nothing twice, with or without an Idempotency-Key.
/// </summary>
public static class NewServiceRequest
{
    /// <summary>The POST parameters of GeoReport v2 (form-encoded), named as the specification names them.</summary>
    public sealed class Form
    {
        [FromForm(Name = "api_key")] public string? ApiKey { get; set; }
        [FromForm(Name = "jurisdiction_id")] public string? JurisdictionId { get; set; }
        [FromForm(Name = "service_code")] public string? ServiceCode { get; set; }

        // Numbers as text, read with the invariant culture: the portal's Indonesian culture writes decimals with a comma.
        [FromForm(Name = "lat")] public string? LatitudeText { get; set; }
        [FromForm(Name = "long")] public string? LongitudeText { get; set; }
        [FromForm(Name = "address_string")] public string? AddressString { get; set; }
        [FromForm(Name = "address_id")] public string? AddressId { get; set; }
        [FromForm(Name = "email")] public string? Email { get; set; }
        [FromForm(Name = "device_id")] public string? DeviceId { get; set; }
        [FromForm(Name = "account_id")] public string? AccountId { get; set; }
        [FromForm(Name = "first_name")] public string? FirstName { get; set; }
        [FromForm(Name = "last_name")] public string? LastName { get; set; }
        [FromForm(Name = "phone")] public string? Phone { get; set; }
        [FromForm(Name = "description")] public string? Description { get; set; }
        [FromForm(Name = "media_url")] public string? MediaUrl { get; set; }
        [FromForm(Name = "media")] public IFormFile? Media { get; set; }
        [FromForm(Name = "attribute")] public Dictionary<string, string> Attributes { get; set; } = [];

        /// <summary>Attribute codes the service definition does not list (a misspelling must not quietly file with less privacy).</summary>
        public IEnumerable<string> UnknownAttributes() => Attributes.Keys.Where(code => !ServiceCatalogue.AttributeCodes.Contains(code));

        /// <summary>
        /// Trims the optional fields and drops empty ones. USF's open311-client writes a missing value as the
        /// text "null" (e-mail always, last name beside a first name), and sends a CR LF after the last field.
        /// </summary>
        public Form Cleaned()
        {
            static string? Clean(string? value) => value?.Trim() is { Length: > 0 } text && text != "null" ? text : null;
            Email = Clean(Email);
            Phone = Clean(Phone);
            FirstName = Clean(FirstName);
            LastName = Clean(LastName);
            DeviceId = Clean(DeviceId);
            AccountId = Clean(AccountId);
            AddressString = Clean(AddressString);
            AddressId = Clean(AddressId);
            MediaUrl = Clean(MediaUrl);
            ServiceCode = ServiceCode?.Trim();
            LatitudeText = LatitudeText?.Trim();
            LongitudeText = LongitudeText?.Trim();
            return this;
        }

        public decimal? Latitude => Number(LatitudeText);

        public decimal? Longitude => Number(LongitudeText);

        public string? Attribute(string code) => Attributes.TryGetValue(code, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        public string? ReporterName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())) is { Length: > 0 } name ? name : null;

        private static decimal? Number(string? text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>GeoReport v2 limits description to 4,000 characters (and so do the community schemas).</summary>
    public const int MaxDescription = 4000;

    /// <summary>One photo at the attachment limit, with the fields around it.</summary>
    public const long MaxRequestBytes = Attachment.MaxBytes + (256 * 1024);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<IntegrationsResource> t)
        {
            RuleFor(f => f.ServiceCode).NotEmpty().WithMessage(_ => t["Open311.Error.ServiceCodeMissing"]);
            RuleFor(f => f).Must(f => (f.Latitude is not null && f.Longitude is not null) || !string.IsNullOrWhiteSpace(f.AddressString) || !string.IsNullOrWhiteSpace(f.AddressId))
                .WithName("location").WithMessage(_ => t["Open311.Error.LocationMissing"]);
            RuleFor(f => f.Latitude).InclusiveBetween(-90m, 90m).When(f => f.Latitude is not null).WithName("lat").WithMessage(_ => t["Open311.Error.BadCoordinates"]);
            RuleFor(f => f.Longitude).InclusiveBetween(-180m, 180m).When(f => f.Longitude is not null).WithName("long").WithMessage(_ => t["Open311.Error.BadCoordinates"]);
            RuleFor(f => f.LatitudeText).Must((f, text) => string.IsNullOrWhiteSpace(text) || f.Latitude is not null).WithName("lat").WithMessage(_ => t["Open311.Error.BadCoordinates"]);
            RuleFor(f => f.LongitudeText).Must((f, text) => string.IsNullOrWhiteSpace(text) || f.Longitude is not null).WithName("long").WithMessage(_ => t["Open311.Error.BadCoordinates"]);
            RuleFor(f => f.Description).NotEmpty().WithMessage(_ => t["Open311.Error.DescriptionMissing"])
                .MaximumLength(MaxDescription).WithMessage(_ => t["Validation.MaxLength", "description", MaxDescription]);
            RuleFor(f => f.AddressString).MaximumLength(300).WithMessage(_ => t["Validation.MaxLength", "address_string", 300]);
            RuleFor(f => f.AddressId).MaximumLength(300).WithMessage(_ => t["Validation.MaxLength", "address_id", 300]);
            RuleFor(f => f.ReporterName).MaximumLength(150).WithName("first_name").WithMessage(_ => t["Validation.MaxLength", "first_name + last_name", 150]);
            RuleFor(f => f.Email).EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.Email)).WithMessage(_ => t["Validation.Email"])
                .MaximumLength(256).WithMessage(_ => t["Validation.MaxLength", "email", 256]);
            RuleFor(f => f.Phone).MaximumLength(30).WithMessage(_ => t["Validation.MaxLength", "phone", 30]);
            RuleFor(f => f.DeviceId).MaximumLength(ApiSubmission.MaxIdLength).WithMessage(_ => t["Validation.MaxLength", "device_id", ApiSubmission.MaxIdLength]);
            RuleFor(f => f.AccountId).MaximumLength(ApiSubmission.MaxIdLength).WithMessage(_ => t["Validation.MaxLength", "account_id", ApiSubmission.MaxIdLength]);
            RuleFor(f => f.Media).Must(m => m is null || m.Length <= Attachment.MaxBytes).WithName("media").WithMessage(_ => t["Open311.Error.MediaTooLarge"]);
            RuleForEach(f => f.UnknownAttributes()).Must(_ => false).WithName("attribute")
                .WithMessage((_, code) => t["Open311.Error.UnknownAttribute", code, string.Join(", ", ServiceCatalogue.AttributeCodes)]);
            RuleFor(f => f.MediaUrl).MaximumLength(500).WithMessage(_ => t["Validation.MaxLength", "media_url", 500]);
            RuleFor(f => f.MediaUrl).Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                .When(f => !string.IsNullOrWhiteSpace(f.MediaUrl)).WithMessage(_ => t["Open311.Error.BadMediaUrl"]);
            RuleFor(f => f.Attribute(ServiceCatalogue.ClassificationAttribute)).IsEnumName(typeof(Classification), caseSensitive: false)
                .When(f => f.Attribute(ServiceCatalogue.ClassificationAttribute) is not null).WithName("attribute[classification]").WithMessage(_ => t["Open311.Error.BadAttribute", "classification"]);
            RuleFor(f => f.Attribute(ServiceCatalogue.TitleAttribute)).MaximumLength(150).WithName("attribute[title]").WithMessage(_ => t["Validation.MaxLength", "attribute[title]", 150]);
            foreach (var flag in new[] { ServiceCatalogue.AnonymousAttribute, ServiceCatalogue.ConfidentialAttribute })
            {
                RuleFor(f => f.Attribute(flag)).Must(v => v is null or "true" or "false").WithName($"attribute[{flag}]").WithMessage(_ => t["Open311.Error.BadAttribute", flag]);
            }
        }
    }

    public abstract record Outcome;

    /// <summary>Filed (or found again for a retry); the access code only the first time.</summary>
    public sealed record Created(string ServiceRequestId, string Token, string? AccessCode, string? AccountId) : Outcome;

    /// <summary>Refused: the HTTP status and the messages for the specification's error list.</summary>
    public sealed record Refused(int Status, IReadOnlyList<string> Messages, int? RetryAfterSeconds = null) : Outcome;

    public sealed class Handler(
        ApiClientGate gate, ServiceCatalogue catalogue, ReportFiling filing, IValidator<Form> validator, LaporDbContext db,
        IOptions<Open311Options> options, TimeProvider clock, IStringLocalizer<IntegrationsResource> t, ILogger<Handler> logger)
    {
        /// <summary>Files the request; <paramref name="fields"/> are every text field as sent, for the fingerprint that recognises a retry.</summary>
        public async Task<Outcome> HandleAsync(Form form, IEnumerable<KeyValuePair<string, string>> fields, string? idempotencyKey, CancellationToken cancellationToken)
        {
            var check = await gate.CheckKeyAsync(form.ApiKey, ApiOperations.CreateRequests, cancellationToken);
            switch (check.Outcome)
            {
                case ApiKeyOutcome.Missing or ApiKeyOutcome.Unknown or ApiKeyOutcome.NotAllowed:
                    return new Refused(StatusCodes.Status403Forbidden, [t["Open311.Error.ApiKey"]]);
                case ApiKeyOutcome.TooManyRequests:
                    return new Refused(StatusCodes.Status429TooManyRequests, [t["Open311.Error.TooManyRequests"]], check.RetryAfterSeconds);
            }

            var client = check.Client!;
            var validation = await validator.ValidateAsync(form.Cleaned(), cancellationToken);
            if (!validation.IsValid)
            {
                return new Refused(StatusCodes.Status400BadRequest, [.. validation.Errors.Select(e => e.ErrorMessage).Distinct()]);
            }

            if (await catalogue.FindAsync(form.ServiceCode!, english: false, cancellationToken) is null)
            {
                return new Refused(StatusCodes.Status404NotFound, [t["Open311.Error.ServiceNotFound"]]);
            }

            var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
            if (key is { Length: > ApiSubmission.MaxKeyLength })
            {
                return new Refused(StatusCodes.Status400BadRequest, [t["Open311.Error.KeyTooLong"]]);
            }

            byte[] media = [];
            if (form.Media is { Length: > 0 } file)
            {
                await using var stream = file.OpenReadStream();
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, cancellationToken);
                media = copy.ToArray();
            }

            var bodyHash = ApiSubmission.Fingerprint(fields, media);
            var now = clock.GetUtcNow();
            if (await EarlierAsync(client.Id, key, bodyHash, now, cancellationToken) is { } earlier)
            {
                return earlier;
            }

            var description = form.Description!.Trim();
            var body = form.MediaUrl is null ? description : $"{description}\n\n{t["Open311.Media"]}: {form.MediaUrl}";
            var address = form.AddressString ?? form.AddressId;
            var draft = new ReportDraft(
                Enum.TryParse<Classification>(form.Attribute(ServiceCatalogue.ClassificationAttribute), ignoreCase: true, out var classification) ? classification : Classification.Complaint,
                form.Attribute(ServiceCatalogue.TitleAttribute) ?? ReportDraft.TitleFrom(description), body, null,
                address, form.Latitude, form.Longitude, int.Parse(form.ServiceCode!, CultureInfo.InvariantCulture), null,
                form.Attribute(ServiceCatalogue.AnonymousAttribute) == "true", form.Attribute(ServiceCatalogue.ConfidentialAttribute) == "true");

            // The same Idempotency-Key from the same client files once, even when two copies race past the lookup above.
            // The client's key hash (known only to the server) is part of it: nobody can work out another client's token from guessable keys.
            var token = key is not null ? ReportFiling.TokenFrom($"open311:{client.KeyHash}:{key}") : Guid.NewGuid();
            ReportFiling.Result result;
            try
            {
                result = await filing.FileAsync(new ReportFiling.Filing(draft, Actor.System, Channel.Api, token, GiveAccessCode: true,
                    form.ReporterName, form.Email, form.Phone, form.Media is { Length: > 0 } ? [form.Media] : []) { ApiClientId = client.Id }, cancellationToken);
            }
            catch (AttachmentStoreUnavailableException error)
            {
                // Nothing was filed: the app may send the same request again, as it would after any 503.
                logger.LogError(error, "An Open311 request's media could not be stored");
                return new Refused(StatusCodes.Status503ServiceUnavailable, [t["Open311.Error.StorageUnavailable"]], AttachmentStoreUnavailableException.RetryAfterSeconds);
            }

            switch (result)
            {
                case ReportFiling.Filed filed:
                    if (filed.IsNew)
                    {
                        var reportId = await db.Reports.Where(r => r.TrackingNumber == filed.TrackingNumber).Select(r => r.Id).SingleAsync(cancellationToken);
                        db.ApiSubmissions.Add(new ApiSubmission(client.Id, reportId, bodyHash, key, form.DeviceId, form.AccountId, now));
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    return new Created(filed.TrackingNumber, token.ToString("N"), filed.AccessCode, form.AccountId);
                case ReportFiling.Rejected rejected:
                    return new Refused(StatusCodes.Status400BadRequest, [rejected.Field == "Attachments" ? t["Open311.Error.MediaRefused", rejected.Message].Value : rejected.Message]);
                default:
                    throw new InvalidOperationException("Unknown filing result.");
            }
        }

        /// <summary>
        /// What an earlier request of this client already filed: the same Idempotency-Key (refused when the body differs),
        /// or, without a key, the same body within the retry window (apps that resend after a lost answer send no key).
        /// </summary>
        private async Task<Outcome?> EarlierAsync(int clientId, string? key, string bodyHash, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var submissions = db.ApiSubmissions.AsNoTracking().Where(s => s.ApiClientId == clientId);
            if (key is not null)
            {
                submissions = submissions.Where(s => s.IdempotencyKey == key);
            }
            else
            {
                var since = now - options.Value.RetryWindow;
                submissions = submissions.Where(s => s.BodyHash == bodyHash && s.ReceivedAt >= since);
            }

            var earlier = await (
                from s in submissions
                join r in db.Reports on s.ReportId equals r.Id
                orderby s.Id descending
                select new { s.BodyHash, s.AccountId, r.TrackingNumber, r.SubmissionToken }).FirstOrDefaultAsync(cancellationToken);
            return earlier switch
            {
                null => null,
                _ when earlier.BodyHash != bodyHash => new Refused(StatusCodes.Status409Conflict, [t["Open311.Error.KeyReused"]]),
                _ => new Created(earlier.TrackingNumber, earlier.SubmissionToken.ToString("N"), null, earlier.AccountId),
            };
        }
    }
}
