namespace StrongChain.Docs.Signing;

/// <summary>What the platform's signature states about a document: which agreement, which .docx it was rendered from.</summary>
/// <param name="AgreementId">The agreement the PDF belongs to (shown in the visible box and in the signature's reason).</param>
/// <param name="DocxSha256">Lowercase hex SHA-256 of the .docx the PDF was rendered from.</param>
/// <param name="SignedAt">The claimed signing time (the signature dictionary's /M).</param>
public sealed record SignatureStamp(string AgreementId, string DocxSha256, DateTimeOffset SignedAt);

/// <summary>The one seam to the PDF signing library: everything else in the service knows only this.</summary>
public interface IPdfSigner
{
    /// <summary>Signs a PDF (PAdES B-B, or B-T when a timestamp server is configured) with a visible signature box on the last page.</summary>
    Task<byte[]> SignAsync(byte[] pdf, SignatureStamp stamp, CancellationToken ct);
}

/// <summary>Checks a PDF's last signature against the platform's certificate.</summary>
public interface IPdfSignatureVerifier
{
    SignatureVerification Verify(byte[] pdf);
}
