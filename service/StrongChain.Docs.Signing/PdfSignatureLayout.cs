using System.Formats.Asn1;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StrongChain.Docs.Signing;

/// <summary>Where a PDF's last signature lies: its /ByteRange, the hex /Contents between the two ranges, and its dictionary's text.</summary>
/// <param name="Start1">Offset of the first signed range (0).</param>
/// <param name="Length1">Length of the first range (up to the '&lt;' of /Contents).</param>
/// <param name="Start2">Offset of the second range (just after the '&gt;').</param>
/// <param name="Length2">Length of the second range.</param>
public sealed partial record PdfSignatureLayout(long Start1, long Length1, long Start2, long Length2, string Dictionary)
{
    public int ContentsHexStart => (int)(Start1 + Length1 + 1);

    public int ContentsHexLength => (int)(Start2 - 1 - ContentsHexStart);

    /// <summary>Whether the two ranges cover the whole file but the /Contents (else bytes were appended or the ranges lie).</summary>
    public bool CoversWholeFile(long fileLength) => Start1 == 0 && Start2 + Length2 == fileLength && Start2 > Start1 + Length1;

    public byte[] SignedBytes(byte[] pdf)
    {
        var signed = new byte[Length1 + Length2];
        Array.Copy(pdf, Start1, signed, 0, Length1);
        Array.Copy(pdf, Start2, signed, Length1, Length2);
        return signed;
    }

    /// <summary>The CMS bytes of /Contents: as long as its outer DER value says, so the zero padding after it is dropped (and none of it).</summary>
    /// <exception cref="FormatException">The contents are not hex, or not one ASN.1 value.</exception>
    public byte[] Contents(byte[] pdf)
    {
        var padded = Convert.FromHexString(Encoding.ASCII.GetString(pdf, ContentsHexStart, ContentsHexLength));
        try
        {
            // Trimming trailing "0" characters instead would cut a CMS whose last byte happens to be 0x00 (one in 256).
            AsnDecoder.ReadEncodedValue(padded, AsnEncodingRules.BER, out _, out _, out var length);
            return padded[..length];
        }
        catch (AsnContentException ex)
        {
            throw new FormatException("The signature contents are not one ASN.1 value.", ex);
        }
    }

    /// <summary>The last /ByteRange of the file, when its numbers point inside the file at a hex string; else null.</summary>
    public static PdfSignatureLayout? Find(byte[] pdf)
    {
        // Latin-1 keeps one char per byte, so regex offsets are byte offsets.
        var text = Encoding.Latin1.GetString(pdf);
        var match = ByteRange().Matches(text).LastOrDefault();
        if (match is null)
        {
            return null;
        }

        // Each number must point inside the file before any sum of them is taken (so none overflows or indexes past the end).
        var n = new long[4];
        for (var i = 0; i < 4; i++)
        {
            if (!long.TryParse(match.Groups[i + 1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out n[i]) || n[i] >= pdf.Length)
            {
                return null;
            }
        }

        var layout = new PdfSignatureLayout(n[0], n[1], n[2], n[3], "");
        if (n[0] != 0 || layout.Start2 <= layout.Start1 + layout.Length1 + 1 || layout.Start2 + layout.Length2 > pdf.Length
            || pdf[layout.Start1 + layout.Length1] != (byte)'<' || pdf[layout.Start2 - 1] != (byte)'>')
        {
            return null;
        }

        var dictionaryStart = text.LastIndexOf("<<", (int)(layout.Start1 + layout.Length1), StringComparison.Ordinal);
        var dictionaryEnd = text.IndexOf(">>", match.Index, StringComparison.Ordinal);
        var dictionary = dictionaryStart >= 0 && dictionaryEnd > dictionaryStart && dictionaryEnd + 2 >= layout.Start2
            ? text[dictionaryStart..(int)(layout.Start1 + layout.Length1)] + text[(int)layout.Start2..(dictionaryEnd + 2)]
            : "";
        return layout with { Dictionary = dictionary };
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}
