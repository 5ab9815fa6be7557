using System.IO.Compression;
using System.Security;
using System.Text;
using StrongChain.Docs.Documents.DemandList;
using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Testing;

/// <summary>Typed names of the demand list workbooks under Assets (regenerate with tests/StrongChain.Docs.WorkbookMaker).</summary>
public static class TestWorkbooks
{
    public const string Template = "Workbooks/template-first-batch.xlsx";
    public const string InlineStrings = "Workbooks/inline-strings.xlsx";
    public const string NumbersAsText = "Workbooks/numbers-as-text.xlsx";
    public const string DatesAsSerials = "Workbooks/dates-as-serials.xlsx";
    public const string BlankRowsAndSpaces = "Workbooks/blank-rows-and-spaces.xlsx";
    public const string ColumnsReordered = "Workbooks/columns-reordered.xlsx";
    public const string ExtraColumn = "Workbooks/extra-column.xlsx";
    public const string TableMovedAndRenamed = "Workbooks/table-moved-and-renamed.xlsx";
    public const string NoTableStreamed = "Workbooks/no-table-streamed.xlsx";
    public const string CellProblems = "Workbooks/cell-problems.xlsx";

    /// <summary>The template with the first batch, opened and saved again by LibreOffice Calc (made by the WorkbookMaker with soffice).</summary>
    public const string ReSavedByCalc = "Workbooks/resaved-by-calc.xlsx";
}

/// <summary>
/// Workbooks as people and tools really write them, each built from the first batch (<see cref="DemandSamples"/>) by
/// hand-written package XML, so the reader meets exactly the shape under test.
/// </summary>
public static class DemandWorkbooks
{
    public const string DateSubField = "2021-06-30";

    public static Round Round => DemandSamples.FirstRound;

    public static IReadOnlyList<Demand> Demands => DemandSamples.FirstBatch;

    /// <summary>Every generated fixture by its asset name (the Calc one is made from <see cref="Template"/> by soffice).</summary>
    public static IReadOnlyDictionary<string, Func<byte[]>> All { get; } = new Dictionary<string, Func<byte[]>>
    {
        [TestWorkbooks.Template] = Template,
        [TestWorkbooks.InlineStrings] = InlineStrings,
        [TestWorkbooks.NumbersAsText] = NumbersAsText,
        [TestWorkbooks.DatesAsSerials] = DatesAsSerials,
        [TestWorkbooks.BlankRowsAndSpaces] = BlankRowsAndSpaces,
        [TestWorkbooks.ColumnsReordered] = ColumnsReordered,
        [TestWorkbooks.ExtraColumn] = ExtraColumn,
        [TestWorkbooks.TableMovedAndRenamed] = TableMovedAndRenamed,
        [TestWorkbooks.NoTableStreamed] = NoTableStreamed,
        [TestWorkbooks.CellProblems] = CellProblems,
    };

    public static byte[] Template() => DemandWorkbookTemplate.Build(Round, Demands);

    /// <summary>Every text as an inline string (t="inlineStr"), numbers as numbers, a table over the range.</summary>
    public static byte[] InlineStrings()
    {
        var keys = DemandColumns.All.Select(c => c.Key).ToList();
        var sheet = new SheetBuilder();
        sheet.Row(1, keys.Select((k, i) => Inline(Ref(i, 1), DemandColumns.Get(k).Header)));
        for (var r = 0; r < Demands.Count; r++)
        {
            sheet.Row(r + 2, keys.Select((k, i) => TypedCell(Ref(i, r + 2), k, Value(Demands[r], k))));
        }

        return new RawWorkbook(sheet.Xml(withTable: true)) { Table = Table("Demands", $"A1:{Ref(keys.Count - 1, Demands.Count + 1)}", keys) }.Zip();
    }

