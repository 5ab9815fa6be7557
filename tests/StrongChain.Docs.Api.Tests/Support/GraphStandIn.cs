using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StrongChain.Docs.Microsoft365;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>
/// A loopback stand-in (Kestrel, TLS, 127.0.0.1) of the Entra token endpoint and the Graph endpoints the service uses.
/// It checks what Graph checks (bearer token it issued, methods, JSON bodies, the 4 MiB simple-upload limit, upload
/// sessions' Content-Range and slice sizes, no Authorization on upload URLs), keeps what was uploaded and mailed, and
/// fails on demand (429 with Retry-After, 503, a hang past the client's timeout, or an answer lost after the work was done).
/// Upload URLs use the host name <c>localhost</c>, another host than Graph's <c>127.0.0.1</c>, as SharePoint's are.
/// </summary>
public sealed class GraphStandIn : IAsyncDisposable
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string ClientSecret = "stand-in-secret";
    public const string Mailbox = "noreply@committee.example";
    public const string ArchiveDrive = "b!archive-drive";
    public const string PublishingDrive = "b!publishing-drive";
    public const string PublishingSite = "committee.example,site-1,web-1";

    private const int SliceUnit = 320 * 1024;
    private static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UploadSessionState> _sessions = new(StringComparer.Ordinal);
    private readonly List<Fault> _faults = [];
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (string Drive, string Path)> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _downloads = new(StringComparer.Ordinal);
    private int _tokensIssued;

    private GraphStandIn(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary><c>https://127.0.0.1:{port}</c>.</summary>
    public Uri Root { get; private set; } = null!;

    public string BaseUrl => new Uri(Root, "v1.0").ToString();

    /// <summary>Files per drive and path (decoded, as Graph shows them).</summary>
    public ConcurrentDictionary<(string Drive, string Path), byte[]> Files { get; } = new();

    /// <summary>Every accepted sendMail's message, in order.</summary>
    public ConcurrentQueue<JsonObject> SentMail { get; } = new();

    /// <summary>Every request, <c>METHOD path</c> and the status answered.</summary>
    public ConcurrentQueue<(string Request, int Status)> Log { get; } = new();

    /// <summary>Requests as they arrive (<see cref="Log"/> has them once answered): a test can act while one hangs.</summary>
    public ConcurrentQueue<string> Arrived { get; } = new();

    /// <summary>Requests the stand-in did not know (a test asserts there are none).</summary>
    public ConcurrentQueue<string> Unknown { get; } = new();

    /// <summary>Slices accepted by upload sessions: (start, length, total).</summary>
    public ConcurrentQueue<(long Start, long Length, long Total)> Slices { get; } = new();

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>
    /// While true every Graph request answers 503 with Retry-After (an outage of Graph; the token endpoint stays up, since
    /// MSAL itself holds back token requests for a while after the token endpoint said 503, in real time).
    /// </summary>
    public bool Down { get; set; }

    public static async Task<GraphStandIn> StartAsync()
    {
        var certificate = MakeCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate));
        });
        var app = builder.Build();
        var standIn = new GraphStandIn(app, certificate);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        standIn.Root = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return standIn;
    }

    /// <summary>The service's Graph settings pointing here (client-secret credential), with a short request limit.</summary>
    public IReadOnlyDictionary<string, string?> Settings(int timeoutSeconds = 3) => new Dictionary<string, string?>
    {
        ["Graph:Enabled"] = "true",
        ["Graph:TenantId"] = Tenant,
        ["Graph:ClientId"] = ClientId,
        ["Graph:ClientSecret"] = ClientSecret,
        ["Graph:BaseUrl"] = BaseUrl,
        ["Graph:AuthorityHost"] = Root.ToString(),
        ["Graph:Mailbox"] = Mailbox,
        ["Graph:Archive:DriveId"] = ArchiveDrive,
        ["Graph:Archive:Folder"] = "申报材料",
        ["Graph:Publishing:SiteId"] = PublishingSite,
        ["Graph:Publishing:Library"] = "榜单发布",
        ["Graph:TimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A transport that trusts this stand-in's certificate (and only it).</summary>
    public GraphTransport Transport => new TrustingTransport(Certificate);

    /// <summary>The next <paramref name="count"/> Graph requests (not token requests) matching <paramref name="match"/> fail so.</summary>
    public void Fail(int count, FaultKind kind, Func<string, bool>? match = null, int retryAfterSeconds = 0)
    {
        lock (_faults)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Add(new Fault(kind, match ?? (_ => true), retryAfterSeconds));
            }
        }
    }

    public byte[]? File(string drive, string path) => Files.TryGetValue((drive, path), out var bytes) ? bytes : null;

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var pathPart = raw.Split('?')[0];
        var request = $"{context.Request.Method} {Uri.UnescapeDataString(pathPart)}";
        Arrived.Enqueue(request);
        try
        {
            await RouteAsync(context, pathPart, request);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A stand-in bug must show in the test, not pass for an outage.
            Unknown.Enqueue($"{request}: {e}");
            throw;
        }
        finally
        {
            Log.Enqueue((request, context.Response.StatusCode));
        }
    }

    private async Task RouteAsync(HttpContext context, string rawPath, string request)
    {
        var method = context.Request.Method;
        var isToken = rawPath.StartsWith($"/{Tenant}/", StringComparison.Ordinal) || rawPath.StartsWith("/common/", StringComparison.Ordinal);
        if (isToken)
        {
            await TokenEndpointAsync(context, rawPath);
            return;
        }

        if (Down)
        {
            await Error(context, 503, "serviceNotAvailable", "The service is down (stand-in outage).", retryAfter: 1);
            return;
        }

        var fault = NextFault(request);
        if (fault is { Kind: FaultKind.TooManyRequests })
        {
            await Error(context, 429, "TooManyRequests", "Too many requests.", fault.RetryAfterSeconds);
            return;
        }

        if (fault is { Kind: FaultKind.Unavailable })
        {
            await Error(context, 503, "serviceNotAvailable", "Service unavailable.", fault.RetryAfterSeconds == 0 ? null : fault.RetryAfterSeconds);
            return;
        }

        if (fault is { Kind: FaultKind.Hang })
        {
            // Longer than the client's request limit; bounded so the stand-in never holds a test forever.
            await Task.Delay(TimeSpan.FromSeconds(15), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (rawPath.StartsWith("/download/", StringComparison.Ordinal))
        {
            await DownloadAsync(context, rawPath["/download/".Length..]);
            return;
        }

        if (rawPath.StartsWith("/upload/", StringComparison.Ordinal))
        {
            await UploadSliceAsync(context, rawPath["/upload/".Length..], fault);
            return;
        }

        if (!await AuthorisedAsync(context))
        {
            return;
        }

        var path = Uri.UnescapeDataString(rawPath);
        if (method == "PUT" && TryDrivePath(path, "/content", out var drive, out var file))
        {
            await SimpleUploadAsync(context, drive, file, fault);
        }
        else if (method == "POST" && TryDrivePath(path, "/createUploadSession", out drive, out file))
        {
            await CreateSessionAsync(context, drive, file);
        }
        else if (method == "GET" && TryItem(path, "/content", out var itemId))
        {
            await ConvertAsync(context, itemId);
        }
        else if (method == "DELETE" && TryItem(path, "", out itemId))
        {
            if (_items.TryRemove(itemId, out var gone) && Files.TryRemove(gone, out _))
            {
                context.Response.StatusCode = 204;
            }
            else
            {
                await Error(context, 404, "itemNotFound", "The item does not exist.");
            }
        }
        else if (method == "POST" && path == $"/v1.0/users/{Mailbox}/sendMail")
        {
            await SendMailAsync(context, fault);
        }
        else if (method == "GET" && path.Equals($"/v1.0/users/{Mailbox}/mailFolders/sentitems/messages", StringComparison.OrdinalIgnoreCase))
        {
            await SentItemsAsync(context);
        }
        else if (method == "GET" && path == $"/v1.0/sites/{PublishingSite}/drives")
        {
            await Json(context, 200, new JsonObject
            {
                ["value"] = new JsonArray(
                    new JsonObject { ["id"] = "b!documents", ["name"] = "Documents" },
                    new JsonObject { ["id"] = PublishingDrive, ["name"] = "榜单发布" }),
            });
        }
        else
        {
            Unknown.Enqueue(request);
            await Error(context, 400, "invalidRequest", $"Unknown request {request}.");
        }
    }

    private Fault? NextFault(string request)
    {
        // The first queued fault that matches this request, taken once.
        lock (_faults)
        {
            var index = _faults.FindIndex(f => f.Match(request));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private async Task TokenEndpointAsync(HttpContext context, string rawPath)
    {
        if (context.Request.Method == "GET" && rawPath.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            var issuer = new Uri(Root, $"{Tenant}/v2.0").ToString();
            await Json(context, 200, new JsonObject
            {
                ["issuer"] = issuer,
                ["token_endpoint"] = new Uri(Root, $"{Tenant}/oauth2/v2.0/token").ToString(),
                ["authorization_endpoint"] = new Uri(Root, $"{Tenant}/oauth2/v2.0/authorize").ToString(),
                ["jwks_uri"] = new Uri(Root, $"{Tenant}/discovery/v2.0/keys").ToString(),
            });
            return;
        }

        if (context.Request.Method != "POST" || rawPath != $"/{Tenant}/oauth2/v2.0/token")
        {
            Unknown.Enqueue($"{context.Request.Method} {rawPath}");
            await Json(context, 404, new JsonObject { ["error"] = "not_found" });
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await TokenError(context, 400, "invalid_request", "AADSTS900144: The request body must contain the parameter 'grant_type'.");
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var expectedScope = $"{Root.Scheme}://{Root.Authority}/.default";
        if (form["grant_type"] != "client_credentials")
        {
            await TokenError(context, 400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        }
        else if (form["client_id"] != ClientId)
        {
            await TokenError(context, 400, "unauthorized_client", $"AADSTS700016: Application with identifier '{form["client_id"]}' was not found.");
        }
        else if (form.ContainsKey("client_assertion") && ClientAssertionProblem(form["client_assertion_type"], form["client_assertion"].ToString()) is { } problem)
        {
            await TokenError(context, 401, "invalid_client", problem);
        }
        else if (!form.ContainsKey("client_assertion") && form["client_secret"] != ClientSecret)
        {
            await TokenError(context, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }
        else if (form["scope"] != expectedScope)
        {
            await TokenError(context, 400, "invalid_scope", $"AADSTS70011: The provided value for scope '{form["scope"]}' is not valid.");
        }
        else
        {
            var token = IssueToken();
            await Json(context, 200, new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3599,
                ["ext_expires_in"] = 3599,
                ["access_token"] = token,
            });
        }
    }

    /// <summary>The certificate uploaded to the stand-in's app registration (certificate credential).</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>What Entra checks of a certificate credential's assertion: type, x5t, signature, audience, issuer, subject, lifetime.</summary>
    private string? ClientAssertionProblem(string? type, string assertion)
    {
        if (type != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        {
            return "AADSTS50027: Invalid client assertion type.";
        }

        var parts = assertion.Split('.');
        if (parts.Length != 3 || ClientCertificate is null)
        {
            return "AADSTS50027: JWT token is invalid or malformed.";
        }

        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        var alg = header.RootElement.TryGetProperty("alg", out var a) ? a.GetString() : null;
        var x5t = header.RootElement.TryGetProperty("x5t", out var t) ? t.GetString() : null;
        var x5tS256 = header.RootElement.TryGetProperty("x5t#S256", out var t2) ? t2.GetString() : null;
        var sha1 = ToBase64Url(ClientCertificate.GetCertHash(HashAlgorithmName.SHA1));
        var sha256 = ToBase64Url(ClientCertificate.GetCertHash(HashAlgorithmName.SHA256));
        if (x5t != sha1 && x5tS256 != sha256)
        {
            return "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.";
        }

        using var rsa = ClientCertificate.GetRSAPublicKey()!;
        var padding = alg == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        if (alg is not ("RS256" or "PS256")
            || !rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, padding))
        {
            return "AADSTS7000274: Signature validation failed for the client assertion.";
        }

        var c = claims.RootElement;
        string? Claim(string name) => c.TryGetProperty(name, out var v) ? v.ToString() : null;
        var audience = new Uri(Root, $"{Tenant}/oauth2/v2.0/token").ToString();
        if (Claim("aud")?.TrimEnd('/') != audience.TrimEnd('/') || Claim("iss") != ClientId || Claim("sub") != ClientId
            || !long.TryParse(Claim("exp"), CultureInfo.InvariantCulture, out var exp) || exp < DateTimeOffset.UtcNow.ToUnixTimeSeconds())
        {
            return $"AADSTS700024: Client assertion is not within its valid time range, or its audience, issuer or subject is wrong: {c}";
        }

        return null;
    }

    private static byte[] FromBase64Url(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A JWT-shaped app token (HS256 over the stand-in's key): header, claims Graph would carry, signature.</summary>
    private string IssueToken()
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { typ = "JWT", alg = "HS256" }));
        var claims = B64(JsonSerializer.SerializeToUtf8Bytes(new
        {
            aud = $"{Root.Scheme}://{Root.Authority}",
            iss = $"https://sts.windows.net/{Tenant}/",
            appid = ClientId,
            tid = Tenant,
            roles = new[] { "Files.ReadWrite.All", "Mail.Send", "Mail.ReadBasic.All" },
            iat = now,
            nbf = now,
            exp = now + 3599,
            jti = Guid.NewGuid().ToString("N"),
        }));
        var signature = B64(HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes(header + "." + claims)));
        var token = $"{header}.{claims}.{signature}";
        _tokens[token] = 0;
        Interlocked.Increment(ref _tokensIssued);
        return token;
    }

    private async Task<bool> AuthorisedAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await Error(context, 401, "InvalidAuthenticationToken", "Access token is empty.");
            return false;
        }

        if (!_tokens.ContainsKey(header["Bearer ".Length..]))
        {
            await Error(context, 401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
            return false;
        }

        return true;
    }

    /// <summary><c>/v1.0/drives/{drive}/items/root:/{path}:{suffix}</c> (or <c>/root:/…</c>).</summary>
    private static bool TryDrivePath(string path, string suffix, out string drive, out string file)
    {
        drive = file = "";
        if (!path.StartsWith("/v1.0/drives/", StringComparison.Ordinal) || !path.EndsWith(":" + suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path["/v1.0/drives/".Length..^(suffix.Length + 1)];
        foreach (var marker in new[] { "/items/root:/", "/root:/" })
        {
            var at = rest.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                drive = rest[..at];
                file = rest[(at + marker.Length)..];
                return file.Length > 0 && !file.Contains("//", StringComparison.Ordinal);
            }
        }

        return false;
    }

    private async Task SimpleUploadAsync(HttpContext context, string drive, string file, Fault? fault)
    {
        if (drive is not (ArchiveDrive or PublishingDrive))
        {
            await Error(context, 404, "itemNotFound", "The drive does not exist.");
            return;
        }

        var body = await ReadBodyAsync(context);
        if (body.Length >= GraphOptions.SimpleUploadLimit)
        {
            // This service promises simple uploads only below 4 MiB; larger files must use an upload session.
            await Error(context, 413, "requestTooLarge", "Use an upload session for files of 4 MiB and more.");
            return;
        }

        var created = !Files.ContainsKey((drive, file));
        Files[(drive, file)] = body;
        if (fault is { Kind: FaultKind.AnswerLost })
        {
            await Error(context, 503, "serviceNotAvailable", "The work was done but the answer was lost.");
            return;
        }

        await Json(context, created ? 201 : 200, Item(drive, file, body.Length));
    }

    /// <summary><c>/v1.0/drives/{drive}/items/{id}{suffix}</c> of an item this stand-in made (not a <c>root:</c> path).</summary>
    private bool TryItem(string path, string suffix, out string id)
    {
        id = "";
        if (!path.StartsWith("/v1.0/drives/", StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var parts = path["/v1.0/drives/".Length..^suffix.Length].Split('/');
        if (parts.Length != 3 || parts[1] != "items" || !_items.TryGetValue(parts[2], out var item) || item.Drive != parts[0])
        {
            return false;
        }

        id = parts[2];
        return true;
    }

    /// <summary>Graph's conversion: <c>?format=pdf</c> answers 302 to a pre-authorised download URL on another host.</summary>
    private async Task ConvertAsync(HttpContext context, string itemId)
    {
        if (context.Request.Query["format"] != "pdf" || !Files.TryGetValue(_items[itemId], out var docx))
        {
            await Error(context, 400, "invalidRequest", "The stand-in converts items to format=pdf only.");
            return;
        }

        var token = Guid.NewGuid().ToString("N");
        _downloads[token] = RenderedPdf(docx);
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = $"https://localhost:{Root.Port}/download/{token}";
    }

    private async Task DownloadAsync(HttpContext context, string token)
    {
        if (context.Request.Headers.Authorization.Count > 0)
        {
            await Error(context, 401, "unauthenticated", "A pre-authorised download URL takes no Authorization header.");
            return;
        }

        if (context.Request.Method != "GET" || !_downloads.TryRemove(token, out var pdf))
        {
            await Error(context, 404, "itemNotFound", "No such download.");
            return;
        }

        context.Response.ContentType = "application/pdf";
        await context.Response.Body.WriteAsync(pdf);
    }

    private async Task CreateSessionAsync(HttpContext context, string drive, string file)
    {
        if (!context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) ?? true)
        {
            await Error(context, 400, "invalidRequest", "Content-Type must be application/json.");
            return;
        }

        var body = JsonNode.Parse(await ReadBodyAsync(context))?.AsObject();
        var conflict = body?["item"]?["@microsoft.graph.conflictBehavior"]?.GetValue<string>();
        if (conflict != "replace")
        {
            await Error(context, 400, "invalidRequest", "The stand-in expects conflictBehavior replace.");
            return;
        }

        var id = Guid.NewGuid().ToString("N");
        _sessions[id] = new UploadSessionState(drive, file);
        await Json(context, 200, new JsonObject
        {
            ["uploadUrl"] = $"https://localhost:{Root.Port}/upload/{id}",
            ["expirationDateTime"] = DateTimeOffset.UtcNow.AddHours(1).ToString("o", CultureInfo.InvariantCulture),
            ["nextExpectedRanges"] = new JsonArray("0-"),
        });
    }

    private async Task UploadSliceAsync(HttpContext context, string id, Fault? fault)
    {
        if (!_sessions.TryGetValue(id, out var session))
        {
            await Error(context, 404, "itemNotFound", "The upload session does not exist.");
            return;
        }

        if (context.Request.Headers.Authorization.Count > 0)
        {
            // Graph: including the Authorization header on an upload URL may result in 401.
            await Error(context, 401, "unauthenticated", "Do not send Authorization to an upload URL.");
            return;
        }

        if (context.Request.Method == "GET")
        {
            await Json(context, 200, SessionStatus(session));
            return;
        }

        if (context.Request.Method != "PUT")
        {
            await Error(context, 405, "invalidRequest", "PUT slices to the upload URL.");
            return;
        }

        var range = context.Request.Headers.ContentRange.ToString();
        var body = await ReadBodyAsync(context);
        if (!TryRange(range, out var start, out var end, out var total) || end - start + 1 != body.Length
            || body.Length != context.Request.ContentLength)
        {
            await Error(context, 400, "invalidRange", $"Content-Range '{range}' does not match a body of {body.Length} bytes.");
            return;
        }

        lock (session)
        {
            session.Total ??= total;
            if (total != session.Total || start != session.Received.Length)
            {
                session.Rejected = true;
            }
            else
            {
                session.Received = [.. session.Received, .. body];
            }
        }

        if (session.Rejected)
        {
            session.Rejected = false;
            await Error(context, 416, "invalidRange", $"Expected bytes from {session.Received.Length} of {session.Total}.");
            return;
        }

        var last = end + 1 == total;
        if (!last && body.Length % SliceUnit != 0)
        {
            await Error(context, 400, "invalidRange", "A slice other than the last must be a multiple of 320 KiB.");
            return;
        }

        Slices.Enqueue((start, body.Length, total));
        if (!last)
        {
            await Json(context, 202, SessionStatus(session));
            return;
        }

        var created = !Files.ContainsKey((session.Drive, session.File));
        Files[(session.Drive, session.File)] = session.Received;
        _sessions.TryRemove(id, out _);
        if (fault is { Kind: FaultKind.AnswerLost })
        {
            await Error(context, 503, "serviceNotAvailable", "The work was done but the answer was lost.");
            return;
        }

        await Json(context, created ? 201 : 200, Item(session.Drive, session.File, session.Received.Length));
    }

    private static JsonObject SessionStatus(UploadSessionState session) => new()
    {
        ["expirationDateTime"] = DateTimeOffset.UtcNow.AddHours(1).ToString("o", CultureInfo.InvariantCulture),
        ["nextExpectedRanges"] = new JsonArray($"{session.Received.Length}-"),
    };

    private static bool TryRange(string header, out long start, out long end, out long total)
    {
        start = end = total = -1;
        if (!header.StartsWith("bytes ", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = header["bytes ".Length..].Split('-', '/');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out end)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out total)
            && start <= end && end < total;
    }

    private async Task SendMailAsync(HttpContext context, Fault? fault)
    {
        if (!context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) ?? true)
        {
            await Error(context, 415, "invalidRequest", "Content-Type must be application/json.");
            return;
        }

        // Graph reads action parameters case-insensitively (the SDK sends "Message" and "SaveToSentItems").
        var body = JsonNode.Parse(await ReadBodyAsync(context), CaseInsensitive)?.AsObject();
        var message = body?["message"]?.AsObject();
        var to = message?["toRecipients"]?.AsArray().Select(r => r?["emailAddress"]?["address"]?.GetValue<string>()).ToList();
        if (message is null || string.IsNullOrEmpty(message["subject"]?.GetValue<string>()) || to is not { Count: > 0 } || to.Any(string.IsNullOrEmpty)
            || message["body"]?["content"] is null)
        {
            await Error(context, 400, "ErrorInvalidRecipients", "At least one recipient, a subject and a body are required.");
            return;
        }

        if (AttachmentProblem(message["attachments"]) is { } problem)
        {
            await Error(context, problem.Status, problem.Code, problem.Message);
            return;
        }

        SentMail.Enqueue((JsonObject)message.DeepClone());
        if (fault is { Kind: FaultKind.AnswerLost })
        {
            await Error(context, 503, "serviceNotAvailable", "The work was done but the answer was lost.");
            return;
        }

        context.Response.StatusCode = 202;
    }

    /// <summary>
    /// Graph's rules for inline attachments of sendMail: each a <c>#microsoft.graph.fileAttachment</c> with a name, a content
    /// type and base64 <c>contentBytes</c>, at most 3 MB (larger ones need an upload session).
    /// </summary>
    private static (int Status, string Code, string Message)? AttachmentProblem(JsonNode? attachments)
    {
        if (attachments is null)
        {
            return null;
        }

        if (attachments is not JsonArray list)
        {
            return (400, "RequestBodyRead", "attachments must be an array.");
        }

        foreach (var attachment in list)
        {
            if (attachment?["@odata.type"]?.GetValue<string>() != "#microsoft.graph.fileAttachment")
            {
                return (400, "RequestBodyRead", "An attachment must name its type (@odata.type #microsoft.graph.fileAttachment).");
            }

            if (string.IsNullOrEmpty(attachment["name"]?.GetValue<string>()) || string.IsNullOrEmpty(attachment["contentType"]?.GetValue<string>()))
            {
                return (400, "ErrorInvalidRequest", "A file attachment needs a name and a contentType.");
            }

            var bytes = new byte[(attachment["contentBytes"]?.GetValue<string>()?.Length ?? 0) * 3 / 4 + 3];
            if (attachment["contentBytes"]?.GetValue<string>() is not { Length: > 0 } base64 || !Convert.TryFromBase64String(base64, bytes, out var length))
            {
                return (400, "ErrorInvalidRequest", "contentBytes must be base64.");
            }

            if (length > 3 * 1024 * 1024)
            {
                return (413, "ErrorRequestEntityTooLarge", "An inline attachment may be at most 3 MB.");
            }
        }

        return null;
    }

    private async Task SentItemsAsync(HttpContext context)
    {
        var filter = context.Request.Query["$filter"].ToString();
        const string prefix = "internetMessageId eq '";
        if (!filter.StartsWith(prefix, StringComparison.Ordinal) || !filter.EndsWith('\''))
        {
            await Error(context, 400, "BadRequest", "The stand-in filters on internetMessageId only.");
            return;
        }

        var wanted = filter[prefix.Length..^1].Replace("''", "'", StringComparison.Ordinal);
        var found = SentMail.Where(m => m["internetMessageId"]?.GetValue<string>() == wanted)
            .Select(m => (JsonNode)new JsonObject { ["id"] = Guid.NewGuid().ToString("N"), ["internetMessageId"] = wanted }).ToArray();
        await Json(context, 200, new JsonObject { ["value"] = new JsonArray(found) });
    }

    /// <summary>The PDF this stand-in "renders" of a .docx: small, valid in its first bytes, and naming the document's hash.</summary>
    public static byte[] RenderedPdf(byte[] docx) =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n% Graph stand-in rendering of {Convert.ToHexStringLower(SHA256.HashData(docx))}\n%%EOF\n");

    private JsonObject Item(string drive, string file, long size)
    {
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(drive + "|" + file)))[..16];
        _items[id] = (drive, file);
        return ItemJson(id, file, size);
    }

    private static JsonObject ItemJson(string id, string file, long size) => new()
    {
        ["id"] = id,
        ["name"] = file.Split('/')[^1],
        ["size"] = size,
        ["file"] = new JsonObject(),
    };

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static async Task Error(HttpContext context, int status, string code, string message, int? retryAfter = null)
    {
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await Json(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
    }

    private static async Task TokenError(HttpContext context, int status, string error, string description) =>
        await Json(context, status, new JsonObject { ["error"] = error, ["error_description"] = description, ["error_codes"] = new JsonArray(7000215) });

    private static async Task Json(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Graph stand-in", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")], false));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the key in a form it can use on Linux: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }

    private sealed class UploadSessionState(string drive, string file)
    {
        public string Drive { get; } = drive;
        public string File { get; } = file;
        public byte[] Received { get; set; } = [];
        public long? Total { get; set; }
        public bool Rejected { get; set; }
    }

    private sealed record Fault(FaultKind Kind, Func<string, bool> Match, int RetryAfterSeconds);

    private sealed class TrustingTransport(X509Certificate2 certificate) : GraphTransport
    {
        protected override void Configure(SocketsHttpHandler handler) =>
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
    }
}

/// <summary>How the stand-in fails a request.</summary>
public enum FaultKind
{
    TooManyRequests,
    Unavailable,
    /// <summary>No answer until well past the client's time limit.</summary>
    Hang,
    /// <summary>The upload or mail is done, then the answer is a 503 (the client cannot know it worked).</summary>
    AnswerLost,
}
