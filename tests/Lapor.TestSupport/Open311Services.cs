using System.Globalization;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.TestSupport;

/// <summary>What an Open311 client files under: a service, and an app's API key.</summary>
public static class Open311Services
{
    /// <summary>An app's API key that may file requests (1,000 a minute, so no test meets the limit by accident).</summary>
    public static Task<string> KeyAsync(LaporAppFactory app) => app.WithDbAsync(async db =>
    {
        var (client, key) = ApiClient.Create("Aplikasi Android", ApiOperations.CreateRequests, 1000, DateTimeOffset.UtcNow);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync();
        return key;
    });

    /// <summary>
    /// A street-lights sub-category under its own group, named after <paramref name="label"/> and made once per app; its id
    /// is the service_code. The cached reference data is refreshed, so the API knows it at once.
    /// </summary>
    public static async Task<string> CodeAsync(LaporAppFactory app, string label)
    {
        var code = await app.WithDbAsync(async db =>
        {
            if (await db.Categories.FirstOrDefaultAsync(c => c.Name == $"Penerangan Jalan {label}") is not { } category)
            {
                var group = new Category($"Fasilitas Umum {label}", $"Public facilities {label}");
                db.Categories.Add(group);
                await db.SaveChangesAsync();
                category = new Category($"Penerangan Jalan {label}", $"Street lights {label}", group.Id);
                db.Categories.Add(category);
                await db.SaveChangesAsync();
            }

            return category.Id.ToString(CultureInfo.InvariantCulture);
        });
        await app.Services.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        return code;
    }
}
