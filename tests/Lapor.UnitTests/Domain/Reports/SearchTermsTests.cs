using Lapor.Web.Data.Search;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class SearchTermsTests
{
    private static string Show(string? text) => string.Join(" ", SearchTerms.Parse(text).Select(t => string.Join("|", t)));

    [Theory]
    [InlineData("KTP", "ktp")]
    [InlineData("ktp", "ktp")]
    [InlineData("Lampu Jalan", "lampu jalan")]
    [InlineData("  lampu   jalan lampu ", "lampu jalan")]
    [InlineData("Kafé Beyoncé", "kafe beyonce")]
    [InlineData("lampunya", "lampu")]
    [InlineData("tanya", "tanya")]
    [InlineData("menanyakan", "menanya")]
    [InlineData("airnya", "air")]
    [InlineData("bertanya", "bertanya|tanya|ditanya|tertanya")]
    [InlineData("hanya", "hanya")]
    [InlineData("sekolah", "sekolah")]
    [InlineData("masalah", "masalah")]
    [InlineData("langkah", "langkah")]
    [InlineData("meskipun", "meski")]
    [InlineData("laporkan", "lapor")]
    [InlineData("memakan", "memakan")]
    [InlineData("membuang", "membuang|buang|dibuang|berbuang|terbuang")]
    [InlineData("dijual", "dijual|jual|berjual|terjual|menjual")]
    [InlineData("diperbaiki", "diperbaik|perbaik|berperbaik|terperbaik|memperbaik")]
    [InlineData("memperbaiki", "memperbaik|perbaik|diperbaik|berperbaik|terperbaik")]
    [InlineData("perbaikan", "perbai")]
    [InlineData("layanan", "layanan")]
    [InlineData("lapangan", "lapang")]
    [InlineData("berlubang", "berlubang|lubang|dilubang|terlubang|melubang")]
    [InlineData("terbakar", "terbakar|bakar|dibakar|berbakar|membakar")]
    [InlineData("melapor", "melapor|lapor|dilapor|berlapor|terlapor")]
    [InlineData("mendaftar", "mendaftar|daftar|didaftar|berdaftar|terdaftar")]
    [InlineData("menghapus", "menghapus|hapus|dihapus|berhapus|terhapus")]
    [InlineData("menyapu", "menyapu|sapu|disapu|bersapu|tersapu")]
    [InlineData("dibersihkan", "dibersih|bersih|berbersih|terbersih|membersih")]
    public void Parse_CasesAccentsAndIndonesianAffixes(string text, string expected) => Assert.Equal(expected, Show(text));

    /// <summary>Where cutting a prefix would only guess a letter, or give an unrelated word, the word stays whole.</summary>
    [Theory]
    [InlineData("memang", "memang")]
    [InlineData("menang", "menang")]
    [InlineData("menteri", "menteri")]
    [InlineData("mengurus", "mengurus")]
    [InlineData("memasak", "memasak")]
    [InlineData("beruang", "beruang")]
    [InlineData("bersama", "bersama|sama|disama|tersama|menyama")]
    [InlineData("dinas", "dinas")]
    [InlineData("beras", "beras")]
    [InlineData("merah", "merah")]
    public void Parse_NeverCutsToAnUnrelatedShortWord(string text, string expected) => Assert.Equal(expected, Show(text));

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("\"\"\"")]
    [InlineData("()^:{}")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_WithoutWords_IsEmpty(string? text) => Assert.Empty(SearchTerms.Parse(text));

    [Theory]
    [InlineData("lampu\" OR \"x", "lampu or x")]
    [InlineData("NEAR(lampu jalan)", "near lampu jalan")]
    [InlineData("lampu AND -jalan*", "lampu and jalan")]
    [InlineData("Title:lampu", "title lampu")]
    public void Parse_SyntaxBecomesPlainWords(string text, string expected) => Assert.Equal(expected, Show(text));

    [Fact]
    public void Parse_KeepsAtMostEightTermsOfFortyLetters()
    {
        var terms = SearchTerms.Parse(string.Join(" ", Enumerable.Range(0, 20).Select(i => $"kata{i}")) + " " + new string('a', 100));

        Assert.Equal(SearchTerms.MaxTerms, terms.Count);
        Assert.All(SearchTerms.Parse(new string('a', 100)), t => Assert.Equal(SearchTerms.MaxWordLength, t[0].Length));
    }

    [Fact]
    public void Fts5Expression_QuotesEveryForm_AsAPrefix()
    {
        var expression = SqliteReportSearch.MatchExpression(SearchTerms.Parse("Lampu membuang NEAR("));

        Assert.Equal("\"lampu\"* AND (\"membuang\"* OR \"buang\"* OR \"dibuang\"* OR \"berbuang\"* OR \"terbuang\"*) AND \"near\"*", expression);
    }

    [Fact]
    public void SqlServerCondition_QuotesEveryForm_AsAPrefix() =>
        Assert.Equal("\"membuang*\" OR \"buang*\" OR \"dibuang*\" OR \"berbuang*\" OR \"terbuang*\"", SqlServerReportSearch.Condition(SearchTerms.Parse("membuang")[0]));
}
