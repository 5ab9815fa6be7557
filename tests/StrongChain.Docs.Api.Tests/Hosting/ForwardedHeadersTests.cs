using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using StrongChain.Docs.Api.Tests.Support;

namespace StrongChain.Docs.Api.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy: the real service (its own process, Kestrel on 127.0.0.1) believes X-Forwarded-* only from the
/// configured proxies and networks. Requests come from other loopback addresses (127.0.0.5, 127.0.0.9) by binding the client.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private static readonly IPAddress InNetwork = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress NamedProxy = IPAddress.Parse("127.0.0.5");
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.9");

    private readonly TestDatabase _database = TestDatabase.Create();
    private ServiceProcess? _service;

    [SqlitePassFact]
    public async Task Forwarded_scheme_host_and_client_address_are_kept_from_known_proxies_only()
    {
        _service = await ServiceProcess.StartAsync(_database, TimeSpan.FromSeconds(60), new Dictionary<string, string>
        {
            ["ForwardedHeaders:KnownNetworks"] = "127.0.0.0/31",
            ["ForwardedHeaders:KnownProxies"] = NamedProxy.ToString(),
        });

        var viaNetwork = await SeenAsync(InNetwork, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Host", "docs.example.org"));
        var viaProxy = await SeenAsync(NamedProxy, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "198.51.100.1, 203.0.113.8"));
        var direct = await SeenAsync(InNetwork);
        var spoofed = await SeenAsync(Stranger, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.9"), ("X-Forwarded-Host", "evil.example"));

        Assert.Equal(("https", "docs.example.org", "203.0.113.7"), viaNetwork);
        // ForwardLimit 1: only the hop the trusted proxy itself saw, not what the client claimed before it.
        Assert.Equal(("https", _service.Address.Authority, "203.0.113.8"), viaProxy);
        Assert.Equal(("http", _service.Address.Authority, "127.0.0.1"), direct);
        Assert.Equal(("http", _service.Address.Authority, "127.0.0.9"), spoofed);
    }

    [SqlitePassFact]
    public void A_proxy_setting_that_is_not_an_address_stops_the_start_with_its_name()
    {
        using var factory = new ServiceFactory().WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownNetworks", "10.0.0.0/33"));

        var e = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownNetworks", e.Message, StringComparison.Ordinal);
    }

    private async Task<(string Scheme, string Host, string Client)> SeenAsync(IPAddress from, params (string Name, string Value)[] headers)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = _service!.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/request");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("scheme").GetString()!, body.GetProperty("host").GetString()!, body.GetProperty("clientAddress").GetString()!);
    }

    public void Dispose()
    {
        _service?.Dispose();
        _database.Dispose();
    }
}
