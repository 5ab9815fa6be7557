using System.Globalization;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Documents.DemandList;

/// <summary>
/// The demand list workbook of demand-list.md: sheet 榜单 with the table <c>Demands</c>, drop-downs fed from the
/// hidden sheet <c>Lists</c>, and the markers (templateVersion, roundId) as defined names and a custom XML part.
/// The same round and demands always give the same bytes.
/// </summary>
public static class DemandWorkbookTemplate
{
    public const string TemplateVersionName = "_StrongChain_templateVersion";
    public const string RoundIdName = "_StrongChain_roundId";

    /// <summary>Prefix of the defined names the drop-downs read (<c>StrongChain_List_sector</c> = <c>Lists!$A$1:$A$2</c>).</summary>
    public const string ListNamePrefix = "StrongChain_List_";

    /// <summary>Drop-downs cover this many rows below the header: as many as one import reads.</summary>
    public const int ValidatedRows = DemandColumns.MaxRows;

    private const uint HeaderStyle = 1;
    private const uint WrapStyle = 2;
    private const uint PlainStyle = 3;
    private const uint TextStyle = 4;
    private const uint IntegerStyle = 5;

    // Zip entries carry a time; a fixed one keeps the output byte-for-byte repeatable.

    public static byte[] Build(Round round, IReadOnlyList<Demand> demands)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var strings = new SharedStrings();
            // An explicit id: the default one is random and would make every build differ.
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            AddStyles(workbookPart);

            var listColumns = DemandColumns.All.Where(c => c.Kind == DemandColumnKind.List).ToList();
            var demandSheet = workbookPart.AddNewPart<WorksheetPart>("rId1");
            WriteDemandSheet(demandSheet, round, demands, listColumns, strings);
            var listsSheet = workbookPart.AddNewPart<WorksheetPart>("rId2");
            WriteListsSheet(listsSheet, round, listColumns, strings);

            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>("rId4");
            stringsPart.SharedStringTable = strings.ToTable();

            var markers = workbookPart.AddCustomXmlPart(CustomXmlPartType.CustomXml, "rId5");
            using (var stream = markers.GetStream(FileMode.Create))
            {
                var ns = XNamespace.Get(DemandColumns.MarkerNamespace);
                var xml = new XDocument(new XDeclaration("1.0", "utf-8", "yes"), new XElement(ns + "demandList",
                    new XElement(ns + "templateVersion", DemandColumns.TemplateVersion),
                    new XElement(ns + "roundId", round.Id)));
                using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                xml.Save(writer, SaveOptions.DisableFormatting);
            }

            var definedNames = new DefinedNames(
                new DefinedName(Quote(DemandColumns.TemplateVersion)) { Name = TemplateVersionName, Hidden = true },
                new DefinedName(Quote(round.Id)) { Name = RoundIdName, Hidden = true });
            for (var i = 0; i < listColumns.Count; i++)
            {
                var count = Math.Max(1, DemandColumns.OptionsFor(listColumns[i], round).Count);
                var letter = CellAddress.Of(i + 1, 0);
                definedNames.Append(new DefinedName($"{DemandColumns.ListsSheetName}!${letter}$1:${letter}${count}") { Name = ListNamePrefix + listColumns[i].Key });
            }

