using System.Security.Cryptography.X509Certificates;
using StrongChain.Docs.Signing;

namespace StrongChain.Docs.Api.Agreements;

/// <summary>Registers the platform's PDF signer and verifier from the <c>Signing</c> settings (certificate, timestamp server).</summary>
public static class SigningSetup
{
    public static IServiceCollection AddPdfSigning(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection(SigningOptions.Section);
        var options = new SigningOptions
        {
            CertificatePath = section["CertificatePath"],
            CertificatePassword = section["CertificatePassword"],
            TimestampUrl = section["TimestampUrl"],
            Location = section["Location"] is { Length: > 0 } location ? location : new SigningOptions().Location,
        };

        // Loaded (or made, in development) on first use, so a service that never signs never touches the key; kept out of the
        // container, where a bare X509Certificate2 would be handed to anything else that asks for one.
        var certificate = new Lazy<X509Certificate2>(() => SigningCertificate.Load(options, dataDirectory));
        if (Uri.TryCreate(options.TimestampUrl, UriKind.Absolute, out var server))
        {
            services.AddHttpClient(nameof(Rfc3161TimestampClient), http => http.Timeout = TimeSpan.FromSeconds(30));
            services.AddSingleton<ITimestampClient>(s => new Rfc3161TimestampClient(
                s.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(Rfc3161TimestampClient)), server));
        }

        services.AddSingleton<IPdfSigner>(s => new PadesSigner(certificate.Value, s.GetService<ITimestampClient>(), options.Location));
        services.AddSingleton<IPdfSignatureVerifier>(_ => new PdfSignatureVerifier(certificate.Value));
        return services;
    }
}
