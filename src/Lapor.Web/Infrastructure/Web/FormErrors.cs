using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>How a form's fields, their messages and the error summary find one another, by the ModelState key.</summary>
public static class FormErrors
{
    /// <summary>The id of the element the summary (and a screen reader) reads a field's message from.</summary>
    public static string MessageId(string key) => FieldId(key) + "-error";

    /// <summary>The id ASP.NET Core gives the field bound to <paramref name="key"/> ("Form.Title" → "Form_Title").</summary>
    public static string FieldId(string key) => TagBuilder.CreateSanitizedId(key, "_");

    public static bool HasError(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>The key with an error that a hand-written field stands for: its name, or the key its id was made from.</summary>
    public static string? KeyOf(ModelStateDictionary modelState, string? name, string? id)
    {
        if (name is not null && HasError(modelState, name))
        {
            return name;
        }

        return id is null ? null : modelState.FirstOrDefault(e => e.Value is { Errors.Count: > 0 } && e.Key.Length > 0 && string.Equals(FieldId(e.Key), id, StringComparison.OrdinalIgnoreCase)).Key;
    }
}
