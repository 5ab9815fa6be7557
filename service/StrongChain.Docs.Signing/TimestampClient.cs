using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace StrongChain.Docs.Signing;

/// <summary>An RFC 3161 timestamp authority: returns the encoded timestamp token (a CMS SignedData) over a signature value.</summary>
public interface ITimestampClient
{
    Task<byte[]> TimestampAsync(byte[] signatureValue, CancellationToken ct);
}

/// <summary>Asks the configured server over HTTP (<c>application/timestamp-query</c>) and checks that the answer is for this request.</summary>
public sealed class Rfc3161TimestampClient(HttpClient http, Uri server) : ITimestampClient
{
    public async Task<byte[]> TimestampAsync(byte[] signatureValue, CancellationToken ct)
    {
        var request = Rfc3161TimestampRequest.CreateFromData(signatureValue, HashAlgorithmName.SHA256, nonce: RandomNumberGenerator.GetBytes(8), requestSignerCertificates: true);
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        using var response = await http.PostAsync(server, content, ct);
        response.EnsureSuccessStatusCode();
        var token = request.ProcessResponse(await response.Content.ReadAsByteArrayAsync(ct), out _);
        return token.AsSignedCms().Encode();
    }
}