    /// <summary>
    /// Numbers the way people get them: months typed as text ("12"), as 12.0, from a formula (t="str"); the phone as a
    /// number; a rich-text (runs) shared string and a shared string with phonetic runs; Excel's _x000D_ escape.
    /// </summary>
    public static byte[] NumbersAsText()
    {
        var keys = DemandColumns.All.Select(c => c.Key).ToList();
        var strings = new SharedStringsBuilder();
        var sheet = new SheetBuilder();
        sheet.Row(1, keys.Select((k, i) => strings.Cell(Ref(i, 1), DemandColumns.Get(k).Header)));
        for (var r = 0; r < Demands.Count; r++)
        {
            var demand = Demands[r];
            var row = r + 2;
            sheet.Row(row, keys.Select((k, i) =>
            {
                var at = Ref(i, row);
                var value = Value(demand, k);
                return (k, r % 4) switch
                {
                    (_, _) when value is null => "",
                    (DemandColumns.DeadlineMonths, 0) => strings.Cell(at, value),
                    (DemandColumns.DeadlineMonths, 1) => $"""<c r="{at}"><v>{value}.0</v></c>""",
                    (DemandColumns.DeadlineMonths, 2) => $"""<c r="{at}" t="str"><f>{value}*1</f><v>{value}</v></c>""",
                    (DemandColumns.DeadlineMonths, _) => $"""<c r="{at}"><f>{value}*1</f><v>{value}</v></c>""",
                    (DemandColumns.ContactPhone, _) when !value.Contains('-', StringComparison.Ordinal) => $"""<c r="{at}"><v>{value}</v></c>""",
                    (DemandColumns.Title, 1) => $"""<c r="{at}" t="str"><f>"{Escape(value)}"</f><v>{Escape(value)}</v></c>""",
                    (DemandColumns.Summary, _) => strings.RichCell(at, value),
                    (DemandColumns.Issuer, 2) => strings.PhoneticCell(at, value),
                    (DemandColumns.Indicators, _) => strings.Cell(at, value.Replace("\n", "_x000D_\n", StringComparison.Ordinal)),
                    _ => strings.Cell(at, value),
                };
            }));
        }

        return new RawWorkbook(sheet.Xml(withTable: false)) { SharedStrings = strings.Xml() }.Zip();
    }

    /// <summary>A date in a text column stored as a serial with a date format (built-in 14 and a custom 年月日 format).</summary>
    public static byte[] DatesAsSerials()
    {
        var keys = DemandColumns.All.Select(c => c.Key).ToList();
        var sheet = new SheetBuilder();
        sheet.Row(1, keys.Select((k, i) => Inline(Ref(i, 1), DemandColumns.Get(k).Header)));
        for (var r = 0; r < Demands.Count; r++)
        {
            var row = r + 2;
            sheet.Row(row, keys.Select((k, i) => k == DemandColumns.SubField
                ? $"""<c r="{Ref(i, row)}" s="{1 + (r % 2)}"><v>44377</v></c>"""
                : TypedCell(Ref(i, row), k, Value(Demands[r], k))));
        }

        const string Styles = """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
            """;
        return new RawWorkbook(sheet.Xml(withTable: false)) { Styles = Styles }.Zip();
    }

    /// <summary>A blank row, a row of empty cells, a row of spaces (half- and full-width) inside the data; values padded with spaces.</summary>
    public static byte[] BlankRowsAndSpaces()
    {
        var keys = DemandColumns.All.Select(c => c.Key).ToList();
        var sheet = new SheetBuilder();
        sheet.Row(1, keys.Select((k, i) => Inline(Ref(i, 1), DemandColumns.Get(k).Header)));
        var row = 2;
        for (var r = 0; r < Demands.Count; r++)
        {
            if (r == 3)
            {
                sheet.Row(row++, []);
                sheet.Row(row, keys.Select((k, i) => $"""<c r="{Ref(i, row)}" s="0"/>"""));
                row++;
                sheet.Row(row, keys.Select((k, i) => Inline(Ref(i, row), i % 2 == 0 ? "   " : "\u3000")));
                row++;
            }

            var at = row;
            sheet.Row(at, keys.Select((k, i) =>
            {
                var value = Value(Demands[r], k);
                return value is null
                    ? Inline(Ref(i, at), "  ")
                    : k == DemandColumns.DeadlineMonths ? Inline(Ref(i, at), $" {value} ") : Inline(Ref(i, at), $"  {value}\u3000");
            }));
            row++;
        }

        sheet.Row(row + 5, [Inline(Ref(0, row + 5), " ")]);
        return new RawWorkbook(sheet.Xml(withTable: false)).Zip();
    }

