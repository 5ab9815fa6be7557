using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.DemandList;

namespace StrongChain.Docs.Documents.DemandList;

/// <summary>
/// Reads the demand table from a workbook as people really save it: Excel, LibreOffice Calc or a streaming writer;
/// shared, rich or inline strings, numbers typed as text, dates as serials, formulas, sparse rows, columns in any order,
/// the table moved, renamed or missing. The parts are read inside the upload guard's own pass
/// (<see cref="IGuardedPartReader"/>, as <see cref="WordPackage"/> reads a .docx): each part is inflated and parsed once,
/// with a plain <see cref="XmlReader"/>, one row at a time without building elements, and no Open XML SDK package is
/// opened. Reading stops after <see cref="DemandColumns.MaxRows"/> data rows (<see cref="DemandSheetOutcome.TooManyRows"/>).
/// Never throws for what the cells hold: a value no spreadsheet writes gives <see cref="DemandSheetOutcome.Unreadable"/>.
/// </summary>
public static partial class DemandWorkbookReader
{
    /// <summary>Rows searched for the header when no table marks it.</summary>
    public const int HeaderScanRows = 20;

    /// <summary>Catalogue headers a row needs to count as the header row.</summary>
    public const int MinHeaderMatches = 3;

    /// <summary>Row elements read below the header (blank ones included) before giving up: bounds the work on sheets of empty rows.</summary>
    public const int MaxRowElements = 10 * DemandColumns.MaxRows;

    /// <summary>
    /// Guards an uploaded workbook and reads its demand table in the guard's pass. A package that is no safe, readable
    /// .xlsx throws <see cref="DocumentRejectedException"/> (as <see cref="PackageOpener.OpenSpreadsheet"/> does).
    /// </summary>
    public static DemandSheet Read(byte[] bytes, PackageLimits limits)
    {
        var parts = new WorkbookParts();
        OfficePackageGuard.EnsureSafe(bytes, limits, PackageKind.Excel, parts);
        return parts.Assemble(bytes);
    }

    /// <summary>The table of one sheet, or null when none of its first rows (nor a table's header row) holds the headers.</summary>
    private static DemandSheet? ReadSheet(XmlReader xml, IReadOnlyCollection<int> tableHeaderRows, Context context)
    {
        // A table (ListObject) may sit anywhere, even below the rows scanned: its header row is a candidate too.
        var lastCandidate = Math.Max(HeaderScanRows, tableHeaderRows.Count == 0 ? 0 : tableHeaderRows.Max());
        const string sheetName = "";

        Header? header = null;
        var rows = new List<DemandRow>();
        var rowElements = 0;
        var previousRow = 0;
        var cells = new List<SheetCell>(DemandColumns.All.Count);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "sheetData" && IsMain(xml.NamespaceURI))
            {
                break;
            }

            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row" || !IsMain(xml.NamespaceURI))
            {
                continue;
            }

            // Rows without r (or r="0") follow the previous one, as Excel places them.
            var rowNumber = Number(xml.GetAttribute("r")) is { } index and > 0 ? index : previousRow + 1;
            previousRow = rowNumber;

            if (header is null)
            {
                if (rowNumber > lastCandidate)
                {
                    return null;
                }

                ReadCells(xml, rowNumber, context, cells);
                if (rowNumber <= HeaderScanRows || tableHeaderRows.Contains(rowNumber))
                {
                    header = Header.Match(cells, rowNumber);
                }

                continue;
            }

            if (++rowElements > MaxRowElements)
            {
                return DemandSheet.Stopped(DemandSheetOutcome.TooManyRows, sheetName);
            }

            ReadCells(xml, rowNumber, context, cells);
            var values = new Dictionary<string, string?>(header.KeyAt.Count, StringComparer.Ordinal);
            Dictionary<string, CellIssue>? issues = null;
            foreach (var cell in cells)
            {
                if (header.KeyAt.TryGetValue(cell.Column, out var key))
                {
                    values[key] = cell.Value;
                    if (cell.Issue is not null)
                    {
                        (issues ??= new(StringComparer.Ordinal))[key] = cell.Issue;
                    }
                }
            }

            var demandRow = new DemandRow(rowNumber, values, new RowAddresses(header, rowNumber), issues);
            if (demandRow.IsBlank)
            {
                continue;
            }

            if (rows.Count == DemandColumns.MaxRows)
            {
                return DemandSheet.Stopped(DemandSheetOutcome.TooManyRows, sheetName);
            }

