using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace StrongChain.Docs.Signing;

/// <summary>The CMS of a PAdES baseline signature: detached, SHA-256, with the ESS signing-certificate-v2 attribute and no signing-time.</summary>
public static class CadesSignature
{
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    public const string SignatureTimeStampOid = "1.2.840.113549.1.9.16.2.14";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>Signs the bytes the PDF's /ByteRange covers; a timestamp token over the signature value is added when a client is given.</summary>
    public static async Task<byte[]> CreateAsync(byte[] signedRanges, X509Certificate2 certificate, ITimestampClient? timestamps, CancellationToken ct)
    {
        var cms = new SignedCms(new ContentInfo(signedRanges), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };

        // PAdES B-B: the signer is bound by the certificate's hash (signing-certificate-v2); the time lives in the PDF's /M.
        signer.SignedAttributes.Add(new AsnEncodedData(new Oid(SigningCertificateV2Oid), SigningCertificateV2(certificate)));
        cms.ComputeSignature(signer, silent: true);

        if (timestamps is not null)
        {
            var signerInfo = cms.SignerInfos[0];
            var token = await timestamps.TimestampAsync(signerInfo.GetSignature(), ct);
            signerInfo.AddUnsignedAttribute(new AsnEncodedData(new Oid(SignatureTimeStampOid), token));
        }

        return cms.Encode();
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with the SHA-256 (default algorithm) of the certificate.</summary>
    private static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        {
                            var directoryName = new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true);
                            using (writer.PushSequence(directoryName))
                            {
                                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                            }
                        }

                        writer.WriteInteger(certificate.SerialNumberBytes.Span);
                    }
                }
            }
        }

        return writer.Encode();
    }
}
