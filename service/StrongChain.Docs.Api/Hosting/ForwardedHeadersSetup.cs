using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace StrongChain.Docs.Api.Hosting;

/// <summary>
/// Behind a reverse proxy: <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> are believed only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR); nothing named: loopback only.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddDocsForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = List(section, "KnownProxies").Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = List(section, "KnownNetworks").Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{n}' is not a network in CIDR notation (10.0.0.0/8).")).ToList();
        var limit = int.TryParse(section["ForwardLimit"], out var hops) && hops > 0 ? hops : 1;
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = limit;
            // Named proxies replace the loopback defaults, so a deployment trusts exactly what it lists.
            if (proxies.Count > 0 || networks.Count > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                proxies.ForEach(o.KnownProxies.Add);
                networks.ForEach(o.KnownIPNetworks.Add);
            }

            foreach (var host in List(section, "AllowedHosts"))
            {
                o.AllowedHosts.Add(host);
            }
        });
        return services;
    }

    /// <summary><c>GET /health/request</c>: the scheme, host and client address the service sees (checking a proxy set-up).</summary>
    public static void MapRequestEcho(this WebApplication app) =>
        app.MapGet("/health/request", (HttpContext context) => Results.Ok(new RequestSeen(
            context.Request.Scheme, context.Request.Host.Value ?? "", context.Connection.RemoteIpAddress?.ToString()))).AllowAnonymous();

    /// <summary>A list setting given as an array (<c>KnownProxies:0</c>, …) or as one comma-separated value (an environment variable).</summary>
    private static List<string> List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.Value is { Length: > 0 } single ? single.Split(',') : child.GetChildren().Select(c => c.Value ?? "");
        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)];
    }

    public sealed record RequestSeen(string Scheme, string Host, string? ClientAddress);
}