            rows.Add(demandRow);
        }

        return header is null
            ? null
            : new DemandSheet(rows, header.Unknown, header.RowNumber, header.HeaderCells, header.Duplicates, sheetName);
    }

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictMainNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    /// <summary>
    /// An unsigned attribute (row number, style index), null when absent; one that is not a number Excel could write makes
    /// the workbook unreadable, as the SDK's typed values did.
    /// </summary>
    private static int? Number(string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UnreadableValueException($"\"{text}\" is not an unsigned number Excel writes.");

    private static bool IsMain(string ns) => ns == MainNamespace || ns == StrictMainNamespace;

    /// <summary>
    /// The cells of the row the reader is on, with their 1-based columns (cells without r follow the previous one);
    /// leaves the reader on the row's end.
    /// </summary>
    private static void ReadCells(XmlReader xml, int rowNumber, Context context, List<SheetCell> cells)
    {
        cells.Clear();
        if (xml.IsEmptyElement)
        {
            return;
        }

        var depth = xml.Depth;
        var previous = 0;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }

            if (xml.LocalName != "c" || !IsMain(xml.NamespaceURI))
            {
                xml.Skip();
                continue;
            }

            var column = xml.GetAttribute("r") is { } reference && CellAddress.Parse(reference) is { } parsed ? parsed.Column : previous + 1;
            previous = column;
            var (value, issue) = ValueOf(ReadCell(xml), context);
            cells.Add(new SheetCell(column, rowNumber, value, issue));
            xml.Read();
        }
    }

    /// <summary>A cell's type, style, value, formula and inline text; leaves the reader on the cell's end (or the empty cell).</summary>
    private static RawCell ReadCell(XmlReader xml)
    {
        var type = xml.GetAttribute("t");
        if (type is not (null or "n" or "s" or "str" or "inlineStr" or "b" or "e" or "d"))
        {
            throw new UnreadableValueException($"Unknown cell type \"{type}\".");
        }

        var style = Number(xml.GetAttribute("s")) ?? 0;
        string? value = null;
        string? formula = null;
        string? inline = null;
        if (xml.IsEmptyElement)
        {
            return new RawCell(type, style, value, formula, inline);
        }

        var depth = xml.Depth;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || !IsMain(xml.NamespaceURI))
            {
                xml.Read();
                continue;
            }

            switch (xml.LocalName)
            {
                case "v":
                    value = xml.ReadElementContentAsString();
                    break;
                case "f":
                    formula = xml.ReadElementContentAsString();
                    break;
                case "is":
                    inline = ReadStringItem(xml);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        return new RawCell(type, style, value, formula, inline);
    }

    /// <summary>
    /// Visible text of a shared or inline string item (<c>si</c>, <c>is</c>): its own <c>t</c>, else the rich-text runs'
    /// <c>t</c>, never the phonetic runs; leaves the reader after the item.
    /// </summary>
    private static string ReadStringItem(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        var depth = xml.Depth;
        string? plain = null;
        StringBuilder? runs = null;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || !IsMain(xml.NamespaceURI))
            {
                xml.Read();
                continue;
            }

            if (xml.LocalName == "t" && xml.Depth == depth + 1)
            {
                var text = xml.ReadElementContentAsString();
                plain ??= text;
            }
            else if (xml.LocalName == "r" && xml.Depth == depth + 1)
            {
                runs ??= new StringBuilder();
                if (xml.IsEmptyElement)
                {
                    xml.Read();
                    continue;
                }

                var runDepth = xml.Depth;
                xml.Read();
                while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == runDepth) && !xml.EOF)
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t" && xml.Depth == runDepth + 1)
                    {
                        runs.Append(xml.ReadElementContentAsString());
                    }
                    else if (xml.NodeType == XmlNodeType.Element)
                    {
                        xml.Skip();
                    }
                    else
                    {
                        xml.Read();
                    }
                }

                xml.Read();
            }
            else
            {
                xml.Skip();
            }
        }

        xml.Read();
        return Unescape(plain ?? runs?.ToString() ?? "");
    }

    /// <summary>The value as Excel shows it to a person (shared/inline text, numbers, dates, booleans), or why there is none.</summary>
    private static (string? Value, CellIssue? Issue) ValueOf(RawCell cell, Context context)
    {
        var type = cell.Type;
        if (type == "inlineStr")
        {
            return (cell.Inline ?? cell.Value, null);
        }

        var raw = cell.Value;
        if (raw is null)
        {
            return cell.Formula is { } formula
                ? (null, new CellIssue(DemandFindingCodes.FormulaWithoutValue, "=" + formula))
                : (null, null);
        }

        if (type == "s")
        {
            return (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at < context.SharedStrings.Count
                ? context.SharedStrings[at]
                : null, null);
        }

        if (type == "str")
        {
            return (Unescape(raw), null);
        }

        if (type == "b")
        {
            return (raw.Trim() is "1" or "true" ? "TRUE" : "FALSE", null);
        }

        if (type == "e")
        {
            return (null, new CellIssue(DemandFindingCodes.CellError, raw));
        }

        if (type == "d")
        {
            return (DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? FormatDate(date) : raw, null);
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return (raw, null);
        }

        var style = cell.Style;
        if (style < context.DateStyles.Count && context.DateStyles[style] && SerialToDate(number, context.Date1904) is { } serialDate)
        {
            return (serialDate, null);
        }

        return (FormatNumber(number), null);
    }

    /// <summary>An integer without decimals (12.0 → "12"), else at most 15 significant digits as Excel shows.</summary>
    private static string FormatNumber(double number) =>
        Math.Abs(number) < 1e15 && number == Math.Floor(number)
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("G15", CultureInfo.InvariantCulture);

    /// <summary>The date of an Excel serial: the 1900 system (with its fictitious 1900-02-29) or the 1904 system.</summary>
    private static string? SerialToDate(double serial, bool date1904)
    {
        if (serial < 0 || serial >= 2_958_466)
        {
            return null;
        }

        if (date1904)
        {
            return FormatDate(new DateTime(1904, 1, 1).AddDays(serial));
        }

        if (serial is >= 60 and < 61)
        {
            return "1900-02-29";
        }

        return FormatDate(new DateTime(1899, 12, serial < 60 ? 31 : 30).AddDays(serial));
    }

    private static string FormatDate(DateTime date)
    {
        // Round to the second: serials carry floating-point noise.
        var rounded = new DateTime((date.Ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, date.Kind);
        return rounded.TimeOfDay == TimeSpan.Zero
            ? rounded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : rounded.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Decodes the _xHHHH_ escapes of ST_Xstring (Excel writes a carriage return as _x000D_) and makes every line
    /// break one \n, as the cell shows it.
    /// </summary>
    private static string Unescape(string text)
    {
        var decoded = text.Contains("_x", StringComparison.Ordinal)
            ? EscapePattern().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;
        return decoded.Contains('\r', StringComparison.Ordinal)
            ? decoded.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : decoded;
    }

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_", RegexOptions.CultureInvariant)]
    private static partial Regex EscapePattern();

    private static bool IsDateFormat(uint id, Dictionary<uint, string> custom)
    {
        if (custom.TryGetValue(id, out var code))
        {
            // Quoted text, escaped characters and [colour]/[$-locale] sections are not date tokens.
            var bare = DateNoisePattern().Replace(code, "").ToLowerInvariant();
            return bare.IndexOfAny(['y', 'd', 'h', 's', 'm']) >= 0 && !bare.Contains("general", StringComparison.Ordinal);
        }

        // Built-in date and time formats, with the East Asian ones (27–36, 50–58).
        return id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);
    }

    [GeneratedRegex("""("[^"]*")|(\\.)|(\[[^\]]*\])""", RegexOptions.CultureInvariant)]
    private static partial Regex DateNoisePattern();

    private static string Unquote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"'
            ? trimmed[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : trimmed;
    }

    private sealed record Context(List<string> SharedStrings, List<bool> DateStyles, bool Date1904);

    /// <summary>A value no spreadsheet program writes (a row number beyond int, an unknown cell type): the workbook is unreadable, not corrupt.</summary>
    private sealed class UnreadableValueException(string message) : Exception(message);

    private readonly record struct SheetCell(int Column, int Row, string? Value, CellIssue? Issue);

    /// <summary>A cell as the sheet part holds it: <c>t</c>, <c>s</c>, <c>v</c>, <c>f</c> and the text of <c>is</c>.</summary>
    private readonly record struct RawCell(string? Type, int Style, string? Value, string? Formula, string? Inline);

    /// <summary>The header row: which sheet column holds which catalogue column.</summary>
    private sealed class Header
    {
        private Header(int rowNumber) => RowNumber = rowNumber;

        public int RowNumber { get; }

        public Dictionary<int, string> KeyAt { get; } = [];

        /// <summary>The sheet column of each catalogue column found, in header order.</summary>
        public Dictionary<string, int> ColumnOf { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> HeaderCells { get; } = new(StringComparer.Ordinal);

        public List<SheetHeader> Unknown { get; } = [];

        public List<SheetHeader> Duplicates { get; } = [];

        public static Header? Match(IEnumerable<SheetCell> cells, int rowNumber)
        {
            var header = new Header(rowNumber);
            foreach (var cell in cells)
            {
                if (string.IsNullOrWhiteSpace(cell.Value))
                {
                    continue;
                }

                var address = CellAddress.Of(cell.Column, rowNumber);
                var column = DemandColumns.Match(cell.Value);
                if (column is null)
                {
                    header.Unknown.Add(new SheetHeader(cell.Value.Trim(), address));
                }
                else if (!header.HeaderCells.TryAdd(column.Key, address))
                {
                    header.Duplicates.Add(new SheetHeader(cell.Value.Trim(), address));
                }
                else
                {
                    header.KeyAt[cell.Column] = column.Key;
                    header.ColumnOf[column.Key] = cell.Column;
                }
            }

            return header.KeyAt.Count >= MinHeaderMatches ? header : null;
        }

    }

    /// <summary>A row's cell addresses by column key, made when asked: a finding needs one, most rows none (5,000 rows × 17 strings saved).</summary>
    private sealed class RowAddresses(Header header, int row) : IReadOnlyDictionary<string, string>
    {
        public int Count => header.ColumnOf.Count;

        public IEnumerable<string> Keys => header.ColumnOf.Keys;

        public IEnumerable<string> Values => header.ColumnOf.Values.Select(c => CellAddress.Of(c, row));

        public string this[string key] => CellAddress.Of(header.ColumnOf[key], row);

        public bool ContainsKey(string key) => header.ColumnOf.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
        {
            value = header.ColumnOf.TryGetValue(key, out var column) ? CellAddress.Of(column, row) : null;
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
            header.ColumnOf.Select(p => KeyValuePair.Create(p.Key, CellAddress.Of(p.Value, row))).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
