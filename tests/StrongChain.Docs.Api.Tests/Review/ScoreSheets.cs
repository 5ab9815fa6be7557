using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StrongChain.Docs.Api.Tests.Review;

/// <summary>Fills a score workbook as an expert does in Excel: numbers and text typed into cells.</summary>
public static class ScoreSheets
{
    public static byte[] Fill(byte[] workbook, Action<Func<string, string?>, Action<string, object?>> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
            var data = sheet.GetFirstChild<SheetData>()!;
            edit(reference => Find(data, reference)?.InnerText, (reference, value) => Set(data, reference, value));
            sheet.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The receipt numbers of the data rows, by row number.</summary>
    public static IReadOnlyDictionary<int, string> Receipts(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var data = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.GetFirstChild<SheetData>()!;
        return data.Elements<Row>().Where(r => r.RowIndex!.Value > 4)
            .ToDictionary(r => (int)r.RowIndex!.Value, r => r.Elements<Cell>().First().InnerText);
    }

    private static Cell? Find(SheetData data, string reference) => data.Descendants<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);

    private static void Set(SheetData data, string reference, object? value)
    {
        var rowIndex = uint.Parse(reference.AsSpan(reference.TakeWhile(char.IsLetter).Count()), System.Globalization.CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex) ?? data.AppendChild(new Row { RowIndex = rowIndex });
        var cell = Find(data, reference);
        if (cell is null)
        {
            // Cells of a row stay in column order (the score columns come after the receipt and organisation).
            var after = row.Elements<Cell>().LastOrDefault(c => string.CompareOrdinal(c.CellReference!.Value!.PadLeft(6), reference.PadLeft(6)) < 0);
            cell = new Cell { CellReference = reference };
            if (after is null)
            {
                row.PrependChild(cell);
            }
            else
            {
                after.InsertAfterSelf(cell);
            }
        }

        cell.RemoveAllChildren();
        cell.DataType = null;
        switch (value)
        {
            case null:
                break;
            case decimal d:
                cell.CellValue = new CellValue(d);
                break;
            default:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(value.ToString()!));
                break;
        }
    }
}
