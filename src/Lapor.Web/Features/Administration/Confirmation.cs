using System.Collections;
using System.Globalization;
using System.Reflection;
using Lapor.Web.Features.Administration.Holidays;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lapor.Web.Features.Administration;

/// <summary>
/// The step before an action that removes something or someone's access: a page (no script needed)
/// that says what will happen, then posts the confirmed action with <c>confirmed=true</c>. An action
/// posted without it changes nothing and comes back here. Shown by <c>Confirm.cshtml</c>.
/// The title is the question ("Cabut kunci API Gerbang SMS?"); each consequence one worded sentence;
/// the route leads to the action that does it (and back, unless a cancel route is given); the fields
/// are a form's own values, posted again with the confirmation.
/// </summary>
public sealed record Confirmation(
    string Title, IReadOnlyList<string> Consequences, string Controller, string Action, IReadOnlyDictionary<string, string> Route,
    string Submit, string CancelAction, IReadOnlyDictionary<string, string>? CancelRoute = null)
{
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>For a change to the holiday table: the due dates it moves, listed below the consequences.</summary>
    public HolidayChange.Moves? Moves { get; init; }

    public const string View = "~/Features/Administration/Confirm.cshtml";

    /// <summary>A bound form's values as fields to post again (lists as repeated fields; dates as yyyy-MM-dd; never a [BindNever] property).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FieldsOf(object form) =>
        [.. form.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<BindNeverAttribute>() is null)
            .SelectMany(p => (p.GetValue(form) is IEnumerable values and not string ? values.Cast<object?>() : [p.GetValue(form)])
                .Where(v => v is not null)
                .Select(v => KeyValuePair.Create(p.Name, v switch
                {
                    DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    bool flag => flag ? "true" : "false",
                    IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
                    _ => v!.ToString() ?? "",
                })))];
}
