using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>
/// A checkbox posted with a value that is not a boolean (a scanner's "true'\"(") would make the
/// re-shown form throw while rendering the checkbox. Such values are replaced by "false" before the
/// view renders; the validation error stays, and every other typed value is kept.
/// </summary>
public sealed class InvalidBooleanInputFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not ViewResult { Model: { } model } || context.ModelState.IsValid)
        {
            return;
        }

        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count > 0 && PropertyType(model.GetType(), key) is { } type
                && Nullable.GetUnderlyingType(type) is var underlying && (underlying ?? type) == typeof(bool)
                && !bool.TryParse(entry.AttemptedValue, out _))
            {
                context.ModelState.SetModelValue(key, false, "false");
            }
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    /// <summary>
    /// The type of the property a model-state key ("Form.IsAnonymous") names, or null. Ignoring case, as model
    /// binding does: "form.IsAnonymous" binds the same checkbox.
    /// </summary>
    private static Type? PropertyType(Type modelType, string key)
    {
        var type = modelType;
        foreach (var name in key.Split('.'))
        {
            type = type.GetProperty(name.Split('[')[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (type is null)
            {
                return null;
            }
        }

        return type;
    }
}
