using System.IO.Compression;
using System.Text;
using System.Xml;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.DemandList;

namespace StrongChain.Docs.Documents.DemandList;

public static partial class DemandWorkbookReader
{
    private const string RelationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string WorksheetRelationship = RelationshipBase + "worksheet";
    private const string SharedStringsRelationship = RelationshipBase + "sharedStrings";
    private const string StylesRelationship = RelationshipBase + "styles";
    private const string TableRelationship = RelationshipBase + "table";
    private const string RelationshipIdNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationshipIdNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    /// <summary>What a worksheet part gave: its table, none (no header), or a value no spreadsheet writes.</summary>
    private sealed record SheetResult(DemandSheet? Sheet, bool Unreadable);

    /// <summary>workbook.xml: the sheets in order, the defined names and the date system.</summary>
    private sealed record WorkbookXml(bool HasSheets, List<(string Name, string? Id)> Sheets, List<(string Name, string Text)> DefinedNames, bool Date1904);

    /// <summary>
    /// Collects the workbook's parts as the guard hands them over: relationships first, then the workbook, shared strings,
    /// styles, tables and custom XML, worksheets last (<see cref="Order"/>), so a worksheet is read as it streams by.
    /// A part the guard did not hand over in time is read from the zip afterwards (same result, inflated twice).
    /// </summary>
    private sealed class WorkbookParts : IGuardedPartReader
    {
        private readonly Dictionary<string, List<PartRelationship>> relationships = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> handled = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, SheetResult> sheets = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int?> tableHeaderRows = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (string? Version, string? RoundId)?> markerParts = new(StringComparer.OrdinalIgnoreCase);
        private WorkbookXml? workbook;
        private bool mainIsNoWorkbook;
        private List<string>? sharedStrings;
        private List<bool>? dateStyles;
        private bool unreadable;
        private Context? context;

        public int Order(string partName) =>
            partName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) ? 0
            : partName.Contains("worksheets/", StringComparison.OrdinalIgnoreCase) ? 2
            : 1;

        public void Read(string partName, XmlReader reader)
        {
            partName = Uri.UnescapeDataString(partName);
            if (PartRelationships.SourceOf(partName) is { } source)
            {
                if (reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "Relationships" && reader.NamespaceURI == PartRelationships.Namespace)
                {
                    relationships[source] = [.. PartRelationships.Read(reader, source, PackageKind.Excel).Select(r => r with { Target = Uri.UnescapeDataString(r.Target) })];
                }

                return;
            }

            Process(partName, reader, inPass: true);
        }

        private string? MainName => relationships.GetValueOrDefault("")?.Find(r => r.Type == PartRelationships.OfficeDocument)?.Target;

        private List<PartRelationship> WorkbookRelationships => MainName is { } main ? relationships.GetValueOrDefault(main) ?? [] : [];

        private string? TargetOf(string type) => WorkbookRelationships.Find(r => r.Type == type)?.Target;

        private IEnumerable<string> TablesOf(string sheetPart) =>
            (relationships.GetValueOrDefault(sheetPart) ?? []).Where(r => r.Type == TableRelationship).Select(r => r.Target);

        private bool IsListedSheet(string partName) =>
            workbook is not null && WorkbookRelationships.Any(r => r.Type == WorksheetRelationship
                && string.Equals(r.Target, partName, StringComparison.OrdinalIgnoreCase) && workbook.Sheets.Any(s => s.Id == r.Id));

