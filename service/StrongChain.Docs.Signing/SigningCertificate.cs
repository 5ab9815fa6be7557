using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StrongChain.Docs.Signing;

/// <summary>The platform's signing certificate: the configured PFX, or a development certificate made on first run.</summary>
public static class SigningCertificate
{
    public const string DevelopmentFileName = "dev-signing-certificate.pfx";
    public const string DevelopmentSubject = "CN=StrongChain.Docs development signing, O=StrongChain.Docs (development), C=CN";

    public static X509Certificate2 Load(SigningOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The signing certificate {options.CertificatePath} has no private key.");
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, DevelopmentFileName);
        if (!File.Exists(path))
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, CreateDevelopment(DateTimeOffset.UtcNow).Export(X509ContentType.Pkcs12));
            try
            {
                // Two instances starting together: the first certificate moved in wins and both load it.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>A self-signed RSA-3072 certificate for document signing, valid ten years.</summary>
    public static X509Certificate2 CreateDevelopment(DateTimeOffset now, string subject = DevelopmentSubject)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
    }
}
