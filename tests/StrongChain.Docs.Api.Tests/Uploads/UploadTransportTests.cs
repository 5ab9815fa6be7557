using System.Net;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Uploads;

/// <summary>How a file arrives (multipart, raw body, a form by mistake) never turns into a 500 on any upload route.</summary>
[Collection(ServiceCollection.Name)]
public sealed class UploadTransportTests(ServiceFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> UploadRoutes() => ["/api/applications/check", "/api/forms/fields", "/api/agreements/verify"];

    [Theory]
    [MemberData(nameof(UploadRoutes))]
    public async Task Multipart_body_cut_before_its_end_boundary_is_bad_multipart(string route)
    {
        byte[] body = [.. "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.docx\"\r\n\r\n"u8, .. TestAssets.Read(TestForms.CompleteValid)];

        var response = await _client.PostRawAsync(route, body, "multipart/form-data; boundary=XX");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad-multipart");
    }

    [Theory]
    [MemberData(nameof(UploadRoutes))]
    public async Task Multipart_content_type_over_a_body_that_is_not_multipart_is_bad_multipart(string route)
    {
        var response = await _client.PostRawAsync(route, "not a multipart body at all"u8.ToArray(), "multipart/form-data; boundary=XX");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad-multipart");
    }

    [Theory]
    [MemberData(nameof(UploadRoutes))]
    public async Task File_posted_as_a_url_encoded_form_is_an_unsupported_media_type(string route)
    {
        // What `curl --data-binary @file` sends: the bytes labelled as a form. Keys with an unclosed '[' once made MVC throw.
        byte[] file = [.. "%PDF-1.7\na[b=1&c[=2&"u8, .. TestAssets.Read(TestForms.CompleteValid)];

        var response = await _client.PostRawAsync(route, file, "application/x-www-form-urlencoded");

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("messageEn").GetString()));
    }
}
