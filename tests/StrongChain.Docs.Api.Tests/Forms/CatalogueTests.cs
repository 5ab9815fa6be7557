using System.Net;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Forms;

[Collection(ServiceCollection.Name)]
public sealed class CatalogueTests(ServiceFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_catalogue_lists_every_field_once_by_section_with_its_place_in_the_record()
    {
        var response = await _client.GetAsync("/api/forms/application/catalogue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var catalogue = await response.JsonAsync();
        Assert.Equal("1.0", catalogue.GetProperty("templateVersion").GetString());
        var sections = catalogue.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(ApplicationForm.Sections.Select(s => s.Key), sections.Select(s => s.GetProperty("key").GetString()));
        var fields = sections.SelectMany(s => s.GetProperty("fields").EnumerateArray()
            .Concat(s.GetProperty("repeats").EnumerateArray().SelectMany(r => r.GetProperty("fields").EnumerateArray()))).ToList();
        Assert.Equal(ApplicationForm.Fields.Select(f => f.Tag).Order(StringComparer.Ordinal), fields.Select(f => f.GetProperty("tag").GetString()!).Order(StringComparer.Ordinal));

        var byTag = fields.ToDictionary(f => f.GetProperty("tag").GetString()!);
        Assert.Equal("applicant.name", byTag["applicant.name"].GetProperty("recordPath").GetString());
        Assert.Equal("plan.start", byTag["project.start"].GetProperty("recordPath").GetString());
        Assert.Equal("date", byTag["project.start"].GetProperty("valueType").GetString());
        Assert.Equal("amount", byTag["budgetItem.amount"].GetProperty("valueType").GetString());
        Assert.Equal("budget.items[].amount", byTag["budgetItem.amount"].GetProperty("recordPath").GetString());
        Assert.Equal("declarations.truthful", byTag["decl.truthful"].GetProperty("recordPath").GetString());
        Assert.Equal(ApplicationForm.OrgTypes, byTag["applicant.orgType"].GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(JsonValueKindNull, catalogue.GetProperty("demand").ValueKind);
    }

    [Fact]
    public async Task For_a_demand_the_catalogue_carries_its_locked_facts_and_the_rounds_limits()
    {
        var catalogue = await (await _client.GetAsync("/api/forms/application/catalogue?demandId=" + SampleProgramme.DemandId)).JsonAsync();

        Assert.Equal(SampleProgramme.RoboticArm.Title, catalogue.GetProperty("demand").GetProperty("title").GetString());
        var coApplicants = catalogue.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("repeats").EnumerateArray())
            .Single(r => r.GetProperty("tag").GetString() == "coApplicants");
        Assert.Equal(SampleProgramme.FirstBatch.MaxCoApplicants, coApplicants.GetProperty("maxItems").GetInt32());
        Assert.Equal(0, coApplicants.GetProperty("minItems").GetInt32());
        Assert.Equal("coApplicants", coApplicants.GetProperty("recordPath").GetString());
    }

    [Fact]
    public async Task An_unknown_demand_is_404()
    {
        var response = await _client.GetAsync("/api/forms/application/catalogue?demandId=QL2020-XX-99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