        /// <summary>Reads one part by what the relationships make it; a worksheet whose context is not read yet waits for <see cref="Assemble"/>.</summary>
        private void Process(string partName, XmlReader reader, bool inPass)
        {
            if (string.Equals(partName, MainName, StringComparison.OrdinalIgnoreCase))
            {
                handled.Add(partName);
                Guarded(reader, () => workbook = ReadWorkbookXml(reader, out mainIsNoWorkbook), () => unreadable = true);
            }
            else if (string.Equals(partName, TargetOf(SharedStringsRelationship), StringComparison.OrdinalIgnoreCase))
            {
                handled.Add(partName);
                Guarded(reader, () => sharedStrings = ReadSharedStrings(reader), () => unreadable = true);
            }
            else if (string.Equals(partName, TargetOf(StylesRelationship), StringComparison.OrdinalIgnoreCase))
            {
                handled.Add(partName);
                Guarded(reader, () => dateStyles = ReadDateStyles(reader), () => unreadable = true);
            }
            else if (WorkbookRelationships.Any(r => r.Type == PartRelationships.CustomXml && string.Equals(r.Target, partName, StringComparison.OrdinalIgnoreCase)))
            {
                handled.Add(partName);
                markerParts[partName] = ReadMarkerPart(reader);
            }
            else if (relationships.Values.Any(list => list.Any(r => r.Type == TableRelationship && string.Equals(r.Target, partName, StringComparison.OrdinalIgnoreCase))))
            {
                handled.Add(partName);
                tableHeaderRows[partName] = null;
                Guarded(reader, () => tableHeaderRows[partName] = ReadTableHeaderRow(reader), () => tableHeaderRows[partName] = -1);
            }
            else if (IsListedSheet(partName))
            {
                if (inPass && !ContextRead(partName))
                {
                    return;
                }

                handled.Add(partName);
                var tables = TablesOf(partName).Select(t => tableHeaderRows.GetValueOrDefault(t)).ToList();
                if (unreadable || tables.Contains(-1))
                {
                    sheets[partName] = new SheetResult(null, Unreadable: true);
                    return;
                }

                SheetResult result = new(null, Unreadable: true);
                Guarded(reader, () => result = new SheetResult(ReadSheet(reader, [.. tables.Where(r => r > 0).Select(r => r!.Value)], Context), false), () => { });
                sheets[partName] = result;
            }
        }

        /// <summary>Whether every part a worksheet's values depend on has been read (else it is read again after the pass).</summary>
        private bool ContextRead(string sheetPart) =>
            workbook is not null
            && (TargetOf(SharedStringsRelationship) is not { } strings || handled.Contains(strings))
            && (TargetOf(StylesRelationship) is not { } styles || handled.Contains(styles))
            && TablesOf(sheetPart).All(handled.Contains);

        private Context Context => context ??= new Context(sharedStrings ?? [], dateStyles ?? [], workbook?.Date1904 ?? false);

        /// <summary>
        /// Runs a part's read; a value no spreadsheet writes calls <paramref name="onUnreadable"/>. Malformed XML is left to
        /// the guard (corrupt, or a DTD), as it was before any part was read.
        /// </summary>
        private static void Guarded(XmlReader reader, Action read, Action onUnreadable)
        {
            try
            {
                read();
            }
            catch (Exception e) when (e is UnreadableValueException or FormatException or OverflowException or ArgumentException or InvalidOperationException
                || (e is XmlException && reader.ReadState != ReadState.Error))
            {
                onUnreadable();
            }
        }

        public DemandSheet Assemble(byte[] bytes)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            EnsureTargetsExist(zip);
            var main = MainName ?? throw PackageKind.Excel.NotOfKind();
            ReadLate(zip, main);
            if (mainIsNoWorkbook)
            {
                throw PackageKind.Excel.Corrupt();
            }

            if (workbook is null || unreadable)
            {
                return DemandSheet.Stopped(DemandSheetOutcome.Unreadable);
            }

            foreach (var part in new[] { TargetOf(SharedStringsRelationship), TargetOf(StylesRelationship) }
                .Concat(WorkbookRelationships.Where(r => r.Type == PartRelationships.CustomXml).Select(r => r.Target)))
            {
                ReadLate(zip, part);
            }

            if (unreadable || !workbook.HasSheets)
            {
                return DemandSheet.Stopped(DemandSheetOutcome.Unreadable);
            }

            var (templateVersion, roundId) = Markers();

