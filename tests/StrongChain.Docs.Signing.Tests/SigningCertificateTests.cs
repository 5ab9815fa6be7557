using System.Security.Cryptography.X509Certificates;

namespace StrongChain.Docs.Signing.Tests;

public sealed class SigningCertificateTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("sc-cert-");

    [Fact]
    public void Development_certificate_is_made_once_under_the_data_folder_and_reused()
    {
        using var first = SigningCertificate.Load(new SigningOptions(), _data.FullName);
        using var second = SigningCertificate.Load(new SigningOptions(), _data.FullName);

        Assert.True(File.Exists(Path.Combine(_data.FullName, SigningCertificate.DevelopmentFileName)));
        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.True(first.HasPrivateKey);
        Assert.Contains(first.Extensions.OfType<X509KeyUsageExtension>(), k => k.KeyUsages.HasFlag(X509KeyUsageFlags.NonRepudiation));
    }

    [Fact]
    public void Configured_pfx_with_its_password_is_the_signing_certificate()
    {
        using var made = SigningCertificate.CreateDevelopment(DateTimeOffset.UtcNow, "CN=Committee signing, C=CN");
        var path = Path.Combine(_data.FullName, "committee.pfx");
        File.WriteAllBytes(path, made.Export(X509ContentType.Pkcs12, "s3cret"));

        using var loaded = SigningCertificate.Load(new SigningOptions { CertificatePath = path, CertificatePassword = "s3cret" }, _data.FullName);

        Assert.Equal(made.Thumbprint, loaded.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
        Assert.False(File.Exists(Path.Combine(_data.FullName, SigningCertificate.DevelopmentFileName)));
    }

    public void Dispose() => _data.Delete(recursive: true);
}
