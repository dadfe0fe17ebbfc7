using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Localization;

/// <summary>
/// MVC's own binding errors ("The value 'x' is not valid") in the reader's language, so a mistyped
/// date or a tampered choice gets the same clear message as any other validation error.
/// </summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => t["Binding.Invalid", field]);
        messages.SetUnknownValueIsInvalidAccessor(field => t["Binding.Invalid", field]);
        messages.SetValueIsInvalidAccessor(_ => t["Binding.InvalidValue"]);
        messages.SetValueMustBeANumberAccessor(field => t["Binding.Number", field]);
        messages.SetMissingBindRequiredValueAccessor(field => t["Validation.Required", field]);
        messages.SetValueMustNotBeNullAccessor(field => t["Validation.Required", field]);
        messages.SetMissingKeyOrValueAccessor(() => t["Binding.InvalidValue"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Binding.InvalidValue"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Binding.InvalidValue"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Binding.InvalidValue"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Binding.InvalidValue"]);
    }
}
