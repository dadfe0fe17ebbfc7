using System.Globalization;
using System.Text;

namespace Lapor.Web.Domain.Reports;

/// <summary>
/// What a person typed into the public search, as words to look for. Each word becomes a term; a
/// report matches when it holds every term, and a term is found when any of its forms begins a word
/// of the report (prefix match: "lamp" finds "lampu", "lapor" finds "laporkan"). Only letters and
/// digits survive, so no search syntax can come through (quotes, *, AND, NEAR( are just separators).
/// <para>
/// Indonesian: the database cannot stem the reports' words, so the query side does a little, and
/// only ever widens. The particles and possessive -nya, -lah, -kah, -pun are cut when a stem of four
/// letters (three for -nya) remains, -kan when five remain, -an and -i when six remain ("lampunya"
/// finds "lampu", "perbaikan" and "diperbaiki" find each other, "memakan" stays whole). The prefixes di-, ter-, ber- and the forms of meN- that
/// keep the root's first letter (me+l/r/w/y, mem+b/p/f, men+c/d/j/t, meng+g/h, meny+vowel → s) add
/// the root as another form when it keeps four letters: "membuang" also finds "buang", "dijual" finds
/// "jual", "menyapu" finds "sapu"; and the root's other prefixed forms, so "memperbaiki" finds
/// "diperbaiki" and "dibuang" finds "membuang". The meN- forms that swallow a letter (menulis, memukul, mengurus)
/// are left whole: guessing the letter gives unrelated words (mengurus → kurus, memasak → pasak).
/// Known roots that merely look affixed (sekolah, masalah, menteri, beruang…) are never cut.
/// </para>
/// </summary>
public static class SearchTerms
{
    public const int MaxTerms = 8;
    public const int MaxWordLength = 40;
    private const int MinRoot = 4;

    private static readonly HashSet<string> KnownRoots = new(StringComparer.Ordinal)
    {
        "sekolah", "masalah", "langkah", "sedekah", "tingkah", "istilah", "menteri", "mentega", "beruang", "divisi", "dinding", "terminal",
    };

    private static readonly (string Suffix, int Keep)[] Suffixes = [("nya", 3), ("lah", 4), ("kah", 4), ("pun", 4), ("kan", 5), ("an", 6), ("i", 6)];

    /// <summary>Roots that end in -nya themselves.</summary>
    private static readonly string[] NyaRoots = ["tanya", "hanya", "punya"];

    private static readonly HashSet<string> NyaPrefixes = new(StringComparer.Ordinal) { "", "ber", "ter", "di", "se", "mem", "men", "per", "pe", "ke" };

    /// <summary>The terms of <paramref name="text"/>, each with its forms (lower case, without accents); empty when it holds no word.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string? text)
    {
        var terms = new List<IReadOnlyList<string>>();
        foreach (var word in Words(text))
        {
            var forms = Forms(word);
            if (!terms.Any(t => t.SequenceEqual(forms)))
            {
                terms.Add(forms);
            }

            if (terms.Count == MaxTerms)
            {
                break;
            }
        }

        return terms;
    }

    /// <summary>
    /// The words of <paramref name="text"/> as the search indexes hold them: lower case, without accents, each run
    /// of letters and digits one word ("Jl.Melati" is "jl" and "melati"), at most <see cref="MaxWordLength"/> letters.
    /// </summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var word = new StringBuilder();
        foreach (var c in plain.Append(' ').ToString())
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.Length > MaxWordLength ? word.ToString(0, MaxWordLength) : word.ToString();
                word.Clear();
            }
        }
    }

    private static List<string> Forms(string word)
    {
        if (KnownRoots.Contains(word) || !word.All(char.IsLetter))
        {
            return [word];
        }

        var stem = WithoutSuffix(word);
        var root = Root(stem);
        if (root is null || root.Length < MinRoot || KnownRoots.Contains(stem))
        {
            return [stem];
        }

        // A prefixed word typed: its root, and the root's other prefixed forms ("memperbaiki" finds "diperbaiki").
        List<string> forms = [stem, root];
        forms.AddRange(Prefixed(root).Where(f => !forms.Contains(f)));
        return forms;
    }

    /// <summary>
    /// The root with the other prefixes a report's word may carry: di-, ber-, ter-, and the meN- form that
    /// keeps the root's first letter (the ones that swallow it, as "tulis" → "menulis", are left out like
    /// in <see cref="Root"/>). Only for a word typed with a prefix: a bare word ("jalan") is not widened to
    /// other words ("berjalan", "menjalankan").
    /// </summary>
    private static IEnumerable<string> Prefixed(string root)
    {
        yield return "di" + root;
        yield return "ber" + root;
        yield return "ter" + root;
        var first = root[0];
        var meN = first switch
        {
            'l' or 'r' or 'w' or 'y' or 'm' or 'n' => "me" + root,
            'b' or 'f' => "mem" + root,
            'p' when root.StartsWith("per", StringComparison.Ordinal) => "mem" + root,
            'c' or 'd' or 'j' => "men" + root,
            'g' or 'h' or 'a' or 'e' or 'i' or 'o' or 'u' => "meng" + root,
            's' => "meny" + root[1..],
            _ => null,
        };
        if (meN is not null)
        {
            yield return meN;
        }
    }

    private static string WithoutSuffix(string word)
    {
        // "tanya", "bertanya" keep their -nya; "lampunya" does not ("lam" is no prefix).
        if (NyaRoots.Any(r => word.EndsWith(r, StringComparison.Ordinal) && NyaPrefixes.Contains(word[..^r.Length])))
        {
            return word;
        }

        foreach (var (suffix, keep) in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                // The first ending that fits decides: a short "-kan" word ("memakan") is not cut to "-an" either.
                return word.Length - suffix.Length >= keep ? word[..^suffix.Length] : word;
            }
        }

        return word;
    }

    /// <summary>The root of a prefixed word when the prefix leaves its first letter in place, else null.</summary>
    private static string? Root(string w)
    {
        static bool Starts(string w, string prefix, string next) =>
            w.Length > prefix.Length && w.StartsWith(prefix, StringComparison.Ordinal) && next.Contains(w[prefix.Length], StringComparison.Ordinal);

        const string Any = "abcdefghijklmnopqrstuvwxyz";
        return Starts(w, "di", Any) ? w[2..]
            : Starts(w, "ter", Any) || Starts(w, "ber", Any) ? w[3..]
            : Starts(w, "meny", "aeiou") ? "s" + w[4..]
            : Starts(w, "meng", "gh") ? w[4..]
            : Starts(w, "mem", "bpf") ? w[3..]
            : Starts(w, "men", "cdjt") ? w[3..]
            : Starts(w, "me", "lrwy") ? w[2..]
            : null;
    }
}
