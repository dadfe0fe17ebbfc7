using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Lapor.Web.Infrastructure.Storage;

/// <summary>
/// Rewrites an uploaded PDF so that it can neither name its author nor run anything on an officer's
/// computer. Word processors put the author's account name in the document information and the XMP
/// metadata, and a PDF can carry JavaScript, launch and form-submit actions and whole other files.
/// PDFsharp writes a new file from what is left (pages, text, images, links), so earlier revisions
/// and bytes appended after the end are gone too.
/// </summary>
public static class PdfSanitizer
{
    public const string ProtectedKey = "Validation.PdfProtected";
    public const string UnreadableKey = "Validation.PdfUnreadable";

    /// <summary>
    /// Dropped from every dictionary: metadata (XMP, application data), scripts and their triggers,
    /// attached files, XFA forms (scripts and data of their own), usage rights and signature stores.
    /// </summary>
    private static readonly string[] DroppedKeys =
    [
        "/Metadata", "/PieceInfo", "/OpenAction", "/AA", "/JavaScript", "/JS", "/EmbeddedFiles", "/EF", "/AF", "/Collection", "/XFA", "/Perms", "/DSS",
    ];

    /// <summary>Actions that only move within the document or open an address the officer clicks; JavaScript, Launch, SubmitForm, ImportData and the rest go.</summary>
    private static readonly HashSet<string> KeptActions = ["/GoTo", "/URI", "/Named"];

    /// <summary>Annotations that hold a file or a media player (which can run scripts).</summary>
    private static readonly HashSet<string> DroppedAnnotations = ["/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"];

    /// <summary>The rewritten file, or null and the resource key (taking the file name) of why it is refused.</summary>
    public sealed record Result(byte[]? Pdf, string RefusalKey);

    public static Result Rewrite(byte[] pdf)
    {
        // PDFsharp is not safe with every file (see PdfParseGuard): these checks run first.
        if (PdfParseGuard.Prepare(pdf) is not { } prepared)
        {
            return new Result(null, UnreadableKey);
        }

        try
        {
            // Read once without touching the page tree, which opening for changes flattens by recursion.
            using (var probe = Open(prepared, PdfDocumentOpenMode.Import))
            {
                if (probe is null)
                {
                    return new Result(null, ProtectedKey);
                }

                if (!PdfParseGuard.HasPlainPageTree(probe))
                {
                    return new Result(null, UnreadableKey);
                }
            }

            using var document = Open(prepared, PdfDocumentOpenMode.Modify);
            if (document is null)
            {
                return new Result(null, ProtectedKey);
            }

            Clean(document);
            using var output = new MemoryStream();
            document.Save(output);
            return new Result(output.ToArray(), "");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged file shows up as any of many exception types (parser, cast, index, "no pages"); each means it cannot be cleaned.
            return new Result(null, UnreadableKey);
        }
    }

    /// <summary>Aborting the password prompt makes PDFsharp return null for an encrypted file: we cannot clean what we cannot read.</summary>
    private static PdfDocument? Open(byte[] pdf, PdfDocumentOpenMode mode) =>
        PdfReader.Open(new MemoryStream(pdf, writable: false), mode, args => args.Abort = true);

    private static void Clean(PdfDocument document)
    {
        // Emptied rather than edited: PDFsharp keeps an imported Producer as "(Original: …)" beside its own name.
        document.Info.Elements.Clear();

        // The first ID is the author's tool's fingerprint of the original file; both become random.
        document.Internals.FirstDocumentID = RandomId();
        document.Internals.SecondDocumentID = RandomId();

        foreach (var page in document.Pages)
        {
            CleanAnnotations(page);
        }

        foreach (var item in document.Internals.GetAllObjects())
        {
            CleanTree(item);
        }
    }

    private static void CleanAnnotations(PdfPage page)
    {
        if (page.Elements.GetArray("/Annots") is not { } annotations)
        {
            return;
        }

        for (var i = annotations.Elements.Count - 1; i >= 0; i--)
        {
            var annotation = annotations.Elements.GetDictionary(i);
            var subtype = NameOf(annotation, "/Subtype");
            if (annotation is null || DroppedAnnotations.Contains(subtype ?? "")
                || (subtype == "/Popup" && DroppedAnnotations.Contains(NameOf(annotation.Elements.GetDictionary("/Parent"), "/Subtype") ?? "")))
            {
                annotations.Elements.RemoveAt(i);
            }
            else if (subtype != "/Widget")
            {
                // A comment's /T is its author's name (a form field's /T is the field's name and stays).
                annotation.Elements.Remove("/T");
            }
        }
    }

    /// <summary>Cleans an indirect object and the direct dictionaries and arrays inside it; other indirect objects get their own turn.</summary>
    private static void CleanTree(PdfObject root)
    {
        var pending = new Stack<PdfObject>([root]);
        while (pending.TryPop(out var item))
        {
            if (item is PdfDictionary dictionary)
            {
                CleanDictionary(dictionary);
                PushDirect(pending, dictionary.Elements.Values);
            }
            else if (item is PdfArray array)
            {
                PushDirect(pending, array.Elements);
            }
        }
    }

    private static void PushDirect(Stack<PdfObject> pending, IEnumerable<PdfItem?> children)
    {
        foreach (var child in children)
        {
            if (child is PdfDictionary { IsIndirect: false } or PdfArray { IsIndirect: false })
            {
                pending.Push((PdfObject)child);
            }
        }
    }

    private static void CleanDictionary(PdfDictionary dictionary)
    {
        foreach (var key in DroppedKeys)
        {
            dictionary.Elements.Remove(key);
        }

        if (dictionary.Elements.GetObject("/A") is PdfDictionary action && NameOf(action, "/S") is { } type)
        {
            if (KeptActions.Contains(type))
            {
                action.Elements.Remove("/Next");
            }
            else
            {
                dictionary.Elements.Remove("/A");
            }
        }

        // A signature's value holds the signer's certificate and name, and no longer matches the rewritten file anyway.
        if (NameOf(dictionary, "/FT") == "/Sig")
        {
            dictionary.Elements.Remove("/V");
        }

        // A scan or photo placed in a PDF keeps its camera's EXIF (GPS) inside the image stream.
        if (NameOf(dictionary, "/Subtype") == "/Image" && OnlyFilterOf(dictionary) == "/DCTDecode"
            && dictionary.Stream is { } stream && JpegMetadata.Strip(stream.Value) is { } jpeg)
        {
            stream.Value = jpeg;
        }
    }

    /// <summary>The image's one filter, written as a name or (as ImageMagick writes it) a one-element array.</summary>
    private static string? OnlyFilterOf(PdfDictionary dictionary) => dictionary.Elements["/Filter"] switch
    {
        PdfArray { Elements.Count: 1 } array => array.Elements[0] switch
        {
            PdfName name => name.Value,
            PdfReference { Value: PdfNameObject name } => name.Value,
            _ => null,
        },
        _ => NameOf(dictionary, "/Filter"),
    };

    private static string? NameOf(PdfDictionary? dictionary, string key) => dictionary?.Elements[key] switch
    {
        PdfName name => name.Value,
        PdfReference { Value: PdfNameObject name } => name.Value,
        _ => null,
    };

    private static string RandomId() => Encoding.Latin1.GetString(RandomNumberGenerator.GetBytes(16));
}
