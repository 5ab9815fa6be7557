using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace StrongChain.Docs.Signing;

/// <summary>
/// Verifies the last signature of a PDF: the CMS over the /ByteRange (digest and signature value), that the ranges cover the
/// whole file, and that the signer is the platform's certificate. Trust in the certificate itself is the platform's own.
/// </summary>
public sealed partial class PdfSignatureVerifier(X509Certificate2 platform) : IPdfSignatureVerifier
{
    public SignatureVerification Verify(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var layout = PdfSignatureLayout.Find(pdf);
        if (layout is null)
        {
            return SignatureVerification.Of(SignatureOutcome.NotSigned);
        }

        var reason = Reason().Match(layout.Dictionary);
        var facts = new SignatureVerification(SignatureOutcome.Valid, null, SigningTime(layout.Dictionary),
            reason.Success ? reason.Groups["id"].Value : null,
            reason.Success ? reason.Groups["sha"].Value : null,
            SubFilter().Match(layout.Dictionary) is { Success: true } s ? s.Groups[1].Value : null,
            false);

        SignerInfo? signerInfo;
        X509Certificate2? certificate;
        try
        {
            var cms = new SignedCms(new ContentInfo(layout.SignedBytes(pdf)), detached: true);
            cms.Decode(layout.Contents(pdf));
            signerInfo = cms.SignerInfos.Count == 1 ? cms.SignerInfos[0] : null;

            // The embedded certificates are parsed lazily, here: a corrupt one is a malformed signature, not an error.
            certificate = signerInfo?.Certificate;
            facts = facts with
            {
                Signer = certificate?.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
                Timestamped = signerInfo?.UnsignedAttributes.Cast<CryptographicAttributeObject>().Any(a => a.Oid.Value == CadesSignature.SignatureTimeStampOid) == true,
            };
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return facts with { Outcome = SignatureOutcome.Malformed };
        }

        if (signerInfo is null || certificate is null)
        {
            return facts with { Outcome = SignatureOutcome.Malformed };
        }

        try
        {
            // Checks the message digest against the signed ranges and the signature value against the embedded certificate.
            signerInfo.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return facts with { Outcome = SignatureOutcome.Altered };
        }

        if (!layout.CoversWholeFile(pdf.Length))
        {
            return facts with { Outcome = SignatureOutcome.Altered };
        }

        return certificate.RawDataMemory.Span.SequenceEqual(platform.RawDataMemory.Span)
            ? facts
            : facts with { Outcome = SignatureOutcome.OtherSigner };
    }

    /// <summary>The dictionary's /M, or null when it is missing or not a real date and offset.</summary>
    private static DateTimeOffset? SigningTime(string dictionary)
    {
        var m = ModificationDate().Match(dictionary);
        if (!m.Success || !DateTime.TryParseExact(m.Groups["t"].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var offset = TimeSpan.Zero;
        if (m.Groups["z"].Value is "+" or "-")
        {
            if (!int.TryParse(m.Groups["h"].Value, CultureInfo.InvariantCulture, out var hours) || hours > 14
                || !int.TryParse(m.Groups["m"].Value, CultureInfo.InvariantCulture, out var minutes) || minutes > 59)
            {
                return null;
            }

            offset = new TimeSpan(hours, minutes, 0);
        }

        return new DateTimeOffset(local, m.Groups["z"].Value == "-" ? -offset : offset);
    }

    [GeneratedRegex(@"/Reason\s*\(StrongChain agreement (?<id>[^;()]+); docx sha256 (?<sha>[0-9a-f]{64})\)")]
    private static partial Regex Reason();

    [GeneratedRegex(@"/SubFilter\s*/([A-Za-z0-9.]+)")]
    private static partial Regex SubFilter();

    [GeneratedRegex(@"/M\s*\(D:(?<t>\d{14})(?<z>[+\-Z])?(?:(?<h>\d{2})'(?<m>\d{2})'?)?\)")]
    private static partial Regex ModificationDate();
}
