namespace Lapor.Web.Domain.Reports;

/// <summary>
/// The words of a report worth looking for in other reports: the place first (it tells most reports
/// apart), then the title, then the body, each word with the forms <see cref="SearchTerms"/> gives it.
/// Unlike the public search, a candidate needs only some of them (the index ranks by how many and how
/// rare), so the common words that every report has ("di", "yang", "mohon", "warga") are dropped: they
/// would only slow the search and blur its ranking. Words shorter than three letters go too: as prefixes
/// they match half the index.
/// </summary>
public static class SimilarityTerms
{
    public const int MaxTerms = 16;

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "dan", "atau", "yang", "untuk", "dengan", "dari", "pada", "oleh", "dalam", "sejak", "sudah", "telah", "belum", "tidak", "tak", "bukan",
        "ini", "itu", "tersebut", "ada", "adalah", "karena", "sehingga", "tetapi", "namun", "padahal", "agar", "supaya", "juga", "akan", "masih",
        "sangat", "lebih", "para", "bagi", "kami", "kita", "saya", "kamu", "anda", "mereka", "mohon", "tolong", "segera", "warga", "setiap",
        "selama", "beberapa", "sekitar", "hari", "minggu", "bulan", "tahun", "kali", "banyak", "sampai", "hingga", "lagi", "pun", "jadi",
        "bisa", "dapat", "harus", "perlu", "terus", "saat", "ketika", "waktu", "sini", "sana", "tadi", "kemarin", "sekarang", "laporan",
        "lapor", "melaporkan", "bapak", "ibu", "terima", "kasih", "the", "and",
    };

    /// <summary>Words that say what kind of place, not which: "Jalan Melati" and "Jalan Kenanga" share only them.</summary>
    private static readonly HashSet<string> PlaceKinds = new(StringComparer.Ordinal)
    {
        "jalan", "jln", "desa", "kelurahan", "kecamatan", "kampung", "dusun", "perumahan", "komplek", "kompleks", "gang", "depan", "dekat",
        "sebelah", "samping", "belakang", "seberang", "raya", "kota", "kabupaten", "lingkungan", "blok", "nomor",
        // As written in addresses: "Kel. Sukamaju, Kec. Makmur" names two places, not four.
        "kel", "kec", "kab", "kav", "perum", "komp", "dsn", "prov", "provinsi",
    };

    /// <summary>
    /// The kinds of place as terms begin (<see cref="SearchTerms"/> gives "kecamatan" as "kecamat" first):
    /// compared with the written word alone, a "Kecamatan" in every location would count as a name.
    /// </summary>
    private static readonly HashSet<string> PlaceKindTerms = [.. PlaceKinds.Concat(PlaceKinds.SelectMany(k => SearchTerms.Parse(k).Select(t => t[0])))];

    private static bool IsPlaceKind(IReadOnlyList<string> term) => PlaceKindTerms.Contains(term[0]);

    /// <summary>The words that name the place itself (a street's name, a landmark), without the kind of place.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Place(string? location) =>
        [.. Of(null, null, location).Where(t => !IsPlaceKind(t))];

    /// <summary>
    /// A kind of place written together with the name after it, as place names often are: "Kota Baru" is also
    /// "kotabaru", "Kampung Melayu" "kampungmelayu".
    /// </summary>
    public static IEnumerable<string> JoinedNames(string? location)
    {
        var words = SearchTerms.Words(location).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (PlaceKindTerms.Contains(words[i]) && words[i + 1].Length >= 3)
            {
                yield return words[i] + words[i + 1];
            }
        }
    }

    /// <summary>
    /// The words of the problem itself: the title's and body's, without those naming or kinding the place
    /// ("Kecamatan Makmur Kota"). Two reports that share only the place are two problems in one place.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Problem(string? title, string? body, string? location)
    {
        var place = Of(null, null, location).Select(t => t[0]).ToHashSet(StringComparer.Ordinal);
        return [.. Of(title, body, null).Where(t => !IsPlaceKind(t) && !place.Contains(t[0]))];
    }

    /// <summary>
    /// The share of <paramref name="terms"/> found in <paramref name="text"/> (a term is found when one of its
    /// forms begins a word, as in the index); 0 when there are no terms.
    /// </summary>
    public static double Share(IReadOnlyList<IReadOnlyList<string>> terms, string? text)
    {
        if (terms.Count == 0 || string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        var words = Chunks(text).SelectMany(SearchTerms.Parse).SelectMany(t => t).ToHashSet(StringComparer.Ordinal);
        return (double)terms.Count(t => t.Any(form => words.Any(w => w.StartsWith(form, StringComparison.Ordinal) || (w.Length >= 4 && form.StartsWith(w, StringComparison.Ordinal))))) / terms.Count;
    }

    /// <summary>The terms to look for (each a list of forms), at most <see cref="MaxTerms"/>; empty when nothing distinctive is left.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Of(string? title, string? body, string? location)
    {
        var terms = new List<IReadOnlyList<string>>();
        foreach (var text in new[] { location, title, body })
        {
            foreach (var chunk in Chunks(text))
            {
                foreach (var term in SearchTerms.Parse(chunk))
                {
                    if (term[0].Length >= 3 && !Common.Contains(term[0]) && !terms.Any(t => t.SequenceEqual(term)))
                    {
                        terms.Add(term);
                    }

                    if (terms.Count == MaxTerms)
                    {
                        return terms;
                    }
                }
            }
        }

        return terms;
    }

    /// <summary>
    /// <see cref="SearchTerms.Parse"/> stops after a few words, so a long text goes in pieces of that
    /// many words, each piece parsed on its own.
    /// </summary>
    private static IEnumerable<string> Chunks(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var words = text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i += SearchTerms.MaxTerms / 2)
        {
            yield return string.Join(' ', words.Skip(i).Take(SearchTerms.MaxTerms / 2));
        }
    }
}
