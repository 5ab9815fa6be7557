using System.IO.Compression;
using System.Text;
using StrongChain.Docs.Documents.DemandList;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.DemandList;

public sealed class DemandWorkbookReaderTests
{
    private static readonly Round Round = DemandSamples.FirstRound;
    private static readonly IReadOnlyList<Demand> FirstBatch = DemandSamples.FirstBatch;

    /// <summary>Room for the generated million-row sheet, which compresses far better than the upload limits allow.</summary>
    private static readonly PackageLimits Huge = new(MaxInflatedBytes: 1L << 30, MaxRatio: 100_000);

    private static DemandSheet Read(byte[] bytes) => DemandWorkbookReader.Read(bytes, PackageLimits.Default);

    private static DemandImport Import(byte[] bytes) => DemandRules.Check(Read(bytes), Round);

    private static DemandImport ImportAsset(string name) => Import(TestAssets.Read(name));

    [Fact]
    public void The_template_with_the_first_batch_reads_back_to_the_same_demands_without_findings()
    {
        var bytes = DemandWorkbookTemplate.Build(Round, FirstBatch);

        var sheet = Read(bytes);
        var result = DemandRules.Check(sheet, Round);

        Assert.Empty(result.Findings);
        Assert.Equal(FirstBatch, result.Demands);
        Assert.Equal((DemandColumns.SheetName, 1, "1.0", "2020-01"), (sheet.SheetName, sheet.HeaderRowNumber, sheet.TemplateVersion, sheet.RoundId));
        Assert.Equal("D2", sheet.Rows[0].AddressOf(DemandColumns.Title));
    }

    [Fact]
    public void An_empty_template_reads_as_no_demands_and_no_findings()
    {
        var result = Import(DemandWorkbookTemplate.Build(Round, []));

        Assert.Empty(result.Findings);
        Assert.Empty(result.Demands);
    }

    [Fact]
    public void A_workbook_re_saved_by_libreoffice_calc_reads_back_to_the_same_demands()
    {
        var sheet = Read(TestAssets.Read(TestWorkbooks.ReSavedByCalc));
        var result = DemandRules.Check(sheet, Round);

        Assert.Empty(result.Findings);
        Assert.Equal(FirstBatch, result.Demands);
        // Calc drops custom XML parts but keeps defined names: the markers survive through the names.
        Assert.Equal(("1.0", "2020-01"), (sheet.TemplateVersion, sheet.RoundId));
    }

    [Theory]
    [InlineData(TestWorkbooks.Template)]
    [InlineData(TestWorkbooks.InlineStrings)]
    [InlineData(TestWorkbooks.NumbersAsText)]
    [InlineData(TestWorkbooks.BlankRowsAndSpaces)]
    [InlineData(TestWorkbooks.ColumnsReordered)]
    [InlineData(TestWorkbooks.TableMovedAndRenamed)]
    [InlineData(TestWorkbooks.NoTableStreamed)]
    public void Workbooks_as_people_save_them_read_back_to_the_same_demands(string asset)
    {
        var result = ImportAsset(asset);

        Assert.Empty(result.Findings);
        Assert.Equal(FirstBatch, result.Demands);
    }

    [Fact]
    public void The_committed_fixtures_match_what_the_maker_generates_now()
    {
        // Compare the inflated entries: the deflate bytes may change with the runtime's zlib.
        Assert.All(DemandWorkbooks.All, pair => Assert.Equal(Entries(TestAssets.Read(pair.Key)), Entries(pair.Value())));
    }

