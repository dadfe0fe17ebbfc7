using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Integrations;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.ApiClients;

/// <summary>A new API client: its key is made here and shown once, on the page this returns.</summary>
public static class CreateClient
{
    /// <summary>Bound from the fields <c>name</c>, <c>operations</c> and <c>requestsPerMinute</c>.</summary>
    public sealed class Form
    {
        public string? Name { get; set; }
        public List<ApiOperations> Operations { get; set; } = [];
        public int RequestsPerMinute { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t)
        {
            RuleFor(f => f.Name)
                .NotEmpty().WithMessage(_ => t["ApiClients.Invalid"])
                .MaximumLength(120).WithMessage(_ => t["ApiClients.Invalid"]);
            RuleFor(f => f.Operations).NotEmpty().WithMessage(_ => t["ApiClients.Invalid"]);
        }
    }

    /// <summary>Either the list with the new key, or the resource key of the rule the client broke.</summary>
    public sealed record Result(ClientList.Page? Page, string? Error);

    public sealed class Handler(LaporDbContext db, ClientList.Handler list, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Form form, string? adminId, CancellationToken cancellationToken)
        {
            try
            {
                var (client, key) = ApiClient.Create(form.Name!, form.Operations.Aggregate(ApiOperations.None, (all, one) => all | one), form.RequestsPerMinute, clock.GetUtcNow());
                db.ApiClients.Add(client);
                db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "ApiClient", client.KeyPrefix, "created", null, clock.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
                return new(await list.HandleAsync(key, cancellationToken), null);
            }
            catch (DomainException rule)
            {
                return new(null, $"Domain.{rule.Code}");
            }
        }
    }
}
