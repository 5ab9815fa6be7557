using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Documents.Bulletins;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage.Programme;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Bulletins;

/// <summary>POST /api/bulletins and the .docx/.pdf reads, on a service of its own (the PDF made once for the class).</summary>
public sealed class BulletinsTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static readonly Actor Staff = new("test-staff", Actor.StaffRole, null);

    [Fact]
    public async Task Staff_generate_the_first_batch_bulletin_with_4_and_6()
    {
        using var staff = await factory.StaffAsync();
        var response = await staff.PostAsJsonAsync("/api/bulletins", new { roundId = "2020-01" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        var id = json.GetProperty("id").GetString()!;
        Assert.Equal($"/api/bulletins/{id}.docx", response.Headers.Location!.OriginalString);
        Assert.Equal(10, json.GetProperty("demandCount").GetInt32());
        Assert.Equal([("新一代信息技术", 4), ("生物医药", 6)],
            json.GetProperty("sectors").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("count").GetInt32())));
        Assert.Equal("中科园发〔2020〕1号", json.GetProperty("documentNumber").GetString());
    }

    [Fact]
    public async Task Anyone_reads_the_docx_exactly_as_generated_and_it_says_what_the_seeded_first_batch_says()
    {
        var (id, sha256) = await CreateAsync("2020-01");
        var docx = await factory.CreateClient().GetByteArrayAsync($"/api/bulletins/{id}.docx");

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(docx)));
        // The service's first batch is the published sample data: its bulletin reads as the committed golden text does.
        var expected = BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Published));
        Assert.Equal(DocxText.Of(expected), DocxText.Of(docx));
    }

    [Fact]
    public async Task A_bulletin_is_a_snapshot_that_later_demand_changes_do_not_alter()
    {
        using var scope = factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
        var round = DemandSamples.FirstRound with { Id = "2031-01", Name = "快照测试批次" };
        await store.EnsureRoundAsync(round, updateExisting: false, Staff, default);
        var demand = DemandSamples.Published[0] with { Id = "SNAP-01", RoundId = round.Id, Title = "原始需求名称" };
        await store.UpsertRoundDemandsAsync(round.Id, [demand], Staff, default);
        var (first, _) = await CreateAsync(round.Id);

        await store.UpsertRoundDemandsAsync(round.Id, [demand with { Title = "修改后的需求名称" }], Staff, default);
        var (second, _) = await CreateAsync(round.Id);

        using var client = factory.CreateClient();
        Assert.Contains("原始需求名称", DocxText.Of(await client.GetByteArrayAsync($"/api/bulletins/{first}.docx")), StringComparison.Ordinal);
        var regenerated = DocxText.Of(await client.GetByteArrayAsync($"/api/bulletins/{second}.docx"));
        Assert.Contains("修改后的需求名称", regenerated, StringComparison.Ordinal);
        Assert.DoesNotContain("原始需求名称", regenerated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_staff_generate_bulletins()
    {
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/bulletins", new { roundId = "2020-01" })).StatusCode);
        using var applicant = await factory.ApplicantAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/api/bulletins", new { roundId = "2020-01" })).StatusCode);
    }

    [Fact]
    public async Task Refusals_carry_codes()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
            var round = DemandSamples.FirstRound with { Id = "2032-01", Name = "待论证批次" };
            await store.EnsureRoundAsync(round, updateExisting: false, Staff, default);
            await store.UpsertRoundDemandsAsync(round.Id, [DemandSamples.Published[0] with { Id = "PEND-01", RoundId = round.Id, ReviewStatus = Demand.Pending }], Staff, default);
        }

        using var staff = await factory.StaffAsync();
        await AssertProblem(await staff.PostAsJsonAsync("/api/bulletins", new { roundId = "1999-09" }), HttpStatusCode.NotFound, "unknown-round");
        await AssertProblem(await staff.PostAsJsonAsync("/api/bulletins", new { roundId = "" }), HttpStatusCode.BadRequest, "round-required");
        await AssertProblem(await staff.PostAsJsonAsync("/api/bulletins", new { roundId = "2032-01" }), HttpStatusCode.Conflict, "no-approved-demands");
        using var anonymous = factory.CreateClient();
        var missing = Guid.NewGuid().ToString("N");
        await AssertProblem(await anonymous.GetAsync($"/api/bulletins/{missing}.docx"), HttpStatusCode.NotFound, "unknown-bulletin");
        await AssertProblem(await anonymous.GetAsync($"/api/bulletins/{missing}.pdf"), HttpStatusCode.NotFound, "unknown-bulletin");
    }

    [Fact]
    public async Task Pdf_of_the_first_batch_holds_its_titles_and_a_second_read_comes_from_the_cache()
    {
        var (id, _) = await CreateAsync("2020-01");
        using var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync($"/api/bulletins/{id}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.True(pdf.AsSpan().StartsWith("%PDF"u8));

        var path = Path.Combine(factory.Database.Directory, "api-bulletin.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        var text = string.Concat((await Poppler.TextAsync(path)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("共10项，其中新一代信息技术4项、生物医药6项", text, StringComparison.Ordinal);
        Assert.All(DemandSamples.Published, d => Assert.Contains(string.Concat(d.Title.Where(c => !char.IsWhiteSpace(c))), text, StringComparison.Ordinal));

        var renderer = factory.Services.GetRequiredService<PdfRenderer>();
        var started = renderer.ProcessesStarted;
        Assert.Equal(pdf, await anonymous.GetByteArrayAsync($"/api/bulletins/{id}.pdf"));
        Assert.Equal(started, renderer.ProcessesStarted);
    }

    private async Task<(string Id, string Sha256)> CreateAsync(string roundId)
    {
        using var staff = await factory.StaffAsync();
        var response = await staff.PostAsJsonAsync("/api/bulletins", new { roundId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        return (json.GetProperty("id").GetString()!, json.GetProperty("sha256").GetString()!);
    }

    internal static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(code, (await response.JsonAsync()).GetProperty("code").GetString());
    }
}