            workbookPart.Workbook = new Workbook(
                new BookViews(new WorkbookView { ActiveTab = 0 }),
                new Sheets(
                    new Sheet { Name = DemandColumns.SheetName, SheetId = 1, Id = "rId1" },
                    new Sheet { Name = DemandColumns.ListsSheetName, SheetId = 2, Id = "rId2", State = SheetStateValues.Hidden }),
                definedNames);
        }

        return DeterministicPackage.Normalize(buffer.ToArray());
    }

    /// <summary>The text a column shows for a demand (deadline months are written as a number).</summary>
    public static string? ValueOf(Demand demand, string key) => key switch
    {
        DemandColumns.Id => demand.Id,
        DemandColumns.Sector => demand.Sector,
        DemandColumns.SubField => demand.SubField,
        DemandColumns.Title => demand.Title,
        DemandColumns.Issuer => demand.Issuer,
        DemandColumns.IssuerCreditCode => demand.IssuerCreditCode,
        DemandColumns.CoIssuers => demand.CoIssuers,
        DemandColumns.Summary => demand.Summary,
        DemandColumns.Indicators => demand.Indicators,
        DemandColumns.DeadlineMonths => demand.DeadlineMonths?.ToString(CultureInfo.InvariantCulture),
        DemandColumns.Procurement => demand.Procurement,
        DemandColumns.CommittedVolume => demand.CommittedVolume,
        DemandColumns.ContactName => demand.ContactName,
        DemandColumns.ContactPhone => demand.ContactPhone,
        DemandColumns.ReviewStatus => demand.ReviewStatus,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a demand list column."),
    };

    private static void WriteDemandSheet(WorksheetPart part, Round round, IReadOnlyList<Demand> demands, List<DemandColumn> listColumns, SharedStrings strings)
    {
        var columns = DemandColumns.All;
        var lastColumn = CellAddress.Of(columns.Count, 0);
        var lastRow = 1 + Math.Max(1, demands.Count);
        var range = $"A1:{lastColumn}{lastRow}";

        var sheetData = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < columns.Count; c++)
        {
            header.Append(new Cell { CellReference = CellAddress.Of(c + 1, 1), DataType = CellValues.SharedString, StyleIndex = HeaderStyle, CellValue = new CellValue(strings.Index(columns[c].Header)) });
        }

        sheetData.Append(header);
        for (var r = 0; r < Math.Max(1, demands.Count); r++)
        {
            var rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = new Cell { CellReference = CellAddress.Of(c + 1, (int)rowIndex), StyleIndex = StyleOf(columns[c]) };
                var value = r < demands.Count ? ValueOf(demands[r], columns[c].Key) : null;
                if (value is not null && columns[c].Kind == DemandColumnKind.Int)
                {
                    cell.CellValue = new CellValue(value);
                }
                else if (value is not null)
                {
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue(strings.Index(value));
                }

                row.Append(cell);
            }

            sheetData.Append(row);
        }

        var cols = new Columns();
        for (var c = 0; c < columns.Count; c++)
        {
            cols.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = columns[c].Width, CustomWidth = true, Style = StyleOf(columns[c]) });
        }

        var validations = new DataValidations();
        foreach (var list in listColumns)
        {
            var letter = CellAddress.Of(DemandColumns.IndexOf(list.Key) + 1, 0);
            var options = string.Join("、", DemandColumns.OptionsFor(list, round));
            validations.Append(new DataValidation(new Formula1(ListNamePrefix + list.Key))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowInputMessage = true,
                ShowErrorMessage = true,
                PromptTitle = list.Header,
                Prompt = "请从下拉列表中选择",
                ErrorTitle = list.Header,
                Error = $"请从下拉列表中选择：{options}",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{ValidatedRows + 1}" },
            });
        }

        validations.Count = (uint)listColumns.Count;

        part.Worksheet = new Worksheet(
            new SheetDimension { Reference = range },
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { TabSelected = true, WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            cols,
            sheetData,
            validations,
            new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 },
            new TableParts(new TablePart { Id = "rId1" }) { Count = 1 });

        var tablePart = part.AddNewPart<TableDefinitionPart>("rId1");
        var tableColumns = new TableColumns { Count = (uint)columns.Count };
        for (var c = 0; c < columns.Count; c++)
        {
            tableColumns.Append(new TableColumn { Id = (uint)(c + 1), Name = columns[c].Header });
        }

        tablePart.Table = new Table(
            new AutoFilter { Reference = range },
            tableColumns,
            new TableStyleInfo { Name = "TableStyleMedium2", ShowFirstColumn = false, ShowLastColumn = false, ShowRowStripes = true, ShowColumnStripes = false })
        {
            Id = 1,
            Name = DemandColumns.TableName,
            DisplayName = DemandColumns.TableName,
            Reference = range,
            TotalsRowShown = false,
        };
    }

    private static void WriteListsSheet(WorksheetPart part, Round round, List<DemandColumn> listColumns, SharedStrings strings)
    {
        var lists = listColumns.Select(c => DemandColumns.OptionsFor(c, round)).ToList();
        var rows = Math.Max(1, lists.Max(l => l.Count));
        var sheetData = new SheetData();
        for (var r = 0; r < rows; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < lists.Count; c++)
            {
                if (r < lists[c].Count)
                {
                    row.Append(new Cell { CellReference = CellAddress.Of(c + 1, r + 1), DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(lists[c][r])) });
                }
            }

            sheetData.Append(row);
        }

        part.Worksheet = new Worksheet(
            new SheetDimension { Reference = $"A1:{CellAddress.Of(Math.Max(1, lists.Count), 0)}{rows}" },
            sheetData,
            new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
    }

    private static uint StyleOf(DemandColumn column) =>
        column.Wrap ? WrapStyle
        : column.TextFormat ? TextStyle
        : column.Kind == DemandColumnKind.Int ? IntegerStyle
        : PlainStyle;

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rId3");
        static Font Font(bool bold)
        {
            var font = new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 });
            if (bold)
            {
                font.PrependChild(new Bold());
            }

            return font;
        }

        var top = new Alignment { Vertical = VerticalAlignmentValues.Top };
        stylesPart.Stylesheet = new Stylesheet(
            new Fonts(Font(false), Font(true)) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true },
                new CellFormat((Alignment)top.CloneNode(true)) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true },
                new CellFormat((Alignment)top.CloneNode(true)) { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true },
                new CellFormat((Alignment)top.CloneNode(true)) { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true })
            { Count = 6 },
            new CellStyles(new CellStyle { Name = "常规", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The shared string table in first-use order.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];

        public string Index(string text)
        {
            if (!_index.TryGetValue(text, out var at))
            {
                at = _items.Count;
                _index[text] = at;
                _items.Add(text);
            }

            return at.ToString(CultureInfo.InvariantCulture);
        }

        public SharedStringTable ToTable() => new(_items.Select(s => new SharedStringItem(new Text(s) { Space = s.Trim() == s ? null : SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)_items.Count,
            UniqueCount = (uint)_items.Count,
        };
    }
}
