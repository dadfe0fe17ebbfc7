using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Lapor.TestSupport;

/// <summary>
/// Checks a workbook the way Excel reads it, with Microsoft's Open XML SDK validator (the ECMA-376 schemas and
/// Office's own constraints), not with the library that wrote it: an element out of its schema place is what
/// makes Excel offer to "repair" a file and drop parts of it.
/// </summary>
public static class OfficeFiles
{
    public static void AssertValidWorkbook(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, "The workbook does not follow the Office Open XML schema:\n" + string.Join('\n', errors.Take(20)));
    }
}
