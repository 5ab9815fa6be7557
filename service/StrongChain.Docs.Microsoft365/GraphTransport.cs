namespace StrongChain.Docs.Microsoft365;

/// <summary>
/// The HTTP handler under Graph calls, upload sessions and token requests. Redirects are left to the Graph pipeline's
/// redirect handler. Tests override <see cref="Configure"/> to trust their loopback stand-in's certificate.
/// </summary>
public class GraphTransport
{
    public HttpMessageHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        Configure(handler);
        return handler;
    }

    protected virtual void Configure(SocketsHttpHandler handler)
    {
    }
}
