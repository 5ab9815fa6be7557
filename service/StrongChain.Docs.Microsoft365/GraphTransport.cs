namespace StrongChain.Docs.Microsoft365;

/// <summary>The HTTP handler under both Graph calls and token requests (tests put one here that trusts their loopback stand-in).</summary>
public class GraphTransport
{
    public virtual HttpMessageHandler CreateHandler() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
}
