using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Signing.Tests;

public sealed class PadesSignerTests(SignedPdfFixture pdf) : IClassFixture<SignedPdfFixture>
{
    private PdfSignatureVerifier Verifier => new(pdf.Platform);

    [Fact]
    public void Signed_pdf_verifies_as_the_platforms_with_its_agreement_and_docx_hash()
    {
        var result = Verifier.Verify(pdf.Signed);

        Assert.Equal(SignatureOutcome.Valid, result.Outcome);
        Assert.Equal(SignedPdfFixture.Stamp.AgreementId, result.AgreementId);
        Assert.Equal(SignedPdfFixture.Stamp.DocxSha256, result.DocxSha256);
        Assert.Equal("ETSI.CAdES.detached", result.SubFilter);
        Assert.Equal("StrongChain.Docs development signing", result.Signer);
        Assert.Equal(SignedPdfFixture.Stamp.SignedAt, result.SignedAt);
        Assert.False(result.Timestamped);
    }

    [Fact]
    public async Task Poppler_pdfsig_agrees_that_the_signature_is_valid_and_PAdES()
    {
        var report = await Poppler.PdfsigAsync(pdf.Signed);

        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("ETSI.CAdES.detached", report, StringComparison.Ordinal);
        Assert.Contains("Signer Certificate Common Name: StrongChain.Docs development signing", report, StringComparison.Ordinal);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Cms_is_PAdES_baseline_B_with_signing_certificate_v2_and_no_signing_time()
    {
        var layout = PdfSignatureLayout.Find(pdf.Signed)!;
        var cms = new SignedCms(new ContentInfo(layout.SignedBytes(pdf.Signed)), detached: true);
        cms.Decode(layout.Contents(pdf.Signed));
        var signer = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());

        Assert.Equal("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value);
        var attributes = signer.SignedAttributes.Cast<CryptographicAttributeObject>().Select(a => a.Oid.Value).ToList();
        Assert.Contains(CadesSignature.SigningCertificateV2Oid, attributes);
        Assert.Contains("1.2.840.113549.1.9.3", attributes); // content-type
        Assert.Contains("1.2.840.113549.1.9.4", attributes); // message-digest
        Assert.DoesNotContain("1.2.840.113549.1.9.5", attributes); // signing-time: PAdES keeps the time in /M
        var essCertId = signer.SignedAttributes.Cast<CryptographicAttributeObject>().Single(a => a.Oid.Value == CadesSignature.SigningCertificateV2Oid).Values[0].RawData;
        Assert.True(essCertId.AsSpan().IndexOf(SHA256.HashData(pdf.Platform.RawData)) > 0, "signing-certificate-v2 must carry the certificate's SHA-256.");
        Assert.True(layout.CoversWholeFile(pdf.Signed.Length));
    }

    [Fact]
    public async Task One_byte_changed_after_signing_is_altered_for_us_and_for_pdfsig()
    {
        var altered = (byte[])pdf.Signed.Clone();
        var at = Encoding.Latin1.GetString(altered).IndexOf("/Producer", StringComparison.Ordinal);
        Assert.True(at > 0);
        altered[at + 2] ^= 0x01;

        Assert.Equal(SignatureOutcome.Altered, Verifier.Verify(altered).Outcome);
        Assert.Contains("Digest Mismatch", await Poppler.PdfsigAsync(altered), StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_appended_after_the_signed_range_are_altered()
    {
        byte[] appended = [.. pdf.Signed, .. "\n1 0 obj\n(added later)\nendobj\n"u8.ToArray()];

        Assert.Equal(SignatureOutcome.Altered, Verifier.Verify(appended).Outcome);
    }

    [Fact]
    public async Task Unsigned_pdf_is_not_signed_for_us_and_for_pdfsig()
    {
        Assert.Equal(SignatureOutcome.NotSigned, Verifier.Verify(pdf.Unsigned).Outcome);
        Assert.Contains("does not contain any signatures", await Poppler.PdfsigAsync(pdf.Unsigned), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_signed_by_another_certificate_is_another_signer_though_pdfsig_finds_it_valid()
    {
        using var stranger = SigningCertificate.CreateDevelopment(DateTimeOffset.UtcNow, "CN=Somebody else, O=Elsewhere, C=CN");
        var signed = await new PadesSigner(stranger, null, "Shanghai").SignAsync(pdf.Unsigned, SignedPdfFixture.Stamp, CancellationToken.None);

        var result = Verifier.Verify(signed);

        Assert.Equal(SignatureOutcome.OtherSigner, result.Outcome);
        Assert.Equal("Somebody else", result.Signer);
        Assert.Contains("Signature is Valid", await Poppler.PdfsigAsync(signed), StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_in_the_contents_is_malformed()
    {
        var broken = (byte[])pdf.Signed.Clone();
        var layout = PdfSignatureLayout.Find(broken)!;
        "FFFF0000"u8.CopyTo(broken.AsSpan(layout.ContentsHexStart));

        Assert.Equal(SignatureOutcome.Malformed, Verifier.Verify(broken).Outcome);
    }

    [Fact]
    public void Corrupt_certificate_inside_the_signature_is_malformed_not_an_error()
    {
        var broken = (byte[])pdf.Signed.Clone();
        var text = Encoding.Latin1.GetString(broken);
        var certificateHex = Convert.ToHexString(pdf.Platform.RawData);
        var at = text.IndexOf(certificateHex, StringComparison.OrdinalIgnoreCase);
        Assert.True(at > 0, "the platform's certificate is embedded in /Contents");
        // Zeros in the middle of the certificate's DER: the CMS still decodes, the certificate no longer does.
        "0000000000000000000000000000000000000000"u8.CopyTo(broken.AsSpan(at + 60));

        Assert.Equal(SignatureOutcome.Malformed, Verifier.Verify(broken).Outcome);
    }

    [Theory]
    [InlineData("999999999999999999999999999999")]
    [InlineData("9223372036854775807")]
    public void Byte_range_numbers_beyond_the_file_are_not_a_signature(string number)
    {
        var text = Encoding.Latin1.GetString(pdf.Signed);
        var range = System.Text.RegularExpressions.Regex.Match(text, @"/ByteRange\s*\[\s*0\s+(\d+)");
        Assert.True(range.Success);
        var broken = Encoding.Latin1.GetBytes(text[..range.Groups[1].Index] + number + text[(range.Groups[1].Index + range.Groups[1].Length)..]);

        Assert.Equal(SignatureOutcome.NotSigned, Verifier.Verify(broken).Outcome);
    }

    [Theory]
    [InlineData("+)")]
    [InlineData("+99'00')")]
    public void Signing_time_with_a_broken_offset_is_unknown_and_the_change_is_seen(string offset)
    {
        var text = Encoding.Latin1.GetString(pdf.Signed);
        var time = System.Text.RegularExpressions.Regex.Match(text[..PdfSignatureLayout.Find(pdf.Signed)!.ContentsHexStart], @"/M\s*\(D:\d{14}(?<z>[^)]*\))");
        Assert.True(time.Success);
        var z = time.Groups["z"];
        var broken = Encoding.Latin1.GetBytes(text[..z.Index] + offset.PadRight(z.Length) + text[(z.Index + z.Length)..]);

        var result = Verifier.Verify(broken);

        Assert.Null(result.SignedAt);
        Assert.Equal(SignatureOutcome.Altered, result.Outcome);
    }

    [Fact]
    public async Task Visible_box_is_drawn_on_a_page_of_its_own_after_the_agreement()
    {
        var pages = await PdfTools.PageCountAsync(pdf.Unsigned);
        var agreementPage = await PdfTools.RenderGrayAsync(pdf.Signed, pages);
        var original = await PdfTools.RenderGrayAsync(pdf.Unsigned, pages);
        var boxPage = await PdfTools.RenderGrayAsync(pdf.Signed, pages + 1);

        Assert.Equal(pages + 1, await PdfTools.PageCountAsync(pdf.Signed));
        Assert.Equal(original.Pixels, agreementPage.Pixels);
        // The box: 260 × 62 pt, 72 pt from the top left of a page as large as the agreement's (A4: 595 × 842 pt).
        Assert.True(boxPage.DarkPixelsIn(0.12, 0.085, 0.56, 0.16) > 300, "The signature box should be drawn at the top left of its page.");
        Assert.Equal(0, boxPage.DarkPixelsIn(0, 0.25, 1, 1));
    }
}

public sealed class TimestampTests(SignedPdfFixture pdf) : IClassFixture<SignedPdfFixture>
{
    [Fact]
    public async Task Configured_timestamp_server_is_asked_once_and_its_token_makes_the_signature_timestamped()
    {
        using var tsa = new LoopbackTimestampAuthority();
        using var http = new HttpClient();
        var signer = new PadesSigner(pdf.Platform, new Rfc3161TimestampClient(http, tsa.Url), "Beijing");

        var signed = await signer.SignAsync(pdf.Unsigned, SignedPdfFixture.Stamp, CancellationToken.None);
        var result = new PdfSignatureVerifier(pdf.Platform).Verify(signed);

        Assert.Equal(1, tsa.Answered);
        Assert.Equal(SignatureOutcome.Valid, result.Outcome);
        Assert.True(result.Timestamped);
        Assert.Contains("Signature is Valid", await Poppler.PdfsigAsync(signed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timestamp_server_that_refuses_fails_the_signing_instead_of_signing_without_it()
    {
        using var tsa = new LoopbackTimestampAuthority();
        using var http = new HttpClient();
        var signer = new PadesSigner(pdf.Platform, new Rfc3161TimestampClient(http, new Uri(tsa.Url, "/not-the-tsa/")), "Beijing");

        await Assert.ThrowsAsync<HttpRequestException>(() => signer.SignAsync(pdf.Unsigned, SignedPdfFixture.Stamp, CancellationToken.None));
    }
}

public sealed class PdfSignatureLayoutTests
{
    [Theory]
    [InlineData("3003020100")] // a CMS-like DER value whose last byte is 0x00: trimming "0"s from the hex would cut it
    [InlineData("300302017f")]
    [InlineData("30820003020110")]
    public void Contents_end_where_the_outer_DER_value_ends_even_when_it_ends_in_zero_bytes(string der)
    {
        var layout = new PdfSignatureLayout(0, 10, 10 + 2 + 64, 5, "");
        // 10 bytes, then /Contents as 64 hex digits of zero padding between '<' and '>', then 5 bytes.
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n " + "<" + der + new string('0', 64 - der.Length) + ">" + "trail");

        Assert.Equal(Convert.FromHexString(der), layout.Contents(pdf));
    }
}
