using System.Globalization;
using FluentValidation;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Integrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>
/// POST requests: an app files a report for a citizen. It arrives Unverified with channel "API",
/// through the same filing as the web form; the reporter's contact details go to the protected
/// identity record only, and an anonymous report stays anonymous.
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
        [FromForm(Name = "attribute")] public Dictionary<string, string> Attributes { get; set; } = [];

        public decimal? Latitude => Number(LatitudeText);

        public decimal? Longitude => Number(LongitudeText);

        public string? Attribute(string code) => Attributes.TryGetValue(code, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        public string? ReporterName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())) is { Length: > 0 } name ? name : null;

        private static decimal? Number(string? text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

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
                .MaximumLength(5000).WithMessage(_ => t["Validation.MaxLength", "description", 5000]);
            RuleFor(f => f.AddressString).MaximumLength(300).WithMessage(_ => t["Validation.MaxLength", "address_string", 300]);
            RuleFor(f => f.AddressId).MaximumLength(300).WithMessage(_ => t["Validation.MaxLength", "address_id", 300]);
            RuleFor(f => f.ReporterName).MaximumLength(150).WithName("first_name").WithMessage(_ => t["Validation.MaxLength", "first_name + last_name", 150]);
            RuleFor(f => f.Email).EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.Email)).WithMessage(_ => t["Validation.Email"])
                .MaximumLength(256).WithMessage(_ => t["Validation.MaxLength", "email", 256]);
            RuleFor(f => f.Phone).MaximumLength(30).WithMessage(_ => t["Validation.MaxLength", "phone", 30]);
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

    public sealed record Created(string ServiceRequestId, string Token) : Outcome;

    /// <summary>Refused: the HTTP status and the messages for the specification's error list.</summary>
    public sealed record Refused(int Status, IReadOnlyList<string> Messages) : Outcome;

    public sealed class Handler(ApiClientGate gate, ServiceCatalogue catalogue, ReportFiling filing, IValidator<Form> validator, IStringLocalizer<IntegrationsResource> t)
    {
        public async Task<Outcome> HandleAsync(Form form, string? idempotencyKey, CancellationToken cancellationToken)
        {
            var (access, client) = await gate.CheckAsync(form.ApiKey, ApiOperations.CreateRequests, cancellationToken);
            switch (access)
            {
                case ApiKeyOutcome.Missing or ApiKeyOutcome.Unknown or ApiKeyOutcome.NotAllowed:
                    return new Refused(StatusCodes.Status403Forbidden, [t["Open311.Error.ApiKey"]]);
                case ApiKeyOutcome.TooManyRequests:
                    return new Refused(StatusCodes.Status429TooManyRequests, [t["Open311.Error.TooManyRequests"]]);
            }

            var validation = await validator.ValidateAsync(form, cancellationToken);
            if (!validation.IsValid)
            {
                return new Refused(StatusCodes.Status400BadRequest, [.. validation.Errors.Select(e => e.ErrorMessage).Distinct()]);
            }

            if (await catalogue.FindAsync(form.ServiceCode!.Trim(), english: false, cancellationToken) is null)
            {
                return new Refused(StatusCodes.Status400BadRequest, [t["Open311.Error.ServiceNotFound"]]);
            }

            var description = form.Description!.Trim();
            var body = string.IsNullOrWhiteSpace(form.MediaUrl) ? description : $"{description}\n\n{t["Open311.Media"]}: {form.MediaUrl.Trim()}";
            var address = string.IsNullOrWhiteSpace(form.AddressString) ? form.AddressId?.Trim() : form.AddressString.Trim();
            var draft = new ReportDraft(
                Enum.TryParse<Classification>(form.Attribute(ServiceCatalogue.ClassificationAttribute), ignoreCase: true, out var classification) ? classification : Classification.Complaint,
                form.Attribute(ServiceCatalogue.TitleAttribute) ?? ReportDraft.TitleFrom(description), body, null,
                address is { Length: > 0 } ? address : null, form.Latitude, form.Longitude, int.Parse(form.ServiceCode.Trim(), CultureInfo.InvariantCulture), null,
                form.Attribute(ServiceCatalogue.AnonymousAttribute) == "true", form.Attribute(ServiceCatalogue.ConfidentialAttribute) == "true");

            // The same Idempotency-Key from the same client files once: a retried POST gets the first report back.
            // The client's key hash (known only to the server) is part of it: nobody can work out another client's token from guessable keys.
            var token = idempotencyKey is { Length: > 0 } key ? ReportFiling.TokenFrom($"open311:{client!.KeyHash}:{key}") : Guid.NewGuid();
            var result = await filing.FileAsync(new ReportFiling.Filing(draft, Actor.System, Channel.Api, token, GiveAccessCode: false,
                form.ReporterName, form.Email?.Trim(), form.Phone?.Trim(), []) { ApiClientId = client!.Id }, cancellationToken);
            return result switch
            {
                ReportFiling.Filed filed => new Created(filed.TrackingNumber, token.ToString("N")),
                ReportFiling.Rejected rejected => new Refused(StatusCodes.Status400BadRequest, [rejected.Message]),
                _ => throw new InvalidOperationException("Unknown filing result."),
            };
        }
    }
}