    /// <summary>The columns in another order, one header with half-width brackets (完成时限(月)) and one with a line break.</summary>
    public static byte[] ColumnsReordered()
    {
        var keys = DemandColumns.All.Select(c => c.Key).Reverse().ToList();
        (keys[0], keys[5]) = (keys[5], keys[0]);
        var sheet = new SheetBuilder();
        sheet.Row(1, keys.Select((k, i) => Inline(Ref(i, 1), k switch
        {
            DemandColumns.DeadlineMonths => "完成时限(月)",
            DemandColumns.IssuerCreditCode => "发榜企业\n统一社会信用代码",
            _ => DemandColumns.Get(k).Header,
        })));
        for (var r = 0; r < Demands.Count; r++)
        {
            sheet.Row(r + 2, keys.Select((k, i) => TypedCell(Ref(i, r + 2), k, Value(Demands[r], k))));
        }

        return new RawWorkbook(sheet.Xml(withTable: false)).Zip();
    }

    /// <summary>An extra column 备注 (remarks) in the middle, with notes in some rows.</summary>
    public static byte[] ExtraColumn()
    {
        var keys = DemandColumns.All.Select(c => c.Key).ToList();
        keys.Insert(4, "remarks");
        var sheet = new SheetBuilder();
        sheet.Row(1, keys.Select((k, i) => Inline(Ref(i, 1), k == "remarks" ? "备注" : DemandColumns.Get(k).Header)));
        for (var r = 0; r < Demands.Count; r++)
        {
            sheet.Row(r + 2, keys.Select((k, i) => k == "remarks"
                ? (r % 2 == 0 ? Inline(Ref(i, r + 2), "已电话确认") : "")
                : TypedCell(Ref(i, r + 2), k, Value(Demands[r], k))));
        }

        return new RawWorkbook(sheet.Xml(withTable: true)) { Table = Table("Demands", $"A1:{Ref(keys.Count - 1, Demands.Count + 1)}", keys.Select(k => k == "remarks" ? "备注" : DemandColumns.Get(k).Header)) }.Zip();
    }

    /// <summary>A title and notes above; the table (renamed 表1) starts at C23, below the rows a header scan looks at.</summary>
    public static byte[] TableMovedAndRenamed()
    {
        var keys = DemandColumns.All.Select(c => c.Key).ToList();
        const int HeaderRow = 23;
        const int FirstColumn = 2;
        var sheet = new SheetBuilder();
        sheet.Row(1, [Inline("A1", "中关村强链工程技术需求榜单（首批）")]);
        sheet.Row(2, [Inline("A2", "填表说明：需求编号、产业领域、技术需求名称等为必填项。")]);
        sheet.Row(HeaderRow, keys.Select((k, i) => Inline(Ref(FirstColumn + i, HeaderRow), DemandColumns.Get(k).Header)));
        for (var r = 0; r < Demands.Count; r++)
        {
            var row = HeaderRow + 1 + r;
            sheet.Row(row, keys.Select((k, i) => TypedCell(Ref(FirstColumn + i, row), k, Value(Demands[r], k))));
        }

        var range = $"{Ref(FirstColumn, HeaderRow)}:{Ref(FirstColumn + keys.Count - 1, HeaderRow + Demands.Count)}";
        return new RawWorkbook(sheet.Xml(withTable: true)) { Table = Table("表1", range, keys.Select(k => DemandColumns.Get(k).Header)), SheetName = "Sheet1" }.Zip();
    }