    internal static List<(string Name, string Text)> Entries(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return (e.FullName, reader.ReadToEnd());
        })];
    }

    [Fact]
    public void Numbers_stored_as_text_as_decimals_and_as_formula_results_read_as_integers()
    {
        var sheet = Read(TestAssets.Read(TestWorkbooks.NumbersAsText));

        Assert.Equal(FirstBatch.Select(d => d.DeadlineMonths!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), sheet.Rows.Select(r => r[DemandColumns.DeadlineMonths]));
        Assert.Equal("13800138000", sheet.Rows[0][DemandColumns.ContactPhone]);
    }

    [Fact]
    public void Rich_text_phonetic_runs_and_escaped_line_breaks_read_as_the_cell_shows_them()
    {
        var sheet = Read(TestAssets.Read(TestWorkbooks.NumbersAsText));

        Assert.Equal(FirstBatch[0].Summary, sheet.Rows[0][DemandColumns.Summary]);
        Assert.Equal(FirstBatch[2].Issuer, sheet.Rows[2][DemandColumns.Issuer]);
        Assert.Equal(FirstBatch[0].Indicators, sheet.Rows[0][DemandColumns.Indicators]);
        Assert.Contains('\n', sheet.Rows[0][DemandColumns.Indicators]!);
    }

    [Fact]
    public void Date_serials_with_a_date_format_read_as_iso_dates()
    {
        var result = ImportAsset(TestWorkbooks.DatesAsSerials);

        Assert.Empty(result.Findings);
        Assert.Equal(FirstBatch.Select(d => d with { SubField = DemandWorkbooks.DateSubField }), result.Demands);
    }

    [Fact]
    public void Blank_rows_and_rows_of_spaces_are_skipped_and_rows_keep_their_excel_numbers()
    {
        var sheet = Read(TestAssets.Read(TestWorkbooks.BlankRowsAndSpaces));

        Assert.Equal([2, 3, 4, 8, 9, 10, 11, 12, 13, 14], sheet.Rows.Select(r => r.RowNumber));
        Assert.Equal("A8", sheet.Rows[3].AddressOf(DemandColumns.Id));
    }

    [Fact]
    public void Reordered_columns_are_bound_by_header_and_findings_point_at_their_real_cells()
    {
        var sheet = Read(TestAssets.Read(TestWorkbooks.ColumnsReordered));

        Assert.Equal("J1", sheet.HeaderCells[DemandColumns.IssuerCreditCode]);
        Assert.Equal("F1", sheet.HeaderCells[DemandColumns.ReviewStatus]);
        Assert.Equal("O2", sheet.Rows[0].AddressOf(DemandColumns.Id));
    }

    [Fact]
    public void An_extra_column_is_one_warning_at_its_header_and_does_not_block()
    {
        var result = ImportAsset(TestWorkbooks.ExtraColumn);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("E1", 1, DemandFindingCodes.UnknownColumn, Severity.Warning), (finding.Cell, finding.Row, finding.Code, finding.Severity));
        Assert.False(result.HasErrors);
        Assert.Equal(FirstBatch, result.Demands);
    }

    [Fact]
    public void A_table_moved_below_the_scanned_rows_and_renamed_is_found_through_its_definition()
    {
        var sheet = Read(TestAssets.Read(TestWorkbooks.TableMovedAndRenamed));

        Assert.Equal((23, "Sheet1", "C23", "F24"), (sheet.HeaderRowNumber, sheet.SheetName, sheet.HeaderCells[DemandColumns.Id], sheet.Rows[0].AddressOf(DemandColumns.Title)));
    }

    [Fact]
    public void Rows_and_cells_without_r_attributes_are_placed_as_excel_places_them()
    {
        var sheet = Read(TestAssets.Read(TestWorkbooks.NoTableStreamed));

        Assert.Equal(Enumerable.Range(2, FirstBatch.Count), sheet.Rows.Select(r => r.RowNumber));
        Assert.Equal(FirstBatch[0].Title, sheet.Rows[0][DemandColumns.Title]);
        Assert.Equal(FirstBatch[0].Procurement, sheet.Rows[0][DemandColumns.Procurement]);
        Assert.Equal(FirstBatch[1].CommittedVolume, sheet.Rows[1][DemandColumns.CommittedVolume]);
    }

    [Fact]
    public void Error_values_and_formulas_without_a_value_become_findings_at_their_cells()
    {
        var result = ImportAsset(TestWorkbooks.CellProblems);

        Assert.Equal(
            [("D2", 2, DemandFindingCodes.CellError), ("E3", 3, DemandFindingCodes.FormulaWithoutValue)],
            result.Findings.Select(f => (f.Cell!, f.Row, f.Code)));
        Assert.Contains("#N/A", result.Findings[0].Message, StringComparison.Ordinal);
        var demand = Assert.Single(result.Demands);
        Assert.Equal("TRUE", demand.SubField);
    }

    [Fact]
    public void A_sheet_of_a_million_rows_stops_with_too_many_rows_without_reading_them()
    {
        using var buffer = new MemoryStream();
        DemandWorkbooks.WriteHugeSheet(buffer, 1_048_576);
        var bytes = buffer.ToArray();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sheet = DemandWorkbookReader.Read(bytes, Huge);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(sheet.TooManyRows);
        Assert.Empty(sheet.Rows);
        // The guard still inflates and checks every row (as it always did for an upload); the reader stops after the limit.
        // Not a timing test: reading every row into cells and rows allocates several times this.
        Assert.True(allocated < 32L * 1024 * 1024, $"Reading allocated {allocated:N0} bytes.");
        var finding = Assert.Single(DemandRules.Check(sheet, Round).Findings);
        Assert.Equal(DemandFindingCodes.TooManyRows, finding.Code);
    }

    [Fact]
    public void Exactly_the_row_limit_is_read_and_one_more_is_refused()
    {
        Assert.Equal(DemandColumns.MaxRows, ReadHuge(DemandColumns.MaxRows + 1).Rows.Count);
        Assert.True(ReadHuge(DemandColumns.MaxRows + 2).TooManyRows);
    }

    [Fact]
    public void A_sheet_whose_xml_is_broken_is_refused_as_corrupt_not_an_exception()
    {
        var bytes = ReplaceEntry(DemandWorkbookTemplate.Build(Round, FirstBatch), "xl/worksheets/sheet1.xml",
            """<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c""");

        // The part is read in the upload guard's pass, which refuses XML that does not parse (400 corrupt, as the import always answered).
        var rejected = Assert.Throws<DocumentRejectedException>(() => Read(bytes));

        Assert.Equal(("corrupt", 400), (rejected.Code, rejected.Status));
    }

    [Fact]
    public void A_row_number_beyond_what_Excel_writes_is_unreadable_not_an_exception()
    {
        var sheet = Read(BadUploads.WorkbookRowNumberOverflow(DemandWorkbookTemplate.Build(Round, FirstBatch)));

        Assert.Equal(DemandSheetOutcome.Unreadable, sheet.Outcome);
        Assert.Equal(DemandFindingCodes.UnreadableWorkbook, Assert.Single(DemandRules.Check(sheet, Round).Findings).Code);
    }

    [Fact]
    public void A_relationship_without_a_type_is_refused_as_corrupt_as_the_sdk_refused_it()
    {
        var rejected = Assert.Throws<DocumentRejectedException>(() => Read(BadUploads.WorkbookBlankSheetRelationshipType(DemandWorkbookTemplate.Build(Round, FirstBatch))));

        Assert.Equal(("corrupt", 400), (rejected.Code, rejected.Status));
    }

    [Fact]
    public void A_workbook_without_the_headers_reports_every_required_column_missing()
    {
        var bytes = ReplaceEntry(DemandWorkbookTemplate.Build(Round, FirstBatch), "xl/worksheets/sheet1.xml",
            """<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>会议纪要</t></is></c></row></sheetData></worksheet>""");

        var result = Import(bytes);

        Assert.Equal(DemandColumns.All.Count(c => !c.Optional), result.Findings.Count);
        Assert.All(result.Findings, f => Assert.Equal(DemandFindingCodes.MissingColumn, f.Code));
    }

    [Fact]
    public void Template_rules_and_reader_agree_on_a_row_with_errors()
    {
        var broken = FirstBatch.Select((d, i) => i == 2 ? d with { IssuerCreditCode = "91350100M000100Y44", Title = new string('榜', 61) } : d).ToList();

        var result = Import(DemandWorkbookTemplate.Build(Round, broken));

        Assert.Equal(
            [("D4", DemandFindingCodes.TooLong, "QL2020-IT-03"), ("F4", DemandFindingCodes.CreditCodeChecksum, "QL2020-IT-03")],
            result.Findings.Select(f => (f.Cell!, f.Code, f.DemandId!)));
        Assert.True(result.HasErrors);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void Without_a_table_the_header_is_looked_for_in_the_first_20_rows(int headerRow, bool found)
    {
        var header = string.Concat(DemandColumns.All.Select((c, i) => DemandWorkbooks.Inline(DemandWorkbooks.Ref(i, headerRow), c.Header)));
        var bytes = ReplaceEntry(TestAssets.Read(TestWorkbooks.NoTableStreamed), "xl/worksheets/sheet1.xml",
            $"""<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{DemandWorkbooks.Inline("A1", "技术需求榜单")}</row><row r="{headerRow}">{header}</row></sheetData></worksheet>""");

        var sheet = Read(bytes);

        Assert.Equal(found ? headerRow : 0, sheet.HeaderRowNumber);
        Assert.Equal(found ? DemandColumns.All.Count : 0, sheet.HeaderCells.Count);
    }

    [Fact]
    public void A_custom_number_format_without_date_parts_keeps_the_number()
    {
        var styles = """<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="0.00E+00;[Red]&quot;负数&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs></styleSheet>""";

        var sheet = Read(ReplaceEntry(TestAssets.Read(TestWorkbooks.DatesAsSerials), "xl/styles.xml", styles));

        Assert.Equal([DemandWorkbooks.DateSubField, "44377"], sheet.Rows.Take(2).Select(r => r[DemandColumns.SubField]));
    }

    private static DemandSheet ReadHuge(int rows)
    {
        using var buffer = new MemoryStream();
        DemandWorkbooks.WriteHugeSheet(buffer, rows);
        return DemandWorkbookReader.Read(buffer.ToArray(), Huge);
    }

    private static byte[] ReplaceEntry(byte[] package, string name, string text)
    {
        using var output = new MemoryStream();
        using (var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var to = zip.CreateEntry(entry.FullName).Open();
                if (entry.FullName == name)
                {
                    to.Write(Encoding.UTF8.GetBytes(text));
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }
}
