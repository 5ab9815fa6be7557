using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf.Annotations;

namespace StrongChain.Docs.Signing;

/// <summary>The visible signature box: who signed, the agreement id and the .docx's SHA-256 (Latin text: PDFsharp cannot lay out Chinese).</summary>
internal sealed class SignatureAppearance(SignatureStamp stamp, string signer) : IAnnotationAppearanceHandler
{
    public void DrawAppearance(XGraphics gfx, XRect rect)
    {
        // PDFsharp passes the widget's page position, but the appearance is its own form with the origin at the box's corner.
        rect = new XRect(0, 0, rect.Width, rect.Height);
        var frame = new XPen(XColor.FromArgb(0xB0, 0x1E, 0x23), 1);
        gfx.DrawRectangle(frame, XBrushes.White, new XRect(rect.X + 0.5, rect.Y + 0.5, rect.Width - 1, rect.Height - 1));
        var heading = $"Digitally signed by {signer}";
        var title = new XFont(PlatformFonts.Family, 8, XFontStyleEx.Bold);
        var width = gfx.MeasureString(heading, title).Width;
        if (width > rect.Width - 12)
        {
            // A long certificate name shrinks the heading rather than running out of the box.
            title = new XFont(PlatformFonts.Family, 8 * (rect.Width - 12) / width, XFontStyleEx.Bold);
        }

        var body = new XFont(PlatformFonts.Family, 6.5);
        string[] lines =
        [
            $"Agreement {stamp.AgreementId}",
            $"DOCX SHA-256 {stamp.DocxSha256[..32]}",
            $"             {stamp.DocxSha256[32..]}",
            $"Signed {stamp.SignedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC",
        ];
        gfx.DrawString(heading, title, XBrushes.Black, new XPoint(rect.X + 6, rect.Y + 12));
        for (var i = 0; i < lines.Length; i++)
        {
            gfx.DrawString(lines[i], body, XBrushes.Black, new XPoint(rect.X + 6, rect.Y + 23 + (i * 8.5)));
        }
    }
}

/// <summary>PDFsharp's fonts for the signature box: one Latin TrueType face from the system (Debian fonts-dejavu-core).</summary>
internal sealed class PlatformFonts : IFontResolver
{
    public const string Family = "StrongChainSignature";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    ];

    private static readonly Lazy<byte[]> Face = new(() =>
        Candidates.FirstOrDefault(File.Exists) is { } path
            ? File.ReadAllBytes(path)
            : throw new InvalidOperationException("No font for the signature box: install Debian fonts-dejavu-core."));

    private static readonly Lock Gate = new();

    /// <summary>PDFsharp's resolver is process-wide: set ours once, unless the host set one already.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new PlatformFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Family, bold, italic);

    public byte[]? GetFont(string faceName) => Face.Value;
}
