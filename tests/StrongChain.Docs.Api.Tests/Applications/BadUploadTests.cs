using System.Net;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Applications;

/// <summary>Every kind of bad upload gets a 4xx ProblemDetails with a code and both messages; never a 500.</summary>
[Collection(ServiceCollection.Name)]
public sealed class BadUploadTests(ServiceFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, HttpStatusCode, string> Cases()
    {
        var data = new TheoryData<string, string, HttpStatusCode, string>();
        foreach (var url in new[] { "/api/applications/check", "/api/forms/fields" })
        {
            data.Add(url, nameof(BadUploads.Empty), HttpStatusCode.BadRequest, "empty");
            data.Add(url, nameof(BadUploads.PdfFile), HttpStatusCode.UnsupportedMediaType, "not-a-docx");
            data.Add(url, nameof(BadUploads.PlainText), HttpStatusCode.UnsupportedMediaType, "not-a-docx");
            data.Add(url, nameof(BadUploads.ZipWithoutDocument), HttpStatusCode.UnsupportedMediaType, "not-a-docx");
            data.Add(url, nameof(BadUploads.MacroEnabled), HttpStatusCode.UnsupportedMediaType, "macro-enabled");
            data.Add(url, nameof(BadUploads.Encrypted), HttpStatusCode.UnsupportedMediaType, "encrypted");
            data.Add(url, nameof(BadUploads.ZipBomb), HttpStatusCode.RequestEntityTooLarge, "zip-bomb");
            data.Add(url, "ExternalEntity", HttpStatusCode.BadRequest, "xml-dtd");
            data.Add(url, "TruncatedTemplate", HttpStatusCode.BadRequest, "corrupt");
        }

        data.Add("/api/applications/check", nameof(BadUploads.ForeignDocx), HttpStatusCode.BadRequest, "unknown-template");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_upload_is_refused_with_its_code_as_multipart_and_as_raw_bytes(string url, string upload, HttpStatusCode status, string code)
    {
        var bytes = Make(upload);

        foreach (var response in new[] { await _client.PostMultipartAsync(url, bytes), await _client.PostRawAsync(url, bytes) })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.JsonAsync();
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("message").GetString());
            Assert.Matches("[A-Za-z]", problem.GetProperty("messageEn").GetString());
        }
    }

    [Fact]
    public async Task Upload_over_20_MiB_is_413_too_large()
    {
        foreach (var response in new[]
                 {
                     await _client.PostMultipartAsync("/api/applications/check", BadUploads.Oversized),
                     await _client.PostRawAsync("/api/applications/check", BadUploads.Oversized),
                 })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("too-large", (await response.JsonAsync()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Multipart_without_a_file_part_says_so()
    {
        using var content = new MultipartFormDataContent { { new StringContent("x"), "notfile" } };
        var response = await _client.PostAsync("/api/applications/check", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("no-file", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task No_truncation_or_random_bytes_ever_answers_500()
    {
        var template = TestAssets.Read(TestForms.CompleteValid);
        var random = new Random(20201228);
        var uploads = new List<byte[]>();
        for (var cut = 1; cut < template.Length; cut += Math.Max(1, template.Length / 40))
        {
            uploads.Add(BadUploads.Truncated(template, cut));
        }

        for (var i = 0; i < 20; i++)
        {
            var noise = new byte[random.Next(1, 5000)];
            random.NextBytes(noise);
            uploads.Add(noise);
            var flipped = (byte[])template.Clone();
            flipped[random.Next(flipped.Length)] ^= 0xFF;
            uploads.Add(flipped);
        }

        foreach (var upload in uploads)
        {
            var response = await _client.PostRawAsync("/api/applications/check", upload);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for an upload of {upload.Length} bytes");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.False(string.IsNullOrEmpty((await response.JsonAsync()).GetProperty("code").GetString()));
            }
        }
    }

    [Theory]
    [InlineData(TestForms.WordQuirks, "/api/applications/check")]
    [InlineData(TestForms.TwoCoApplicants, "/api/forms/fields")]
    [InlineData(TestForms.LibreOfficeDocx, "/api/applications/check")]
    public async Task No_well_formed_but_mutated_form_ever_answers_500(string form, string route)
    {
        var mutator = new PackageMutator(TestAssets.Read(form), seed: 20210210);
        for (var i = 0; i < 150; i++)
        {
            var response = await _client.PostRawAsync(route, mutator.Next());

            Assert.True((int)response.StatusCode < 500, $"mutant {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static byte[] Make(string upload) => upload switch
    {
        "ExternalEntity" => BadUploads.WithExternalEntity(TestAssets.Read(TestForms.CompleteValid)),
        "TruncatedTemplate" => BadUploads.Truncated(TestAssets.Read(TestForms.CompleteValid), 3000),
        _ => (byte[])typeof(BadUploads).GetProperty(upload)!.GetValue(null)!,
    };
}
