using System.Collections.Concurrent;
using System.Globalization;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using StrongChain.Docs.Domain.Outbox;

namespace StrongChain.Docs.Microsoft365;

/// <summary>
/// Delivery through Microsoft Graph with the Graph SDK: uploads to a drive path (replacing what is there; an upload
/// session from <see cref="GraphOptions.SimpleUploadLimit"/> on) and <c>sendMail</c> from the configured mailbox.
/// The SDK's own retry handler is left out: the outbox owns retries (persistent, with backoff and Retry-After).
/// </summary>
public sealed class GraphDeliveryTarget : IDeliveryTarget, IDisposable
{
    private readonly GraphOptions _options;
    private readonly HttpClient _http;
    private readonly HttpClient _uploadHttp;
    private readonly GraphServiceClient _client;
    private readonly IRequestAdapter _uploadAdapter;
    private readonly ConcurrentDictionary<DeliveryLibrary, string> _drives = new();
    private readonly string _baseUrl;

    public GraphDeliveryTarget(GraphOptions options, GraphTransport transport, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Graph is enabled but not configured: " + string.Join(" ", problems));
        }

        _options = options;
        var baseUri = new Uri(options.BaseUrl.TrimEnd('/'));
        credential ??= GraphCredentials.Create(options, transport);
        _http = GraphClientFactory.Create(Handlers(), finalHandler: transport.CreateHandler());
        _http.Timeout = options.Timeout;
        // The token goes to Graph's host only: upload URLs (pre-authorised, on another host) must not get it.
        var authentication = new AzureIdentityAuthenticationProvider(credential, [baseUri.Host], null, true, Scope(baseUri));
        _baseUrl = baseUri.ToString().TrimEnd('/');
        _client = new GraphServiceClient(_http, authentication, _baseUrl);
        _uploadHttp = GraphClientFactory.Create(Handlers(), finalHandler: transport.CreateHandler());
        _uploadHttp.Timeout = options.Timeout;
        _uploadAdapter = new BaseGraphRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: _uploadHttp);
    }

    public string Name => "graph";

    /// <summary><c>https://graph.microsoft.com/.default</c>: the app's granted application permissions on that Graph.</summary>
    public static string Scope(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        return $"{baseUri.Scheme}://{baseUri.Authority}/.default";
    }

    public async Task UploadAsync(DeliveryLibrary library, string path, byte[] bytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        await Call(async () =>
        {
            var driveId = await DriveIdAsync(library, ct);
            var settings = library == DeliveryLibrary.Archive ? _options.Archive : _options.Publishing;
            await UploadItemAsync(driveId, Combine(settings.Folder, path), bytes, ct);
        }, ct);
    }

    /// <summary>
    /// The PDF Graph renders of <paramref name="docx"/>: put it in the archive library's conversion folder (named by its
    /// SHA-256, replaced if there), read <c>/content?format=pdf</c> (a redirect to a pre-authorised URL), remove the copy.
    /// </summary>
    public async Task<byte[]> ConvertToPdfAsync(byte[] docx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(docx);
        byte[] pdf = [];
        await Call(async () =>
        {
            var driveId = await DriveIdAsync(DeliveryLibrary.Archive, ct);
            var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx)) + ".docx";
            var item = await UploadItemAsync(driveId, Combine(_options.Archive.Folder, Combine(_options.PdfFolder, name)), docx, ct);
            var content = _client.Drives[driveId].Items[item.Id].Content;
            // Graph's conversion parameter is "format" (not "$format", which the generated query parameters would send).
            var url = $"{_baseUrl}/drives/{Uri.EscapeDataString(driveId)}/items/{Uri.EscapeDataString(item.Id!)}/content?format=pdf";
            await using (var stream = await content.WithUrl(url).GetAsync(cancellationToken: ct)
                ?? throw new DeliveryException("Graph returned no PDF."))
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                pdf = buffer.ToArray();
            }

            try
            {
                await _client.Drives[driveId].Items[item.Id].DeleteAsync(cancellationToken: ct);
            }
            catch (ApiException)
            {
                // The copy is not needed; one left behind is replaced by the next conversion of the same document.
            }
        }, ct);
        return pdf;
    }

    /// <summary>One PUT below <see cref="GraphOptions.SimpleUploadLimit"/>, else an upload session; the file at the path is replaced.</summary>
    private async Task<DriveItem> UploadItemAsync(string driveId, string path, byte[] bytes, CancellationToken ct)
    {
        var item = _client.Drives[driveId].Items["root"].ItemWithPath(path);
        using var stream = new MemoryStream(bytes, writable: false);
        if (bytes.Length < GraphOptions.SimpleUploadLimit)
        {
            // PUT …/content replaces an existing file by default: the same path again is the same file.
            return await item.Content.PutAsync(stream, cancellationToken: ct) ?? throw new DeliveryException("The upload returned no item.");
        }

        var session = await item.CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody
        {
            Item = new DriveItemUploadableProperties
            {
                AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "replace" },
            },
        }, cancellationToken: ct) ?? throw new DeliveryException("createUploadSession returned no session.");
        var upload = new LargeFileUploadTask<DriveItem>(session, stream, _options.UploadSliceBytes, _uploadAdapter);
        var result = await upload.UploadAsync(maxTries: 1, cancellationToken: ct);
        return result.UploadSucceeded && result.ItemResponse is { } uploaded ? uploaded
            : throw new DeliveryException("The upload session ended without the file.");
    }

    public async Task SendMailAsync(OutgoingMail mail, bool mayHaveBeenSent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        await Call(async () =>
        {
            if (mayHaveBeenSent && await AlreadySentAsync(mail.MessageId, ct))
            {
                return;
            }

            await _client.Users[_options.Mailbox].SendMail.PostAsync(new SendMailPostRequestBody
            {
                Message = new Message
                {
                    Subject = mail.Subject,
                    Body = new ItemBody { ContentType = BodyType.Text, Content = mail.Body },
                    ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = mail.To } }],
                    // Fixed per outbox item: a resend after an unknown outcome is found in Sent Items and skipped.
                    InternetMessageId = mail.MessageId,
                    Attachments = mail.Attachments is { Count: > 0 } files ? [.. files.Select(FileAttachment)] : null,
                },
                SaveToSentItems = true,
            }, cancellationToken: ct);
        }, ct);
    }

    /// <summary>An inline fileAttachment (Graph takes at most 3 MB this way; larger ones would need an upload session).</summary>
    private static Attachment FileAttachment(MailAttachment file)
    {
        if (file.Bytes.Length > MailAttachment.InlineLimit)
        {
            throw new InvalidOperationException($"Attachment '{file.Name}' is {file.Bytes.Length} bytes, over Graph's inline limit of {MailAttachment.InlineLimit}.");
        }

        return new FileAttachment { OdataType = "#microsoft.graph.fileAttachment", Name = file.Name, ContentType = file.ContentType, ContentBytes = file.Bytes };
    }

    /// <summary>Whether Sent Items holds the message id (needs Mail.ReadBasic.All); unknown (403) counts as not sent.</summary>
    private async Task<bool> AlreadySentAsync(string messageId, CancellationToken ct)
    {
        try
        {
            var found = await _client.Users[_options.Mailbox].MailFolders["sentitems"].Messages.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"internetMessageId eq '{messageId.Replace("'", "''", StringComparison.Ordinal)}'";
                r.QueryParameters.Select = ["id", "internetMessageId"];
                r.QueryParameters.Top = 1;
            }, ct);
            return found?.Value is { Count: > 0 };
        }
        catch (ApiException e) when (e.ResponseStatusCode == 403)
        {
            return false;
        }
    }

    private async Task<string> DriveIdAsync(DeliveryLibrary library, CancellationToken ct)
    {
        if (_drives.TryGetValue(library, out var cached))
        {
            return cached;
        }

        var settings = library == DeliveryLibrary.Archive ? _options.Archive : _options.Publishing;
        if (!string.IsNullOrWhiteSpace(settings.DriveId))
        {
            return _drives.GetOrAdd(library, settings.DriveId);
        }

        var drives = await _client.Sites[settings.SiteId].Drives.GetAsync(r => r.QueryParameters.Select = ["id", "name"], ct);
        var drive = drives?.Value?.FirstOrDefault(d => string.Equals(d.Name, settings.Library, StringComparison.OrdinalIgnoreCase))
            ?? throw new DeliveryException($"Site '{settings.SiteId}' has no library named '{settings.Library}'.");
        return _drives.GetOrAdd(library, drive.Id!);
    }

    private static string Combine(string? folder, string path) =>
        string.IsNullOrWhiteSpace(folder) ? path : folder.Trim('/') + "/" + path;

    /// <summary>Turns every way a Graph call can fail into a <see cref="DeliveryException"/> with the Retry-After it carried.</summary>
    private static async Task Call(Func<Task> call, CancellationToken ct)
    {
        try
        {
            await call();
        }
        catch (ApiException e)
        {
            var code = (e as Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Code;
            throw new DeliveryException($"Graph answered {e.ResponseStatusCode}{(code is null ? "" : " " + code)}: {e.Message}", RetryAfter(e.ResponseHeaders), e);
        }
        catch (AuthenticationFailedException e)
        {
            // Azure.Identity's own message is often empty: the token endpoint's answer (AADSTS…) is in the inner exception.
            throw new DeliveryException($"No token: {e.Message} {e.InnerException?.Message}".TrimEnd(), null, e);
        }
        catch (HttpRequestException e)
        {
            throw new DeliveryException("Graph could not be reached: " + e.Message, null, e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new DeliveryException("Graph did not answer in time.", null, e);
        }
    }

    /// <summary><c>Retry-After</c> in seconds or as an HTTP date.</summary>
    private static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }

    private static List<DelegatingHandler> Handlers() =>
        [.. GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler)];

    public void Dispose()
    {
        _http.Dispose();
        _uploadHttp.Dispose();
    }
}
