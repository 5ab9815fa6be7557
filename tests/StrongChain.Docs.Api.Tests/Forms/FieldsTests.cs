using System.Net;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Forms;

[Collection(ServiceCollection.Name)]
public sealed class FieldsTests(ServiceFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Filled_form_gives_kinds_checks_nesting_and_visible_text()
    {
        var response = await _client.PostMultipartAsync("/api/forms/fields", TestAssets.Read(TestForms.CompleteValid));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fields = (await response.JsonAsync()).GetProperty("fields").EnumerateArray().ToList();

        var declaration = Assert.Single(fields, f => f.GetProperty("tag").GetString() == "decl.truthful");
        Assert.Equal("checkBox", declaration.GetProperty("kind").GetString());
        Assert.True(declaration.GetProperty("checked").GetBoolean());

        var section = Assert.Single(fields, f => f.GetProperty("tag").GetString() == "indicators");
        Assert.Equal("repeatingSection", section.GetProperty("kind").GetString());
        Assert.Equal(0, section.GetProperty("depth").GetInt32());
        var items = fields.Where(f => f.GetProperty("kind").GetString() == "repeatingSectionItem").ToList();
        Assert.All(items, i => Assert.Equal(1, i.GetProperty("depth").GetInt32()));
        var indicator = fields.First(f => f.GetProperty("tag").GetString() == "indicator.name");
        Assert.Equal(2, indicator.GetProperty("depth").GetInt32());

        Assert.Equal("dropDownList", fields.First(f => f.GetProperty("tag").GetString() == "applicant.orgType").GetProperty("kind").GetString());
        Assert.Equal("date", fields.First(f => f.GetProperty("tag").GetString() == "project.start").GetProperty("kind").GetString());
        Assert.Equal("picture", fields.First(f => f.GetProperty("tag").GetString() == "sign.seal").GetProperty("kind").GetString());
        Assert.Equal("richText", fields.First(f => f.GetProperty("tag").GetString() == "plan.summary").GetProperty("kind").GetString());
        Assert.All(fields, f => Assert.Equal("document", f.GetProperty("part").GetString()));
        Assert.Equal(JsonValueKindNull, fields.First(f => f.GetProperty("tag").GetString() == "applicant.name").GetProperty("checked").ValueKind);
    }

    [Fact]
    public async Task Any_word_document_can_be_read_even_one_with_no_controls()
    {
        var response = await _client.PostRawAsync("/api/forms/fields", BadUploads.ForeignDocx);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.JsonAsync()).GetProperty("fields").GetArrayLength());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
