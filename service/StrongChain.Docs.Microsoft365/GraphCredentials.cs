using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace StrongChain.Docs.Microsoft365;

/// <summary>The Azure.Identity credential named by the settings, on the configured authority host and transport.</summary>
public static class GraphCredentials
{
    public static TokenCredential Create(GraphOptions options, GraphTransport transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        var authority = new Uri(options.AuthorityHost);
        switch (options.EffectiveCredential)
        {
            case GraphCredentialKind.ClientSecret:
                return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret,
                    Configure(new ClientSecretCredentialOptions { DisableInstanceDiscovery = true }, authority, transport, options.Timeout));
            case GraphCredentialKind.Certificate:
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword);
                return new ClientCertificateCredential(options.TenantId, options.ClientId, certificate,
                    Configure(new ClientCertificateCredentialOptions { DisableInstanceDiscovery = true }, authority, transport, options.Timeout));
            case GraphCredentialKind.ManagedIdentity:
                var id = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId);
                return new ManagedIdentityCredential(Configure(new ManagedIdentityCredentialOptions(id), authority, transport, options.Timeout));
            default:
                return new DefaultAzureCredential(Configure(new DefaultAzureCredentialOptions
                {
                    TenantId = options.TenantId,
                    ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
                    DisableInstanceDiscovery = true,
                }, authority, transport, options.Timeout));
        }
    }

    private static T Configure<T>(T credentialOptions, Uri authority, GraphTransport transport, TimeSpan timeout)
        where T : TokenCredentialOptions
    {
        credentialOptions.AuthorityHost = authority;
        credentialOptions.Transport = new HttpClientTransport(transport.CreateHandler());
        // The outbox retries a failed delivery later; the credential tries once more at most, within the request's limit.
        credentialOptions.Retry.MaxRetries = 1;
        credentialOptions.Retry.NetworkTimeout = timeout;
        return credentialOptions;
    }
}
