using System.Security.Cryptography.X509Certificates;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace StrongChain.Docs.Signing;

/// <summary>
/// PAdES baseline signing: PDFsharp writes the signature field, box and a zero-filled /Contents placeholder; we then set the
/// PAdES sub-filter, sign the /ByteRange with <see cref="CadesSignature"/> and write the CMS into the placeholder.
/// </summary>
public sealed class PadesSigner(X509Certificate2 certificate, ITimestampClient? timestamps, string location) : IPdfSigner
{
    /// <summary>Room for the CMS: the certificate, the signature and a timestamp token with its own certificates.</summary>
    public const int ContentsBytes = 16 * 1024;

    /// <summary>The visible box, in points.</summary>
    public const double BoxWidth = 260, BoxHeight = 62;

    private static readonly byte[] PdfsharpSubFilter = "/SubFilter/adbe.pkcs7.detached"u8.ToArray();

    // Same length as PDFsharp's value, so replacing it moves no offset that /ByteRange or the xref table points at.
    private static readonly byte[] PadesSubFilter = "/SubFilter/ETSI.CAdES.detached"u8.ToArray();

    public string SignerName { get; } = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    public async Task<byte[]> SignAsync(byte[] pdf, SignatureStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var prepared = Prepare(pdf, stamp);
        var at = LastIndexOf(prepared, PdfsharpSubFilter);
        if (at < 0)
        {
            throw new InvalidOperationException("PDFsharp wrote no signature dictionary.");
        }

        PadesSubFilter.CopyTo(prepared, at);
        StampSigningTime(prepared, at, stamp.SignedAt);
        var ranges = PdfSignatureLayout.Find(prepared) ?? throw new InvalidOperationException("The prepared PDF has no /ByteRange.");
        var cms = await CadesSignature.CreateAsync(ranges.SignedBytes(prepared), certificate, timestamps, ct);
        if (cms.Length * 2 > ranges.ContentsHexLength)
        {
            throw new InvalidOperationException($"The signature ({cms.Length} bytes) does not fit the {ContentsBytes}-byte placeholder.");
        }

        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(prepared, ranges.ContentsHexStart);
        return prepared;
    }

    private byte[] Prepare(byte[] pdf, SignatureStamp stamp)
    {
        PlatformFonts.EnsureRegistered();
        using var document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Modify);

        // A page of its own for the box, so it never covers the agreement's text (the signature blocks end the last page).
        var last = document.Pages[^1];
        var page = document.AddPage();
        (page.Width, page.Height) = (last.Width, last.Height);
        var options = new DigitalSignatureOptions
        {
            PageIndex = document.Pages.Count - 1,
            // 72 pt from the top left (PDFsharp takes PDF coordinates: origin at the bottom left).
            Rectangle = new XRect(72, page.Height.Point - 72 - BoxHeight, BoxWidth, BoxHeight),
            Reason = $"StrongChain agreement {stamp.AgreementId}; docx sha256 {stamp.DocxSha256}",
            Location = location,
            ContactInfo = SignerName,
            AppName = "StrongChain.Docs",
            AppearanceHandler = new SignatureAppearance(stamp, SignerName),
        };
        DigitalSignatureHandler.ForDocument(document, new Placeholder(SignerName), options);
        document.Info.ModificationDate = stamp.SignedAt.UtcDateTime;
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static int LastIndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().LastIndexOf(needle);

    /// <summary>PDFsharp writes its own clock into /M as <c>D:yyyyMMddHHmmss+00'00'</c>; the stamp's time (UTC, same length) goes there instead.</summary>
    private static void StampSigningTime(byte[] pdf, int dictionaryAt, DateTimeOffset signedAt)
    {
        var m = pdf.AsSpan(dictionaryAt).IndexOf("/M(D:"u8);
        if (m < 0 || m > 200)
        {
            throw new InvalidOperationException("PDFsharp wrote no signing time next to the sub-filter.");
        }

        var digits = Encoding.ASCII.GetBytes(signedAt.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "+00'00'");
        digits.CopyTo(pdf, dictionaryAt + m + 5);
    }

    /// <summary>Reserves the /Contents space; the real CMS is written afterwards, over the PAdES sub-filter.</summary>
    private sealed class Placeholder(string name) : IDigitalSigner
    {
        public string CertificateName => name;

        public Task<byte[]> GetSignatureAsync(Stream stream) => Task.FromResult(Array.Empty<byte>());

        public Task<int> GetSignatureSizeAsync() => Task.FromResult(ContentsBytes);
    }
}
