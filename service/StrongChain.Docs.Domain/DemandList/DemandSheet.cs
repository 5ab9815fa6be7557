namespace StrongChain.Docs.Domain.DemandList;

/// <summary>What became of reading the sheet: read in full, or stopped before the rules can run.</summary>
public enum DemandSheetOutcome
{
    /// <summary>Every row was read.</summary>
    Complete,

    /// <summary>More than <see cref="DemandColumns.MaxRows"/> data rows: reading stopped there (API: 4xx <c>too-many-rows</c>).</summary>
    TooManyRows,

    /// <summary>The workbook's XML could not be read (API: 400 <c>unreadable-workbook</c>).</summary>
    Unreadable,
}

/// <summary>A cell whose value cannot be used as it stands: an Excel error (#N/A) or a formula with no cached result.</summary>
/// <param name="Code"><c>cell-error</c> or <c>formula-without-value</c>.</param>
/// <param name="Value">The error text (<c>#N/A</c>) or the formula.</param>
public sealed record CellIssue(string Code, string Value);

/// <summary>A header cell the catalogue does not know (an extra column), with its address.</summary>
public sealed record SheetHeader(string Text, string Cell);

/// <summary>One data row of the demand table, bound by column key.</summary>
/// <param name="RowNumber">The Excel row number (or, for the add-in's table, 1 = the first data row).</param>
/// <param name="Cells">Raw values by column key as a person reads them in Excel (not yet trimmed); absent or null = blank.</param>
/// <param name="Addresses">Cell address by column key ("D7"); empty when the rows did not come from a sheet.</param>
/// <param name="Issues">Cells whose value cannot be used, by column key.</param>
public sealed record DemandRow(
    int RowNumber,
    IReadOnlyDictionary<string, string?> Cells,
    IReadOnlyDictionary<string, string> Addresses,
    IReadOnlyDictionary<string, CellIssue>? Issues = null)
{
    public string? this[string key] => Cells.GetValueOrDefault(key);

    public string? AddressOf(string key) => Addresses.GetValueOrDefault(key);

    public CellIssue? IssueOf(string key) => Issues?.GetValueOrDefault(key);

    /// <summary>True when no column holds anything but spaces (such rows are skipped).</summary>
    public bool IsBlank => Cells.Values.All(string.IsNullOrWhiteSpace) && (Issues is null || Issues.Count == 0);
}

/// <summary>
/// The demand table as read from a workbook (or from the add-in's table values): the "read table" stage,
/// free of any file format. <see cref="DemandRules.Check"/> turns it into demands and findings.
/// </summary>
/// <param name="Rows">Non-blank data rows in sheet order.</param>
/// <param name="UnknownHeaders">Header cells naming no catalogue column.</param>
/// <param name="HeaderRowNumber">The header's Excel row; 0 when no header was found or for the add-in's table (its header is row 0).</param>
/// <param name="HeaderCells">Header cell address by column key for the columns found ("" when there are no addresses).</param>
/// <param name="DuplicateHeaders">Header cells naming a column a cell further left already names (ignored).</param>
/// <param name="SheetName">The sheet read, or null when none had the headers.</param>
/// <param name="TemplateVersion">The template version marker, when the workbook carries one.</param>
/// <param name="RoundId">The round marker, when the workbook carries one.</param>
public sealed record DemandSheet(
    IReadOnlyList<DemandRow> Rows,
    IReadOnlyList<SheetHeader> UnknownHeaders,
    int HeaderRowNumber,
    IReadOnlyDictionary<string, string> HeaderCells,
    IReadOnlyList<SheetHeader> DuplicateHeaders,
    string? SheetName = null,
    string? TemplateVersion = null,
    string? RoundId = null,
    DemandSheetOutcome Outcome = DemandSheetOutcome.Complete)
{
    public bool TooManyRows => Outcome == DemandSheetOutcome.TooManyRows;

    /// <summary>Whether the header names a column (else its cells read as blank and, if it is required, it is missing).</summary>
    public bool HasColumn(string key) => HeaderCells.ContainsKey(key);

    /// <summary>A sheet the reader had to give up on (too many rows, unreadable XML).</summary>
    public static DemandSheet Stopped(DemandSheetOutcome outcome, string? sheetName = null) =>
        new([], [], 0, new Dictionary<string, string>(), [], sheetName, Outcome: outcome);

    /// <summary>
    /// The add-in's table values (<c>{"headers":[…],"rows":[[…],…]}</c>): row 1 is the first data row and there are
    /// no cell addresses. Fully blank rows are dropped.
    /// </summary>
    public static DemandSheet FromTable(IReadOnlyList<string?> headers, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        var keyAt = new Dictionary<int, string>();
        var headerCells = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<SheetHeader>();
        var duplicates = new List<SheetHeader>();
        for (var i = 0; i < headers.Count; i++)
        {
            var text = headers[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var column = DemandColumns.Match(text);
            if (column is null)
            {
                unknown.Add(new SheetHeader(text.Trim(), ""));
            }
            else if (!headerCells.TryAdd(column.Key, ""))
            {
                duplicates.Add(new SheetHeader(text.Trim(), ""));
            }
            else
            {
                keyAt[i] = column.Key;
            }
        }

        if (rows.Count > DemandColumns.MaxRows)
        {
            return Stopped(DemandSheetOutcome.TooManyRows);
        }

        var read = new List<DemandRow>();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (index, key) in keyAt)
            {
                cells[key] = index < rows[r].Count ? rows[r][index] : null;
            }

            var row = new DemandRow(r + 1, cells, new Dictionary<string, string>());
            if (!row.IsBlank)
            {
                read.Add(row);
            }
        }

        // No addresses for the add-in: its findings are located by row and column key only.
        return new DemandSheet(read, unknown, 0, headerCells, duplicates);
    }
}

/// <summary>Excel A1 addresses: column letters and back.</summary>
public static class CellAddress
{
    /// <summary>"D7" for column 4, row 7; just the letters when row is 0.</summary>
    public static string Of(int column, int row)
    {
        Span<char> letters = stackalloc char[4];
        var at = letters.Length;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters[--at] = (char)('A' + ((c - 1) % 26));
        }

        var name = new string(letters[at..]);
        return row > 0 ? name + row.ToString(System.Globalization.CultureInfo.InvariantCulture) : name;
    }

    /// <summary>The 1-based column and row of "D7" (row 0 when the reference has no digits); null when it is not an A1 reference.</summary>
    public static (int Column, int Row)? Parse(ReadOnlySpan<char> reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384)
            {
                return null;
            }
        }

        var row = 0;
        for (var j = i; j < reference.Length; j++)
        {
            if (!char.IsAsciiDigit(reference[j]) || row > 1_048_576)
            {
                return null;
            }

            row = (row * 10) + (reference[j] - '0');
        }

        return column == 0 ? null : (column, row);
    }
}
