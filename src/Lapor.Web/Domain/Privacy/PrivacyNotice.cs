namespace Lapor.Web.Domain.Privacy;

/// <summary>
/// The privacy notice ("kebijakan privasi") every visitor can read and the administrator edits: one row,
/// in Indonesian and English, as plain text (blank lines part paragraphs). It is never taken as HTML.
/// </summary>
public sealed class PrivacyNotice
{
    public const int MaxLength = 20000;

    public int Id { get; private set; } = 1;
    public string TextId { get; private set; }
    public string TextEn { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public PrivacyNotice(string textId, string textEn, DateTimeOffset updatedAt)
    {
        (TextId, TextEn) = Checked(textId, textEn);
        UpdatedAt = updatedAt;
    }

    public void Change(string textId, string textEn, DateTimeOffset now)
    {
        (TextId, TextEn) = Checked(textId, textEn);
        UpdatedAt = now;
    }

    /// <summary>The text in the reader's language: English for "en", Indonesian otherwise.</summary>
    public string For(string language) => language == "en" ? TextEn : TextId;

    private static (string, string) Checked(string textId, string textEn)
    {
        if (string.IsNullOrWhiteSpace(textId) || string.IsNullOrWhiteSpace(textEn))
        {
            throw new DomainException("Privacy.Required");
        }

        if (textId.Length > MaxLength || textEn.Length > MaxLength)
        {
            throw new DomainException("Privacy.TooLong");
        }

        // Line ends as one form, so the paragraphs read the same whatever browser sent them.
        return (textId.Replace("\r\n", "\n").Trim(), textEn.Replace("\r\n", "\n").Trim());
    }
}
