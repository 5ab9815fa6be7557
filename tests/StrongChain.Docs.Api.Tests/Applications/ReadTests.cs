using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Applications;

/// <summary>Two organisations apply; staff see both, each applicant only its own.</summary>
public sealed class ReadTests(ServiceFactory factory) : IClassFixture<ServiceFactory>, IAsyncLifetime
{
    private static readonly string OtherCode = Submissions.CreditCode(42);
    private string _ownId = "";
    private string _otherId = "";
    private byte[] _ownForm = [];

    // xunit builds the class per test; the two submissions are made once per fixture.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServiceFactory, Task<(string Own, string Other, byte[] Form)>> Seeded = [];

    public async Task InitializeAsync() => (_ownId, _otherId, _ownForm) = await Seeded.GetValue(factory, SeedAsync);

    private static async Task<(string Own, string Other, byte[] Form)> SeedAsync(ServiceFactory factory)
    {
        using var own = await factory.ApplicantAsync();
        using var other = await factory.ApplicantAsync(OtherCode);
        var form = await Submissions.FormAsync(own);
        var mine = await own.PostMultipartAsync("/api/applications", form);
        var theirs = await other.PostMultipartAsync("/api/applications", await Submissions.FormAsync(other, "QL2020-IT-01", OtherCode, "示例其他科技有限公司"));
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        return ((await mine.JsonAsync()).GetProperty("id").GetString()!, (await theirs.JsonAsync()).GetProperty("id").GetString()!, form);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Staff_list_every_application_and_filter_by_demand_and_round()
    {
        using var staff = await factory.StaffAsync();

        var all = (await (await staff.GetAsync("/api/applications")).JsonAsync()).EnumerateArray().ToList();
        var byDemand = (await (await staff.GetAsync("/api/applications?demandId=QL2020-IT-01")).JsonAsync()).EnumerateArray().ToList();
        var demo = (await (await staff.GetAsync("/api/applications?roundId=demo")).JsonAsync()).EnumerateArray().ToList();

        Assert.Equal(2, all.Count);
        Assert.Equal(OtherCode, Assert.Single(byDemand).GetProperty("creditCode").GetString());
        Assert.Empty(demo);
    }

    [Fact]
    public async Task Applicant_lists_only_its_own_organisation()
    {
        using var own = await factory.ApplicantAsync();

        var list = (await (await own.GetAsync("/api/applications?roundId=2020-01")).JsonAsync()).EnumerateArray().ToList();

        var item = Assert.Single(list);
        Assert.Equal(_ownId, item.GetProperty("id").GetString());
        Assert.Equal("QL2020-BM-02-0001", item.GetProperty("receiptNo").GetString());
        Assert.True(item.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task Another_organisations_application_and_document_read_as_404()
    {
        using var own = await factory.ApplicantAsync();

        var detail = await own.GetAsync($"/api/applications/{_otherId}");
        var document = await own.GetAsync($"/api/applications/{_otherId}/document");
        var missing = await own.GetAsync($"/api/applications/{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.Equal((await missing.JsonAsync()).GetProperty("code").GetString(), (await detail.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Detail_has_record_findings_status_and_versions()
    {
        using var own = await factory.ApplicantAsync();

        var detail = await (await own.GetAsync($"/api/applications/{_ownId}")).JsonAsync();

        Assert.Equal("submitted", detail.GetProperty("status").GetString());
        Assert.Equal(SampleForms.ApplicantName, detail.GetProperty("record").GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal(JsonValueKindArray, detail.GetProperty("findings").ValueKind);
        var version = Assert.Single(detail.GetProperty("versions").EnumerateArray());
        Assert.Equal(_ownForm.Length, version.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(_ownForm)), version.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Document_comes_back_byte_identical_as_docx_and_staff_may_read_it()
    {
        using var staff = await factory.StaffAsync();

        var response = await staff.GetAsync($"/api/applications/{_ownId}/document?version=1");
        var missingVersion = await staff.GetAsync($"/api/applications/{_ownId}/document?version=9");

        Assert.Equal(Http.Docx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_ownForm, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("unknown-version", (await missingVersion.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Export_is_a_valid_workbook_with_one_row_per_latest_application()
    {
        using var staff = await factory.StaffAsync();

        var response = await staff.GetAsync("/api/applications/export?roundId=2020-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook));
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        var texts = rows.Skip(1).Select(r => r.Descendants<Cell>().Select(c => c.InnerText).ToList()).ToList();
        var own = Assert.Single(texts, t => t[0] == "QL2020-BM-02-0001");
        Assert.Equal(SampleForms.ApplicantCreditCode, own[4]);
        Assert.Equal("企业", own[5]);
        Assert.Equal("1", own[7]);
        Assert.Equal(500m, decimal.Parse(own[8], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("是", own[10]);
    }

    [Fact]
    public async Task Export_of_an_unknown_round_is_404()
    {
        using var staff = await factory.StaffAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/applications/export?roundId=1999-01")).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;
}
