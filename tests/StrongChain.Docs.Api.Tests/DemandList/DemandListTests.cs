using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Documents.DemandList;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Storage.Entities;
using StrongChain.Docs.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace StrongChain.Docs.Api.Tests.DemandList;

/// <summary>The demand workbook through the API. Imports change the stored demands, so this class has a host of its own.</summary>
public sealed class DemandListTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Template_of_the_first_batch_holds_its_ten_demands_in_the_Demands_table()
    {
        var staff = await factory.StaffAsync();
        var response = await staff.GetAsync("/api/templates/demands?roundId=2020-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var table = Assert.Single(workbook.WorkbookPart!.WorksheetParts.SelectMany(w => w.TableDefinitionParts));
        Assert.Equal("Demands", table.Table!.Name?.Value);
        var sheet = DemandWorkbookReader.Read(bytes, PackageLimits.Default);
        Assert.Equal(10, sheet.Rows.Count);
        Assert.Contains(sheet.Rows, r => r[DemandColumns.Title] == "CT滑环");
    }

    [Fact]
    public async Task Workbook_routes_are_for_staff_only()
    {
        var anonymous = factory.CreateClient();
        var applicant = await factory.ApplicantAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/templates/demands?roundId=2020-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/templates/demands?roundId=2020-01")).StatusCode);
        var import = await applicant.PostRawAsync("/api/demands/import?roundId=2020-01", TestAssets.Read(TestWorkbooks.Template), Xlsx);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal("forbidden", (await import.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Demo_round_workbook_downloaded_as_it_is_imports_back_unchanged()
    {
        var staff = await factory.StaffAsync();
        var before = await DemoDemandsAsync(staff);
        var workbook = await (await staff.GetAsync("/api/templates/demands?roundId=demo")).Content.ReadAsByteArrayAsync();

        var response = await staff.PostMultipartAsync("/api/demands/import?roundId=demo", workbook, "demands.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before.Count, (await response.JsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(before, await DemoDemandsAsync(staff));
        Assert.All(before, d => Assert.Contains("示例数据", d.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Workbook_resaved_by_LibreOffice_Calc_is_imported_whole()
    {
        var staff = await factory.StaffAsync();

        var response = await staff.PostMultipartAsync("/api/demands/import?roundId=2020-01", TestAssets.Read(TestWorkbooks.ReSavedByCalc), "榜单.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal(10, answer.GetProperty("imported").GetInt32());
        var joint = await (await staff.GetAsync("/api/demands/QL2020-IT-02")).JsonAsync();
        var expected = DemandSamples.FirstBatch.Single(d => d.Id == "QL2020-IT-02");
        Assert.Equal(expected.CoIssuers, joint.GetProperty("coIssuers").GetString());
        Assert.Equal(expected.CommittedVolume, joint.GetProperty("committedVolume").GetString());
        Assert.Equal(expected.DeadlineMonths, joint.GetProperty("deadlineMonths").GetInt32());
        Assert.Equal(expected.Summary, joint.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Workbook_with_errors_changes_nothing_and_names_every_cell()
    {
        var staff = await factory.StaffAsync();
        var before = await (await staff.GetAsync("/api/demands?roundId=2020-01")).Content.ReadAsStringAsync();

        var response = await staff.PostRawAsync("/api/demands/import?roundId=2020-01", TestAssets.Read(TestWorkbooks.CellProblems), Xlsx);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("invalid-demand-list", problem.GetProperty("code").GetString());
        var findings = problem.GetProperty("findings").EnumerateArray().ToList();
        var naError = Assert.Single(findings, f => f.GetProperty("code").GetString() == "cell-error");
        Assert.Equal("D2", naError.GetProperty("cell").GetString());
        Assert.Equal(2, naError.GetProperty("row").GetInt32());
        Assert.Equal("title", naError.GetProperty("column").GetString());
        Assert.Equal("error", naError.GetProperty("severity").GetString());
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "formula-without-value");
        Assert.Equal(before, await (await staff.GetAsync("/api/demands?roundId=2020-01")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Table_from_the_Excel_add_in_is_imported_and_its_errors_are_numbered_from_the_first_data_row()
    {
        var staff = await factory.StaffAsync();
        var headers = TableHeaders();
        List<List<JsonElement>> rows = [.. DemandSamples.FirstBatch.Take(2).Select(TableRow)];

        var ok = await staff.PostAsJsonAsync("/api/demands/import-table?roundId=2020-01", new { headers, rows });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, (await ok.JsonAsync()).GetProperty("imported").GetInt32());

        rows[1][DemandColumns.IndexOf(DemandColumns.IssuerCreditCode)] = JsonSerializer.SerializeToElement("91110108MA00000011");
        var bad = await staff.PostAsJsonAsync("/api/demands/import-table?roundId=2020-01", new { headers, rows });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var finding = Assert.Single((await bad.JsonAsync()).GetProperty("findings").EnumerateArray());
        Assert.Equal("credit-code-checksum", finding.GetProperty("code").GetString());
        Assert.Equal(2, finding.GetProperty("row").GetInt32());
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("cell").ValueKind);
    }

    [Fact]
    public async Task Null_row_or_header_in_the_add_in_table_is_blank_not_a_server_error()
    {
        var staff = await factory.StaffAsync();
        var headers = TableHeaders();
        var rows = DemandSamples.FirstBatch.Take(2).Select(TableRow).ToList();
        var body = $$"""{"headers":{{JsonSerializer.Serialize(headers)}},"rows":[{{JsonSerializer.Serialize(rows[0])}},null,{{JsonSerializer.Serialize(rows[1])}}]}""";
        var withNullHeader = $$"""{"headers":[null,{{string.Join(",", headers.Skip(1).Select(h => h.GetRawText()))}}],"rows":[null]}""";

        var blankRow = await staff.PostRawAsync("/api/demands/import-table?roundId=2020-01&dryRun=true", System.Text.Encoding.UTF8.GetBytes(body), "application/json");
        var blankHeader = await staff.PostRawAsync("/api/demands/import-table?roundId=2020-01&dryRun=true", System.Text.Encoding.UTF8.GetBytes(withNullHeader), "application/json");

        Assert.Equal(HttpStatusCode.OK, blankRow.StatusCode);
        Assert.Equal(2, (await blankRow.JsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blankHeader.StatusCode);
        Assert.Contains((await blankHeader.JsonAsync()).GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "missing-column");
    }

    [Fact]
    public async Task Dry_run_answers_like_the_import_and_stores_nothing()
    {
        var staff = await factory.StaffAsync();
        var before = await DemoDemandsAsync(staff);
        var headers = TableHeaders();
        var changed = before[0] with { Title = "试运行不应保存的标题" };
        List<List<JsonElement>> rows = [TableRow(changed)];

        var ok = await staff.PostAsJsonAsync("/api/demands/import-table?roundId=demo&dryRun=true", new { headers, rows });
        var workbook = await (await staff.GetAsync("/api/templates/demands?roundId=demo")).Content.ReadAsByteArrayAsync();
        var upload = await staff.PostMultipartAsync("/api/demands/import?roundId=demo&dryRun=true", workbook, "demands.xlsx");
        rows[0][DemandColumns.IndexOf(DemandColumns.IssuerCreditCode)] = JsonSerializer.SerializeToElement("91110108MA00000011");
        var bad = await staff.PostAsJsonAsync("/api/demands/import-table?roundId=demo&dryRun=true", new { headers, rows });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, (await ok.JsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(before.Count, (await upload.JsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("credit-code-checksum", Assert.Single((await bad.JsonAsync()).GetProperty("findings").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(before, await DemoDemandsAsync(staff));
    }

    /// <summary>The header row the Excel add-in sends: every catalogue column.</summary>
    private static List<JsonElement> TableHeaders() => [.. DemandColumns.All.Select(c => JsonSerializer.SerializeToElement(c.Header))];

    /// <summary>One demand as the add-in sends its row: the deadline as a number, every other cell as text.</summary>
    private static List<JsonElement> TableRow(Demand demand) => [.. DemandColumns.All.Select(c => c.Key == DemandColumns.DeadlineMonths
        ? JsonSerializer.SerializeToElement(demand.DeadlineMonths)
        : JsonSerializer.SerializeToElement(DemandWorkbookTemplate.ValueOf(demand, c.Key) ?? ""))];

    public static TheoryData<string, HttpStatusCode, string> BadWorkbooks() => new()
    {
        { nameof(BadUploads.PdfFile), HttpStatusCode.UnsupportedMediaType, "not-an-xlsx" },
        { "WordDocument", HttpStatusCode.UnsupportedMediaType, "not-an-xlsx" },
        { "MacroEnabledWorkbook", HttpStatusCode.UnsupportedMediaType, "macro-enabled" },
        { nameof(BadUploads.Encrypted), HttpStatusCode.UnsupportedMediaType, "encrypted" },
        { nameof(BadUploads.ZipBomb), HttpStatusCode.RequestEntityTooLarge, "zip-bomb" },
        { "Truncated", HttpStatusCode.BadRequest, "corrupt" },
        { nameof(BadUploads.PackageRelationshipWithoutTarget), HttpStatusCode.BadRequest, "corrupt" },
        { nameof(BadUploads.WorkbookRowNumberOverflow), HttpStatusCode.BadRequest, "unreadable-workbook" },
        { nameof(BadUploads.WorkbookBlankSheetRelationshipType), HttpStatusCode.BadRequest, "corrupt" },
    };

    [Theory]
    [MemberData(nameof(BadWorkbooks))]
    public async Task Bad_workbook_upload_is_refused_with_its_code(string upload, HttpStatusCode status, string code)
    {
        var staff = await factory.StaffAsync();
        var bytes = upload switch
        {
            "WordDocument" => TestAssets.Read(TestForms.CompleteValid),
            "MacroEnabledWorkbook" => BadUploads.ReplaceEntry(TestAssets.Read(TestWorkbooks.Template), "[Content_Types].xml",
                x => x.Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal)),
            "Truncated" => BadUploads.Truncated(TestAssets.Read(TestWorkbooks.Template), 2000),
            nameof(BadUploads.PackageRelationshipWithoutTarget) => BadUploads.PackageRelationshipWithoutTarget(TestAssets.Read(TestWorkbooks.Template)),
            nameof(BadUploads.WorkbookRowNumberOverflow) => BadUploads.WorkbookRowNumberOverflow(TestAssets.Read(TestWorkbooks.Template)),
            nameof(BadUploads.WorkbookBlankSheetRelationshipType) => BadUploads.WorkbookBlankSheetRelationshipType(TestAssets.Read(TestWorkbooks.Template)),
            _ => (byte[])typeof(BadUploads).GetProperty(upload)!.GetValue(null)!,
        };

        var response = await staff.PostRawAsync("/api/demands/import?roundId=2020-01", bytes, Xlsx);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(TestWorkbooks.Template)]
    [InlineData(TestWorkbooks.ReSavedByCalc)]
    public async Task No_well_formed_but_mutated_workbook_ever_answers_500(string workbook)
    {
        var staff = await factory.StaffAsync();
        var mutator = new PackageMutator(TestAssets.Read(workbook), seed: 20201228);
        for (var i = 0; i < 400; i++)
        {
            var response = await staff.PostRawAsync("/api/demands/import?roundId=2020-01&dryRun=true", mutator.Next(), Xlsx);

            Assert.True((int)response.StatusCode < 500, $"mutant {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Sheet_of_a_million_rows_is_refused_quickly_with_a_clear_code()
    {
        var staff = await factory.StaffAsync();
        using var huge = new MemoryStream();
        DemandWorkbooks.WriteHugeSheet(huge, 1_048_576);

        var response = await staff.PostRawAsync("/api/demands/import?roundId=2020-01", huge.ToArray(), Xlsx);

        Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Contains((await response.JsonAsync()).GetProperty("code").GetString(), new[] { "too-many-rows", "zip-bomb", "too-large" });
    }

    [Fact]
    public async Task Reimport_updates_demands_by_id_and_audits_the_review_status_change()
    {
        var staff = await factory.StaffAsync();
        var batch = DemandSamples.FirstBatch;
        var changed = batch[0] with { ReviewStatus = Demand.Rejected, Title = batch[0].Title + "（修订）" };

        var response = await staff.PostRawAsync("/api/demands/import?roundId=2020-01", DemandWorkbookTemplate.Build(DemandSamples.FirstRound, [changed, .. batch.Skip(1)]), Xlsx);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(batch.Count, (await response.JsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(batch.Count, (await staff.GetFromJsonAsync<List<Demand>>("/api/demands?roundId=2020-01", Json))!.Count);
        var stored = await (await staff.GetAsync($"/api/demands/{changed.Id}")).JsonAsync();
        Assert.Equal(changed.Title, stored.GetProperty("title").GetString());
        Assert.Equal(Demand.Rejected, stored.GetProperty("reviewStatus").GetString());
        Assert.Contains(await AuditAsync(changed.Id), a => a.Action == "demand.review-status" && (a.DetailJson ?? "").Contains(Demand.Rejected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Id_of_another_round_is_an_error_on_its_cell_and_nothing_is_stored()
    {
        var staff = await factory.StaffAsync();
        var demoRound = (await staff.GetFromJsonAsync<Round>("/api/rounds/demo", Json))!;
        var demoId = (await DemoDemandsAsync(staff))[0].Id;
        var batch = DemandSamples.FirstBatch;
        var own = batch[0] with { Id = demoId, RoundId = "demo", Title = "不应保存" };
        var stolen = batch[1] with { RoundId = "demo" };

        var response = await staff.PostRawAsync("/api/demands/import?roundId=demo", DemandWorkbookTemplate.Build(demoRound, [own, stolen]), Xlsx);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var finding = Assert.Single((await response.JsonAsync()).GetProperty("findings").EnumerateArray());
        Assert.Equal("id-in-other-round", finding.GetProperty("code").GetString());
        Assert.Equal("A3", finding.GetProperty("cell").GetString());
        Assert.Equal(3, finding.GetProperty("row").GetInt32());
        Assert.Equal(batch[1].Id, finding.GetProperty("demandId").GetString());
        Assert.NotEqual("不应保存", (await (await staff.GetAsync($"/api/demands/{demoId}")).JsonAsync()).GetProperty("title").GetString());
        Assert.Equal("2020-01", (await (await staff.GetAsync($"/api/demands/{batch[1].Id}")).JsonAsync()).GetProperty("roundId").GetString());
    }

    [Fact]
    public async Task A_check_after_an_import_reads_the_imported_demand_not_a_cached_one()
    {
        var staff = await factory.StaffAsync();
        var demoRound = (await staff.GetFromJsonAsync<Round>("/api/rounds/demo", Json))!;
        var demo = await DemoDemandsAsync(staff);
        var target = demo[4];
        var form = await staff.GetByteArrayAsync($"/api/templates/application?demandId={target.Id}");
        static async Task<bool> TitleChanged(HttpResponseMessage r) => (await r.JsonAsync()).GetProperty("findings").EnumerateArray()
            .Any(f => f.GetProperty("code").GetString() == "locked-field-changed" && f.GetProperty("field").GetString() == "demand.title");
        Assert.False(await TitleChanged(await staff.PostRawAsync("/api/applications/check", form)));

        var renamed = demo.Select(d => d.Id == target.Id ? d with { Title = d.Title + "（更名）" } : d).ToList();
        var import = await staff.PostRawAsync("/api/demands/import?roundId=demo", DemandWorkbookTemplate.Build(demoRound, renamed), Xlsx);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        Assert.True(await TitleChanged(await staff.PostRawAsync("/api/applications/check", form)));
    }

    [Fact]
    public async Task Staff_set_one_review_status_and_it_is_audited()
    {
        var staff = await factory.StaffAsync();
        var demand = (await DemoDemandsAsync(staff))[2];
        var next = demand.ReviewStatus == Demand.Pending ? Demand.Approved : Demand.Pending;

        var response = await staff.PatchAsJsonAsync($"/api/demands/{demand.Id}", new { reviewStatus = next });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(next, (await response.JsonAsync()).GetProperty("reviewStatus").GetString());
        Assert.Equal(next, (await (await staff.GetAsync($"/api/demands/{demand.Id}")).JsonAsync()).GetProperty("reviewStatus").GetString());
        Assert.Contains(await AuditAsync(demand.Id), a => a.Action == "demand.review-status" && a.Role == "staff");
    }

    [Fact]
    public async Task Review_status_change_is_refused_to_applicants_and_checked_for_staff()
    {
        var staff = await factory.StaffAsync();
        var applicant = await factory.ApplicantAsync();
        var id = (await DemoDemandsAsync(staff))[3].Id;

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PatchAsJsonAsync($"/api/demands/{id}", new { reviewStatus = Demand.Approved })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PatchAsJsonAsync($"/api/demands/{id}", new { reviewStatus = Demand.Approved })).StatusCode);
        var invalid = await staff.PatchAsJsonAsync($"/api/demands/{id}", new { reviewStatus = "同意" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("not-in-list", (await invalid.JsonAsync()).GetProperty("code").GetString());
        var unknown = await staff.PatchAsJsonAsync("/api/demands/NO-SUCH-ID", new { reviewStatus = Demand.Approved });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknown-demand", (await unknown.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Import_into_an_unknown_round_is_404()
    {
        var staff = await factory.StaffAsync();

        var response = await staff.PostRawAsync("/api/demands/import?roundId=1999-01", TestAssets.Read(TestWorkbooks.Template), Xlsx);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown-round", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<List<Demand>> DemoDemandsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<Demand>>("/api/demands?roundId=demo", Json))!;

    private async Task<List<AuditEntry>> AuditAsync(string demandId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == demandId).ToListAsync();
    }
}
