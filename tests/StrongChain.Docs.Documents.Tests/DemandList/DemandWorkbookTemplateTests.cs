using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using StrongChain.Docs.Documents.DemandList;
using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.DemandList;

public sealed class DemandWorkbookTemplateTests
{
    private static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    private static byte[] WithDemands => DemandWorkbookTemplate.Build(DemandSamples.FirstRound, DemandSamples.FirstBatch);

    private static byte[] Empty => DemandWorkbookTemplate.Build(DemandSamples.FirstRound, []);

    private static WorksheetPart SheetPart(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
    }

    [Fact]
    public void The_template_is_valid_open_xml_with_and_without_demands()
    {
        foreach (var bytes in new[] { WithDemands, Empty })
        {
            using var document = Open(bytes);

            var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

            Assert.Empty(errors);
        }
    }

    [Fact]
    public void The_demands_sheet_holds_the_table_Demands_over_the_header_and_every_demand()
    {
        using var document = Open(WithDemands);
        var part = SheetPart(document, DemandColumns.SheetName);

        var table = Assert.Single(part.TableDefinitionParts).Table;

        Assert.Equal(("Demands", "Demands", "A1:O11"), (table.Name!.Value, table.DisplayName!.Value, table.Reference!.Value));
        Assert.Equal("A1:O11", table.AutoFilter!.Reference!.Value);
        Assert.Equal(DemandColumns.All.Select(c => c.Header), table.TableColumns!.Elements<TableColumn>().Select(c => c.Name!.Value));
        Assert.Equal(DemandColumns.All.Select(c => c.Header), HeaderTexts(document, part));
        Assert.Equal(1 + DemandSamples.FirstBatch.Count, part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Count());
    }