            // The sheet named 榜单 first, then the others in workbook order: the first with the headers wins.
            foreach (var (name, id) in workbook.Sheets.OrderBy(s => s.Name == DemandColumns.SheetName ? 0 : 1))
            {
                if (id is null || WorkbookRelationships.Find(r => r.Id == id) is not { Type: WorksheetRelationship } relationship)
                {
                    continue;
                }

                foreach (var table in TablesOf(relationship.Target))
                {
                    ReadLate(zip, table);
                }

                ReadLate(zip, relationship.Target);
                var read = sheets.GetValueOrDefault(relationship.Target);
                if (read is null || read.Unreadable)
                {
                    return DemandSheet.Stopped(DemandSheetOutcome.Unreadable);
                }

                if (read.Sheet is { } sheet)
                {
                    return sheet with { SheetName = name, TemplateVersion = templateVersion, RoundId = roundId };
                }
            }

            return new DemandSheet([], [], 0, new Dictionary<string, string>(), [], null, templateVersion, roundId);
        }

        /// <summary>Reads a part the pass did not (not an .xml name, or it came before what it depends on) from the zip.</summary>
        private void ReadLate(ZipArchive zip, string? partName)
        {
            if (partName is null || handled.Contains(partName)
                || zip.Entries.FirstOrDefault(e => string.Equals(Uri.UnescapeDataString(e.FullName), partName, StringComparison.OrdinalIgnoreCase)) is not { } entry)
            {
                return;
            }

            try
            {
                using var stream = entry.Open();
                using var reader = XmlReader.Create(stream, OfficePackageGuard.ScanSettings);
                Process(partName, reader, inPass: false);
            }
            catch (XmlException)
            {
                // The guard checked only parts with XML names; another one that does not parse cannot be read.
                unreadable = true;
            }

            handled.Add(partName);
        }

        /// <summary>The markers: the first custom XML part of ours, then the defined names (Calc keeps names, not parts).</summary>
        private (string? TemplateVersion, string? RoundId) Markers()
        {
            string? version = null;
            string? roundId = null;
            foreach (var relationship in WorkbookRelationships.Where(r => r.Type == PartRelationships.CustomXml))
            {
                if (markerParts.GetValueOrDefault(relationship.Target) is { } markers)
                {
                    (version, roundId) = markers;
                    break;
                }
            }

            foreach (var (name, text) in workbook!.DefinedNames)
            {
                if (name == DemandWorkbookTemplate.TemplateVersionName)
                {
                    version ??= Unquote(text);
                }
                else if (name == DemandWorkbookTemplate.RoundIdName)
                {
                    roundId ??= Unquote(text);
                }
            }

            return (version, roundId);
        }

        /// <summary>Every part reachable from the package exists, with a relationship type, as the Open XML SDK demanded when it opened uploads.</summary>
        private void EnsureTargetsExist(ZipArchive zip)
        {
            var entries = new HashSet<string>(zip.Entries.Select(e => Uri.UnescapeDataString(e.FullName)), StringComparer.OrdinalIgnoreCase);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "" };
            var queue = new Queue<string>(seen);
            while (queue.TryDequeue(out var source))
            {
                foreach (var relationship in relationships.GetValueOrDefault(source) ?? [])
                {
                    if (string.IsNullOrWhiteSpace(relationship.Type) || !entries.Contains(relationship.Target))
                    {
                        throw PackageKind.Excel.Corrupt();
                    }

                    if (seen.Add(relationship.Target))
                    {
                        queue.Enqueue(relationship.Target);
                    }
                }
            }
        }
    }

    /// <summary>workbook.xml's sheets, defined names and date system; <paramref name="noWorkbook"/> when the main part is something else.</summary>
    private static WorkbookXml? ReadWorkbookXml(XmlReader xml, out bool noWorkbook)
    {
        noWorkbook = xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "workbook" || !IsMain(xml.NamespaceURI);
        if (noWorkbook)
        {
            return null;
        }

        var hasSheets = false;
        var sheets = new List<(string, string?)>();
        var names = new List<(string, string)>();
        var date1904 = false;
        var depth = xml.Depth;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || !IsMain(xml.NamespaceURI))
            {
                continue;
            }

            if (xml.Depth == depth + 1 && xml.LocalName == "workbookPr")
            {
                date1904 = xml.GetAttribute("date1904") is { } text && XmlConvert.ToBoolean(text);
            }
            else if (xml.Depth == depth + 1 && xml.LocalName == "sheets")
            {
                hasSheets = true;
            }
            else if (xml.Depth == depth + 2 && xml.LocalName == "sheet")
            {
                sheets.Add((xml.GetAttribute("name") ?? "", xml.GetAttribute("id", RelationshipIdNamespace) ?? xml.GetAttribute("id", StrictRelationshipIdNamespace)));
            }
            else if (xml.Depth == depth + 2 && xml.LocalName == "definedName")
            {
                var name = xml.GetAttribute("name");
                var text = ReadText(xml);
                if (name is not null)
                {
                    names.Add((name, text));
                }
            }
        }

        // A sheet element outside <sheets> is not one the SDK listed.
        return new WorkbookXml(hasSheets, hasSheets ? sheets : [], names, date1904);
    }

    /// <summary>The text inside the element the reader is on (markup inside skipped); leaves the reader on its end.</summary>
    private static string ReadText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }

        var depth = xml.Depth;
        var text = new StringBuilder();
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(xml.Value);
            }
        }

        return text.ToString();
    }

    private static List<string> ReadSharedStrings(XmlReader xml)
    {
        var strings = new List<string>();
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && IsMain(xml.NamespaceURI))
            {
                strings.Add(ReadStringItem(xml));
            }
            else
            {
                xml.Read();
            }
        }

        return strings;
    }

    /// <summary>For each cell style (cellXfs index): whether its number format shows a date.</summary>
    private static List<bool> ReadDateStyles(XmlReader xml)
    {
        if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "styleSheet" || !IsMain(xml.NamespaceURI))
        {
            return [];
        }

        var custom = new Dictionary<uint, string>();
        var formats = new List<uint>();
        var hasCellFormats = false;
        var depth = xml.Depth;
        string? section = null;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || !IsMain(xml.NamespaceURI))
            {
                continue;
            }

            if (xml.Depth == depth + 1)
            {
                section = xml.LocalName;
                hasCellFormats |= section == "cellXfs";
            }
            else if (xml.Depth == depth + 2 && section == "numFmts" && xml.LocalName == "numFmt" && xml.GetAttribute("numFmtId") is { } id)
            {
                custom.TryAdd(XmlConvert.ToUInt32(id), xml.GetAttribute("formatCode") ?? "");
            }
            else if (xml.Depth == depth + 2 && section == "cellXfs" && xml.LocalName == "xf")
            {
                formats.Add(xml.GetAttribute("numFmtId") is { } format ? XmlConvert.ToUInt32(format) : 0);
            }
        }

        return hasCellFormats ? [.. formats.Select(f => IsDateFormat(f, custom))] : [];
    }

    /// <summary>The header row a table (ListObject) names, 0 when it has none; the reader may be left anywhere in the part.</summary>
    private static int? ReadTableHeaderRow(XmlReader xml)
    {
        if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "table" || !IsMain(xml.NamespaceURI))
        {
            throw new UnreadableValueException("A table part without a table.");
        }

        var reference = xml.GetAttribute("ref");
        var headerRows = xml.GetAttribute("headerRowCount") is { } count ? XmlConvert.ToUInt32(count) : 1;
        return reference is null || headerRows == 0 ? 0 : CellAddress.Parse(reference.Split(':')[0])?.Row ?? 0;
    }

    /// <summary>The markers of a custom XML part of ours, null for anyone else's.</summary>
    private static (string? Version, string? RoundId)? ReadMarkerPart(XmlReader xml)
    {
        if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "demandList" || xml.NamespaceURI != DemandColumns.MarkerNamespace)
        {
            return null;
        }

        string? version = null;
        string? roundId = null;
        var depth = xml.Depth;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && xml.NamespaceURI == DemandColumns.MarkerNamespace)
            {
                // The first element of each name counts, as XElement.Element does.
                if (xml.LocalName == "templateVersion" && version is null)
                {
                    version = ReadText(xml);
                }
                else if (xml.LocalName == "roundId" && roundId is null)
                {
                    roundId = ReadText(xml);
                }
            }
        }

        return (version, roundId);
    }
}
