using System.Net.Http.Headers;
using System.Text.Json;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>Uploads as the add-in and outside clients send them.</summary>
public static class Http
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string url, byte[] file, string fileName = "form.docx")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(Docx);
        content.Add(part, "file", fileName);
        return client.PostAsync(url, content);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, byte[] file, string contentType = Docx)
    {
        var content = new ByteArrayContent(file);
        // Parsed, so a type with parameters (a multipart boundary) can be sent as it is.
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(url, content);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