    [Fact]
    public void An_empty_template_has_one_empty_data_row_inside_the_table()
    {
        using var document = Open(Empty);
        var part = SheetPart(document, DemandColumns.SheetName);

        Assert.Equal("A1:O2", part.TableDefinitionParts.Single().Table.Reference!.Value);
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows[1].Elements<Cell>(), c => Assert.Null(c.CellValue));
    }

    [Fact]
    public void The_header_row_is_frozen()
    {
        using var document = Open(WithDemands);

        var pane = SheetPart(document, DemandColumns.SheetName).Worksheet.Descendants<Pane>().Single();

        Assert.Equal((PaneStateValues.Frozen, 1d, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
    }

    [Fact]
    public void Columns_have_the_catalogue_widths_and_long_ones_wrap()
    {
        using var document = Open(WithDemands);
        var columns = SheetPart(document, DemandColumns.SheetName).Worksheet.Descendants<Column>().ToList();
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();

        Assert.Equal(DemandColumns.All.Select(c => c.Width), columns.Select(c => c.Width!.Value));
        Assert.Equal(
            DemandColumns.All.Select(c => c.Wrap),
            columns.Select(c => formats[(int)c.Style!.Value].Alignment?.WrapText?.Value ?? false));
    }

    [Fact]
    public void Codes_and_phone_numbers_are_formatted_as_text_so_excel_keeps_their_digits()
    {
        using var document = Open(WithDemands);
        var columns = SheetPart(document, DemandColumns.SheetName).Worksheet.Descendants<Column>().ToList();
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();

        foreach (var key in new[] { DemandColumns.IssuerCreditCode, DemandColumns.ContactPhone })
        {
            Assert.Equal(49u, formats[(int)columns[DemandColumns.IndexOf(key)].Style!.Value].NumberFormatId!.Value);
        }
    }

    [Fact]
    public void The_list_columns_have_drop_downs_fed_by_named_ranges_on_the_hidden_Lists_sheet()
    {
        using var document = Open(WithDemands);
        var workbook = document.WorkbookPart!.Workbook;
        var validations = SheetPart(document, DemandColumns.SheetName).Worksheet.Descendants<DataValidation>().ToList();
        var names = workbook.DefinedNames!.Elements<DefinedName>().ToDictionary(n => n.Name!.Value!, n => n.Text);

        Assert.Equal(2, validations.Count);
        Assert.All(validations, v => Assert.Equal(DataValidationValues.List, v.Type!.Value));
        var sector = validations.Single(v => v.SequenceOfReferences!.InnerText!.StartsWith('B'));
        var status = validations.Single(v => v.SequenceOfReferences!.InnerText!.StartsWith('O'));
        Assert.Equal("B2:B10001", sector.SequenceOfReferences!.InnerText);
        Assert.Equal("Lists!$A$1:$A$2", names[sector.Formula1!.Text]);
        Assert.Equal("Lists!$B$1:$B$3", names[status.Formula1!.Text]);

        var lists = workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == DemandColumns.ListsSheetName);
        Assert.Equal(SheetStateValues.Hidden, lists.State!.Value);
        Assert.Equal(["新一代信息技术", "生物医药"], ColumnTexts(document, SheetPart(document, DemandColumns.ListsSheetName), "A"));
        Assert.Equal(["待论证", "通过", "未通过"], ColumnTexts(document, SheetPart(document, DemandColumns.ListsSheetName), "B"));
    }

    [Fact]
    public void The_markers_are_defined_names_and_a_custom_xml_part()
    {
        using var document = Open(WithDemands);
        var names = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().ToDictionary(n => n.Name!.Value!, n => n.Text);

        Assert.Equal("\"1.0\"", names[DemandWorkbookTemplate.TemplateVersionName]);
        Assert.Equal("\"2020-01\"", names[DemandWorkbookTemplate.RoundIdName]);

        var part = Assert.Single(document.WorkbookPart.CustomXmlParts);
        using var reader = new StreamReader(part.GetStream());
        var xml = System.Xml.Linq.XDocument.Parse(reader.ReadToEnd()).Root!;
        System.Xml.Linq.XNamespace ns = DemandColumns.MarkerNamespace;
        Assert.Equal(ns + "demandList", xml.Name);
        Assert.Equal(("1.0", "2020-01"), (xml.Element(ns + "templateVersion")!.Value, xml.Element(ns + "roundId")!.Value));
    }

    [Fact]
    public void Text_goes_to_shared_strings_and_months_are_numbers()
    {
        using var document = Open(WithDemands);
        var cells = SheetPart(document, DemandColumns.SheetName).Worksheet.Descendants<Cell>().Where(c => c.CellValue is not null).ToList();
        var monthsColumn = CellAddress.Of(DemandColumns.IndexOf(DemandColumns.DeadlineMonths) + 1, 0);

        Assert.All(cells.Where(c => !c.CellReference!.Value!.StartsWith(monthsColumn, StringComparison.Ordinal) || c.CellReference.Value == monthsColumn + "1"),
            c => Assert.Equal(CellValues.SharedString, c.DataType!.Value));
        Assert.All(cells.Where(c => c.CellReference!.Value!.StartsWith(monthsColumn, StringComparison.Ordinal) && c.CellReference.Value != monthsColumn + "1"),
            c => Assert.Null(c.DataType));
        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<InlineString>()));
    }

    [Fact]
    public void The_same_round_and_demands_give_the_same_bytes()
    {
        var first = WithDemands;
        Thread.Sleep(1100);

        Assert.Equal(first, WithDemands);
    }

    [Fact]
    public void The_committed_template_asset_matches_what_the_builder_makes_now()
    {
        Assert.Equal(DemandWorkbookReaderTests.Entries(TestAssets.Read(TestWorkbooks.Template)), DemandWorkbookReaderTests.Entries(DemandWorkbooks.Template()));
    }

    private static List<string> HeaderTexts(SpreadsheetDocument document, WorksheetPart part)
    {
        var strings = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        return [.. part.Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)])];
    }

    private static List<string> ColumnTexts(SpreadsheetDocument document, WorksheetPart part, string column)
    {
        var strings = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        return [.. part.Worksheet.Descendants<Cell>()
            .Where(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal))
            .Select(c => strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)])];
    }
}
