using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class SimilarityTermsTests
{
    [Fact]
    public void Of_PutsThePlaceFirst_AndDropsCommonAndShortWords()
    {
        var terms = SimilarityTerms.Of("Lampu jalan padam", "Sudah seminggu lampu di jalan ini mati, mohon segera diperbaiki.", "Jl. Kenanga RT 04");

        var words = terms.Select(t => t[0]).ToList();
        Assert.Equal(["kenanga", "lampu", "jalan", "padam"], words.Take(4));
        Assert.DoesNotContain("mohon", words);
        Assert.DoesNotContain("di", words);
        Assert.DoesNotContain("jl", words);
        Assert.Contains("perbaik", terms.SelectMany(t => t));
        Assert.Equal(words.Count, words.Distinct().Count());
    }

    [Fact]
    public void Of_ALongText_IsReadPastTheFirstWords_UpToTheCap()
    {
        var body = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"kata{i}"));

        var terms = SimilarityTerms.Of("Judul", body, null);

        Assert.Equal(SimilarityTerms.MaxTerms, terms.Count);
    }

    [Fact]
    public void Problem_IsTheTitleAndBody_WithoutThePlacesNameOrKind()
    {
        var problem = SimilarityTerms.Problem("Sampah di Kecamatan Makmur", "Tumpukan sampah di dekat pasar Makmur Kota.", "Kecamatan Makmur Kota");

        var forms = problem.SelectMany(t => t).ToList();
        Assert.Contains("sampah", forms);
        Assert.Contains("pasar", forms);
        Assert.DoesNotContain(forms, f => f is "kecamatan" or "makmur" or "kota" or "dekat");
    }

    [Fact]
    public void Of_NothingDistinctive_IsEmpty() => Assert.Empty(SimilarityTerms.Of("di ke", "yang dan", null));
}
