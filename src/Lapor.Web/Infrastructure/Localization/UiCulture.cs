using System.Globalization;

namespace Lapor.Web.Infrastructure.Localization;

/// <summary>
/// Writes something in another language than the request's: a reporter's reply, a mail, a webhook's texts, a default
/// text for each language. The UI culture is switched for that work only and put back afterwards, even when it throws.
/// </summary>
public static class UiCulture
{
    /// <summary>Switches until the scope is disposed; in an async method, across its awaits too.</summary>
    public static Scope Use(string culture) => Use(new CultureInfo(culture));

    public static Scope Use(CultureInfo culture)
    {
        var scope = new Scope(CultureInfo.CurrentUICulture);
        CultureInfo.CurrentUICulture = culture;
        return scope;
    }

    public static T Run<T>(string culture, Func<T> work) => Run(new CultureInfo(culture), work);

    public static T Run<T>(CultureInfo culture, Func<T> work)
    {
        using (Use(culture))
        {
            return work();
        }
    }

    public static void Run(string culture, Action work)
    {
        using (Use(culture))
        {
            work();
        }
    }

    public static async Task<T> RunAsync<T>(string culture, Func<Task<T>> work)
    {
        using (Use(culture))
        {
            return await work();
        }
    }

    /// <summary>Puts the UI culture that was current before back.</summary>
    public sealed class Scope(CultureInfo previous) : IDisposable
    {
        public void Dispose() => CultureInfo.CurrentUICulture = previous;
    }
}
