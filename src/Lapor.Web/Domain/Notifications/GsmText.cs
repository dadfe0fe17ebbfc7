using System.Globalization;
using System.Text;

namespace Lapor.Web.Domain.Notifications;

/// <summary>
/// An SMS in the GSM 03.38 7-bit alphabet goes 160 characters to a segment (153 when split); one
/// character outside it ("—", "…", curly quotes, "•", an emoji) sends the whole message as UCS-2,
/// 70 to a segment (67 when split) — more than twice the segments, and the reporter pays for them on
/// some plans. <see cref="Fold(string)"/> writes a text with what GSM has: typographic punctuation as its
/// plain spelling, accented letters GSM lacks as their base letter, the rest as "?".
/// </summary>
public static class GsmText
{
    /// <summary>The basic character set: one septet each.</summary>
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>The extension table: two septets each (an escape, then the character).</summary>
    private const string Extension = "^{}\\[~]|€\f";

    public const int SingleSegment = 160;
    public const int PerSegmentWhenSplit = 153;
    public const int SingleUcs2Segment = 70;
    public const int PerUcs2SegmentWhenSplit = 67;

    public static bool IsGsm(char c) => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal);

    /// <summary>Whether the whole text goes in the 7-bit alphabet.</summary>
    public static bool IsGsm(string text) => text.All(IsGsm);

    /// <summary>The text in the GSM 7-bit alphabet: what it has is kept as it is.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            folded.Append(Fold(rune));
        }

        return folded.ToString();
    }

    /// <summary>How many SMS the text takes once folded (a concatenated SMS carries a 7-septet header in each part).</summary>
    public static int Segments(string text)
    {
        if (text.Length == 0)
        {
            return 1;
        }

        if (!IsGsm(text))
        {
            return text.Length <= SingleUcs2Segment ? 1 : (text.Length + PerUcs2SegmentWhenSplit - 1) / PerUcs2SegmentWhenSplit;
        }

        var septets = text.Sum(c => Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1);
        return septets <= SingleSegment ? 1 : (septets + PerSegmentWhenSplit - 1) / PerSegmentWhenSplit;
    }

    private static string Fold(Rune rune)
    {
        if (rune.IsBmp && IsGsm((char)rune.Value))
        {
            return rune.ToString();
        }

        switch (rune.Value)
        {
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' or '`':
                return "'";
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB':
                return "\"";
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u00AD':
                return "-";
            case '\u2026':
                return "...";
            case '\u2022' or '\u00B7' or '\u2023' or '\u2043' or '\u25E6' or '\u2219':
                return "-";
            case '\t' or '\u00A0' or '\u2007' or '\u202F' or (>= '\u2000' and <= '\u200A') or '\u3000':
                return " ";
            case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                return "";
            case '\u00D7':
                return "x";
            case '\u2264':
                return "<=";
            case '\u2265':
                return ">=";
        }

        // A letter with a mark GSM lacks ("ê", "ç", "ő"): its base letter, when GSM has that.
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        var letters = new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
        return letters.Length > 0 && IsGsm(letters) ? letters : "?";
    }
}
