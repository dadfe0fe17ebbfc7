using System.Buffers.Binary;

namespace Lapor.Web.Infrastructure.Storage;

/// <summary>
/// Removes metadata from a JPEG without re-encoding it: the file is rewritten segment by segment,
/// dropping every APPn block (EXIF with GPS, XMP, IPTC, maker notes, thumbnails, ICC) and comments,
/// keeping only the Adobe block decoders need for CMYK colours, and nothing after the end marker.
/// The photo keeps every pixel as taken (evidence), and costs a copy instead of a decode and encode.
/// </summary>
public static class JpegMetadata
{
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte Comment = 0xFE;

    /// <summary>
    /// The same image without metadata, or null when the bytes are not a well-formed JPEG (no frame,
    /// no scan, a segment running past the end, no end marker). A non-default EXIF orientation is
    /// kept as a minimal EXIF block holding that one value, so portrait photos stay upright.
    /// </summary>
    public static byte[]? Strip(ReadOnlySpan<byte> jpeg, ushort orientation = 1)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != StartOfImage)
        {
            return null;
        }

        var output = new MemoryStream(jpeg.Length);
        output.Write([0xFF, StartOfImage]);
        if (orientation is > 1 and <= 8)
        {
            output.Write(OrientationOnlyExif(orientation));
        }

        bool frame = false, scan = false;
        var position = 2;
        while (position < jpeg.Length)
        {
            if (jpeg[position] != 0xFF)
            {
                return null;
            }

            // Fill bytes (0xFF 0xFF …) may precede a marker.
            while (position < jpeg.Length && jpeg[position] == 0xFF)
            {
                position++;
            }

            if (position >= jpeg.Length)
            {
                return null;
            }

            var marker = jpeg[position++];
            if (marker == EndOfImage)
            {
                output.Write([0xFF, EndOfImage]);
                return frame && scan ? output.ToArray() : null;
            }

            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                output.Write([0xFF, marker]);
                continue;
            }

            if (position + 2 > jpeg.Length)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[position..]);
            if (length < 2 || position + length > jpeg.Length)
            {
                return null;
            }

            var body = jpeg.Slice(position + 2, length - 2);
            var keep = marker switch
            {
                >= 0xE0 and <= 0xEF => marker == 0xEE && body.StartsWith("Adobe"u8),
                Comment => false,
                _ => true,
            };
            if (keep)
            {
                output.Write([0xFF, marker]);
                output.Write(jpeg.Slice(position, length));
            }

            frame |= marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
            position += length;
            if (marker == StartOfScan)
            {
                scan = true;

                // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
                var start = position;
                while (position + 1 < jpeg.Length && !(jpeg[position] == 0xFF && jpeg[position + 1] != 0x00 && jpeg[position + 1] is not (>= 0xD0 and <= 0xD7)))
                {
                    position++;
                }

                output.Write(jpeg[start..position]);
            }
        }

        return null;
    }

    /// <summary>APP1 "Exif": a big-endian TIFF header and one IFD with the single Orientation (0x0112) entry.</summary>
    private static byte[] OrientationOnlyExif(ushort orientation)
    {
        byte[] segment =
        [
            0xFF, 0xE1, 0x00, 0x22,
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0x00, 0x00,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01,
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(28), orientation);
        return segment;
    }
}
