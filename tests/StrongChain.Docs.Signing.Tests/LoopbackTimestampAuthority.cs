using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;

namespace StrongChain.Docs.Signing.Tests;

/// <summary>
/// An RFC 3161 timestamp authority on 127.0.0.1 (BouncyCastle's generator behind HttpListener): it refuses what a real TSA
/// refuses (wrong method, wrong content type, an unreadable query) and records each query it answered.
/// </summary>
public sealed class LoopbackTimestampAuthority : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TimeStampResponseGenerator _responses;
    private readonly Task _loop;
    private long _serial;

    public LoopbackTimestampAuthority()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Loopback TSA, O=StrongChain.Docs tests", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        var bcCertificate = DotNetUtilities.FromX509Certificate(Certificate);
        var tokens = new TimeStampTokenGenerator(DotNetUtilities.GetRsaKeyPair(rsa).Private, bcCertificate, NistObjectIdentifiers.IdSha256.Id, "1.2.3.4.1");
        tokens.SetCertificates(CollectionUtilities.CreateStore(new[] { bcCertificate }));
        _responses = new TimeStampResponseGenerator(tokens, TspAlgorithms.Allowed);

        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/tsa/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public X509Certificate2 Certificate { get; }

    public Uri Url { get; }

    public int Answered => (int)Interlocked.Read(ref _serial);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop.Wait(TimeSpan.FromSeconds(5));
        Certificate.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var response = context.Response;
            if (context.Request.HttpMethod != "POST" || context.Request.ContentType != "application/timestamp-query")
            {
                response.StatusCode = 400;
                continue;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            byte[] answer;
            try
            {
                var query = new TimeStampRequest(body.ToArray());
                answer = _responses.Generate(query, BigInteger.ValueOf(Interlocked.Increment(ref _serial)), DateTime.UtcNow).GetEncoded();
            }
            catch (Exception ex) when (ex is TspException or IOException or ArgumentException)
            {
                response.StatusCode = 400;
                continue;
            }

            response.ContentType = "application/timestamp-reply";
            await response.OutputStream.WriteAsync(answer);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