    /// <summary>
    /// What a streaming writer emits: no table, no styles, no shared strings, rows and cells without r attributes
    /// (positions follow from order), a skipped column left out of a row, sheet named Sheet1.
    /// </summary>
    public static byte[] NoTableStreamed()
    {
        var keys = DemandColumns.All.Select(c => c.Key).ToList();
        var xml = new StringBuilder();
        xml.Append("<row>");
        foreach (var key in keys)
        {
            xml.Append($"""<c t="inlineStr"><is><t>{Escape(DemandColumns.Get(key).Header)}</t></is></c>""");
        }

        xml.Append("</row>");
        for (var r = 0; r < Demands.Count; r++)
        {
            xml.Append("<row>");
            var skipped = false;
            for (var i = 0; i < keys.Count; i++)
            {
                var value = Value(Demands[r], keys[i]);
                if (value is null)
                {
                    skipped = true;
                    continue;
                }

                // After a gap the writer must say where it resumes; otherwise cells follow on.
                var at = skipped ? $""" r="{Ref(i, r + 2)}" """ : " ";
                skipped = false;
                xml.Append(keys[i] == DemandColumns.DeadlineMonths
                    ? $"""<c{at}><v>{value}</v></c>"""
                    : $"""<c{at}t="inlineStr"><is><t xml:space="preserve">{Escape(value)}</t></is></c>""");
            }

            xml.Append("</row>");
        }

        var sheet = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{xml}</sheetData></worksheet>""";
        return new RawWorkbook(sheet) { SheetName = "Sheet1", Styles = null }.Zip();
    }

    /// <summary>Row 2 title is #N/A from a VLOOKUP, row 3 issuer a formula never calculated (no cached value), row 4 subField a boolean.</summary>
    public static byte[] CellProblems()
    {
        var keys = DemandColumns.All.Select(c => c.Key).ToList();
        var sheet = new SheetBuilder();
        sheet.Row(1, keys.Select((k, i) => Inline(Ref(i, 1), DemandColumns.Get(k).Header)));
        for (var r = 0; r < 3; r++)
        {
            var row = r + 2;
            sheet.Row(row, keys.Select((k, i) => (k, r) switch
            {
                (DemandColumns.Title, 0) => $"""<c r="{Ref(i, row)}" t="e"><f>VLOOKUP(A2,Sheet2!A:B,2,FALSE)</f><v>#N/A</v></c>""",
                (DemandColumns.Issuer, 1) => $"""<c r="{Ref(i, row)}"><f>Sheet2!B3</f></c>""",
                (DemandColumns.SubField, 2) => $"""<c r="{Ref(i, row)}" t="b"><v>1</v></c>""",
                _ => TypedCell(Ref(i, row), k, Value(Demands[r], k)),
            }));
        }

        return new RawWorkbook(sheet.Xml(withTable: false)).Zip();
    }

    /// <summary>
    /// Streams a workbook whose sheet has <paramref name="rows"/> rows (each a demand id) into <paramref name="output"/>,
    /// row by row into the zip entry, so a 1,048,576-row sheet needs no memory for the XML.
    /// </summary>
    public static void WriteHugeSheet(Stream output, int rows)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        RawWorkbook.WritePackageParts(zip, "榜单", styles: null, sharedStrings: null, hasTable: false);
        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16);
        writer.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">""");
        for (var i = 0; i < 3; i++)
        {
            writer.Write($"""<c r="{Ref(i, 1)}" t="inlineStr"><is><t>{DemandColumns.All[i].Header}</t></is></c>""");
        }

        writer.Write("</row>");
        for (var r = 2; r <= rows; r++)
        {
            writer.Write($"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>QL-{r}</t></is></c></row>""");
        }

        writer.Write("</sheetData></worksheet>");
    }

    /// <summary>The text a column holds for a demand, as the template writes it.</summary>
    public static string? Value(Demand demand, string key) => DemandWorkbookTemplate.ValueOf(demand, key);

    public static string Ref(int zeroBasedColumn, int row) => CellAddress.Of(zeroBasedColumn + 1, row);

    public static string Inline(string at, string text) =>
        $"""<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{Escape(text)}</t></is></c>""";

    /// <summary>Numbers as numbers, text inline, blank as no cell at all.</summary>
    private static string TypedCell(string at, string key, string? value) =>
        value is null ? "" : key == DemandColumns.DeadlineMonths ? $"""<c r="{at}"><v>{value}</v></c>""" : Inline(at, value);

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Table(string name, string range, IEnumerable<string> headers)
    {
        var columns = headers.Select((h, i) => $"""<tableColumn id="{i + 1}" name="{Escape(h)}"/>""").ToList();
        return $"""<?xml version="1.0" encoding="UTF-8"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="{Escape(name)}" displayName="{Escape(name)}" ref="{range}" totalsRowShown="0"><autoFilter ref="{range}"/><tableColumns count="{columns.Count}">{string.Concat(columns)}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>""";
    }

    private static string Table(string name, string range, List<string> keys) => Table(name, range, keys.Select(k => DemandColumns.Get(k).Header));

    /// <summary>Sheet XML built row by row.</summary>
    private sealed class SheetBuilder
    {
        private readonly StringBuilder _rows = new();

        public void Row(int number, IEnumerable<string> cells) => _rows.Append($"""<row r="{number}">{string.Concat(cells)}</row>""");

        public string Xml(bool withTable) =>
            $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>{_rows}</sheetData>{(withTable ? """<tableParts count="1"><tablePart r:id="rIdT1"/></tableParts>""" : "")}</worksheet>""";
    }

    /// <summary>A shared string table in first-use order, with plain, rich-text and phonetic items.</summary>
    private sealed class SharedStringsBuilder
    {
        private readonly List<string> _items = [];

        public string Cell(string at, string text) =>
            Add(at, $"""<si><t xml:space="preserve">{Escape(text)}</t></si>""");

        /// <summary>Split into two runs, the first bold, as Excel saves partly formatted text.</summary>
        public string RichCell(string at, string text)
        {
            var cut = Math.Min(4, text.Length);
            return Add(at, $"""<si><r><rPr><b/><sz val="11"/><rFont val="等线"/></rPr><t>{Escape(text[..cut])}</t></r><r><rPr><sz val="11"/><rFont val="等线"/></rPr><t xml:space="preserve">{Escape(text[cut..])}</t></r></si>""");
        }

        /// <summary>Text with a phonetic (pinyin) run that Excel does not show in the cell.</summary>
        public string PhoneticCell(string at, string text) =>
            Add(at, $"""<si><t>{Escape(text)}</t><rPh sb="0" eb="2"><t>shi li</t></rPh><phoneticPr fontId="0" type="noConversion"/></si>""");

        public string Xml() =>
            $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{_items.Count}" uniqueCount="{_items.Count}">{string.Concat(_items)}</sst>""";

        private string Add(string at, string item)
        {
            _items.Add(item);
            return $"""<c r="{at}" t="s"><v>{_items.Count - 1}</v></c>""";
        }
    }

    /// <summary>A one-sheet package written entry by entry, as small tools and streaming writers do.</summary>
    private sealed record RawWorkbook(string SheetXml)
    {
        public string SheetName { get; init; } = DemandColumns.SheetName;

        public string? SharedStrings { get; init; }

        public string? Styles { get; init; } = """<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>""";

        public string? Table { get; init; }

        public byte[] Zip()
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                WritePackageParts(zip, SheetName, Styles, SharedStrings, Table is not null);
                Entry(zip, "xl/worksheets/sheet1.xml", SheetXml);
                if (Table is not null)
                {
                    Entry(zip, "xl/worksheets/_rels/sheet1.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>""");
                    Entry(zip, "xl/tables/table1.xml", Table);
                }
            }

            return buffer.ToArray();
        }

        /// <summary>Everything but the sheet XML: content types, relationships, workbook, styles and shared strings.</summary>
        public static void WritePackageParts(ZipArchive zip, string sheetName, string? styles, string? sharedStrings, bool hasTable)
        {
            var overrides = new StringBuilder();
            overrides.Append("""<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
            var relationships = new StringBuilder();
            relationships.Append("""<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>""");
            if (styles is not null)
            {
                overrides.Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
                relationships.Append("""<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
            }

            if (sharedStrings is not null)
            {
                overrides.Append("""<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""");
                relationships.Append("""<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""");
            }

            if (hasTable)
            {
                overrides.Append("""<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>""");
            }

            Entry(zip, "[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>""");
            Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Entry(zip, "xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationships}</Relationships>""");
            if (styles is not null)
            {
                Entry(zip, "xl/styles.xml", styles);
            }

            if (sharedStrings is not null)
            {
                Entry(zip, "xl/sharedStrings.xml", sharedStrings);
            }
        }

        private static readonly DateTimeOffset EntryTime = new(2020, 12, 28, 0, 0, 0, TimeSpan.Zero);

        private static void Entry(ZipArchive zip, string name, string text)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            using var stream = entry.Open();
            var bytes = Encoding.UTF8.GetBytes(text);
            stream.Write(bytes);
        }
    }
}
