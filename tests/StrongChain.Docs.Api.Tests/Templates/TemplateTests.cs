using System.Net;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Api.Tests.Templates;

[Collection(ServiceCollection.Name)]
public sealed class TemplateTests(ServiceFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Template_of_a_demand_is_a_docx_whose_controls_carry_every_catalogue_tag()
    {
        var response = await _client.GetAsync("/api/templates/application?demandId=QL2020-IT-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Http.Docx, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("QL2020-IT-01", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);

        var fields = (await (await _client.PostRawAsync("/api/forms/fields", await response.Content.ReadAsByteArrayAsync())).JsonAsync())
            .GetProperty("fields").EnumerateArray().ToList();
        var tags = fields.Select(f => f.GetProperty("tag").GetString()).ToHashSet();

        Assert.All(ApplicationForm.Fields, f => Assert.Contains(f.Tag, tags));
        Assert.All(ApplicationForm.Repeats, r => Assert.Contains(r.Tag, tags));
        var title = Assert.Single(fields, f => f.GetProperty("tag").GetString() == "demand.title");
        Assert.Equal("面向存储器版图设计的浏览器及IP集成工具", title.GetProperty("text").GetString());
        Assert.False(title.GetProperty("placeholder").GetBoolean());
        var name = Assert.Single(fields, f => f.GetProperty("tag").GetString() == "applicant.name");
        Assert.True(name.GetProperty("placeholder").GetBoolean());
        Assert.Equal(string.Empty, name.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Template_of_an_unknown_demand_is_404_and_a_missing_id_is_400()
    {
        var unknown = await _client.GetAsync("/api/templates/application?demandId=NOPE");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknown-demand", (await unknown.JsonAsync()).GetProperty("code").GetString());

        var missing = await _client.GetAsync("/api/templates/application");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("invalid-request", (await missing.JsonAsync()).GetProperty("code").GetString());
    }
}
