using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Review;

/// <summary>The review packet of a demand with 8 applications: valid Open XML, rendered by LibreOffice with the CJK fonts embedded, for the panel only.</summary>
public sealed class ReviewPacketTests(ServiceFactory factory) : IClassFixture<ServiceFactory>, IAsyncLifetime
{
    private const string Demand = "QL2020-BM-02";
    private const string ExpertId = "expert-packet";
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServiceFactory, Task<List<string>>> Seeded = [];
    private List<string> _ids = [];

    public async Task InitializeAsync() => _ids = await Seeded.GetValue(factory, async f =>
    {
        using var staff = await f.StaffAsync();
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/demands/{Demand}/panel",
            new { expertId = ExpertId, name = "赵专家", organisation = "示例评审研究院", organisationCreditCode = Submissions.CreditCode(610) })).StatusCode);
        var ids = new List<string>();
        for (var a = 0; a < 8; a++)
        {
            ids.Add(await ReviewRoles.SubmitAsync(f, Demand, Submissions.CreditCode(620 + a), $"示例揭榜单位{a + 1}"));
        }

        return ids;
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Packet_docx_has_a_cover_a_summary_of_8_and_each_application_and_is_valid_Open_XML()
    {
        using var expert = await factory.ExpertAsync(ExpertId);

        var response = await expert.GetAsync($"/api/demands/{Demand}/review-packet.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
        var body = document.MainDocumentPart!.Document!.Body!;
        var text = body.InnerText;
        Assert.Contains("揭榜申报评审材料", text, StringComparison.Ordinal);
        Assert.Contains("申报数量：8项", text, StringComparison.Ordinal);
        var summary = body.Elements<Table>().First();
        Assert.Equal(1 + 8, summary.Elements<TableRow>().Count());
        for (var a = 0; a < 8; a++)
        {
            Assert.Contains($"{Demand}-{a + 1:0000}　示例揭榜单位{a + 1}", text, StringComparison.Ordinal);
        }

        // Each application's record: its indicators, its budget items and its co-applicant's task.
        Assert.Equal(8, body.Descendants<Paragraph>().Count(p => p.InnerText == "考核指标"));
        Assert.Equal(8, body.Descendants<Paragraph>().Count(p => p.InnerText == "预算明细"));
        Assert.Equal(8, body.Descendants<Paragraph>().Count(p => p.InnerText == SampleForms.CompleteValidValues["coApplicants[0].task"]));
    }

    [Fact]
    public async Task Packet_pdf_renders_through_LibreOffice_with_every_font_embedded()
    {
        using var staff = await factory.StaffAsync();

        var response = await staff.GetAsync($"/api/demands/{Demand}/review-packet.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var work = Directory.CreateTempSubdirectory("sc15-packet-");
        try
        {
            var path = Path.Combine(work.FullName, "packet.pdf");
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
            var fonts = await Poppler.FontsAsync(path);
            Assert.Contains(fonts, f => f.Name.Contains("CJK", StringComparison.Ordinal));
            Assert.All(fonts, f => Assert.True(f.Embedded, $"{f.Name} is not embedded."));
            var text = string.Concat((await Poppler.TextAsync(path)).Where(c => !char.IsWhiteSpace(c)));
            Assert.All(Enumerable.Range(1, 8), a => Assert.Contains($"{Demand}-{a:0000}", text, StringComparison.Ordinal));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Expert_of_another_panel_gets_no_packet_and_each_packet_read_is_audited()
    {
        using var other = await factory.ExpertAsync("expert-elsewhere");
        using var expert = await factory.ExpertAsync(ExpertId);
        using var staff = await factory.StaffAsync();

        var refused = await other.GetAsync($"/api/demands/{Demand}/review-packet.docx");
        await expert.GetAsync($"/api/demands/{Demand}/review-packet.docx");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("not-on-panel", (await refused.JsonAsync()).GetProperty("code").GetString());
        foreach (var id in _ids)
        {
            var trail = await staff.GetStringAsync($"/api/audit?entityId={id}&action=application.packet");
            Assert.Contains(ExpertId, trail, StringComparison.Ordinal);
        }
    }
}
