namespace Lapor.Web.Domain;

/// <summary>
/// A business rule was broken (an illegal transition, a missing reason). <see cref="Code"/> is a
/// resource key, so the UI can show the rule in the reader's language.
/// </summary>
public sealed class DomainException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
