using System.Globalization;
using System.Text.RegularExpressions;
using StrongChain.Docs.Domain.CreditCodes;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Domain.DemandList;

/// <summary>
/// The rules of demand-list.md over a read table: every finding with its cell, and the demands of the rows without
/// errors. Never throws for what people typed.
/// </summary>
public static partial class DemandRules
{
    private static readonly char[] CoIssuerSeparators = ['、', ';', '；'];

    public static DemandImport Check(DemandSheet sheet, Round round) => Check(sheet, round, null);

    /// <summary>
    /// As <see cref="Check(DemandSheet, Round)"/>, with the round's stored demands: a required cell left blank where the stored
    /// demand of that id is blank too (a historical row kept incomplete) is a warning, so a list the service gave out imports back.
    /// </summary>
    public static DemandImport Check(DemandSheet sheet, Round round, IReadOnlyDictionary<string, Demand>? stored)
    {
        var findings = new List<DemandFinding>();
        switch (sheet.Outcome)
        {
            case DemandSheetOutcome.TooManyRows:
                findings.Add(new DemandFinding(null, 0, null, null, DemandFindingCodes.TooManyRows, Severity.Error,
                    $"榜单超过{DemandColumns.MaxRows}行，请拆分为多个工作簿分别导入。",
                    $"The list has more than {DemandColumns.MaxRows} rows: split it into several workbooks and import each."));
                return new DemandImport([], findings);
            case DemandSheetOutcome.Unreadable:
                findings.Add(new DemandFinding(null, 0, null, null, DemandFindingCodes.UnreadableWorkbook, Severity.Error,
                    "工作簿内容无法读取，请在Excel中打开并另存为.xlsx文件后重新上传。",
                    "The workbook's content cannot be read: open it in Excel, save it again as .xlsx and upload that."));
                return new DemandImport([], findings);
        }

        CheckHeader(sheet, round, findings);

        // Without every required column no row can make a whole demand; the rows are still checked for findings.
        var complete = DemandColumns.All.All(c => c.Optional || sheet.HasColumn(c.Key));
        var demands = new List<Demand>();
        var firstRowOfId = new Dictionary<string, DemandRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows.Where(r => !r.IsBlank))
        {
            var demand = new RowCheck(row, sheet, round, findings, firstRowOfId, stored).Run();
            if (demand is not null && complete)
            {
                demands.Add(demand);
            }
        }

        // Stable sort: within a row, by the column's place in the sheet, else its place in the catalogue.
        var ordered = findings
            .OrderBy(f => f.Row)
            .ThenBy(f => ColumnOrder(f))
            .ToList();
        return new DemandImport(demands, ordered);
    }

    /// <summary>The names of the joint issuers (联合发榜企业): split on 、 ; ；, trimmed, blanks dropped.</summary>
    public static IReadOnlyList<string> SplitCoIssuers(string? coIssuers) =>
        string.IsNullOrWhiteSpace(coIssuers)
            ? []
            : [.. coIssuers.Split(CoIssuerSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Whether a unified social credit code (GB 32100-2015) is well formed and its check character matches.</summary>
    public static bool IsValidCreditCode(string? code) =>
        UnifiedCreditCode.Parse(code).IsValid;

    /// <summary>A mainland mobile or landline number as application-form.md states it.</summary>
    public static bool IsValidPhone(string? phone) => phone is not null && PhonePattern().IsMatch(phone);

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[+]?\d+(\.0*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumberPattern();

    private static void CheckHeader(DemandSheet sheet, Round round, List<DemandFinding> findings)
    {
        if (sheet.RoundId is { Length: > 0 } roundId && !string.Equals(roundId, round.Id, StringComparison.Ordinal))
        {
            findings.Add(new DemandFinding(null, 0, null, null, DemandFindingCodes.RoundMismatch, Severity.Warning,
                $"该工作簿是批次“{roundId}”的榜单模板，当前导入的批次是“{round.Id}”，请确认导入到了正确的批次。",
                $"The workbook is the template of round '{roundId}' but is imported into round '{round.Id}': check the round."));
        }

        foreach (var column in DemandColumns.All.Where(c => !c.Optional && !sheet.HasColumn(c.Key)))
        {
            findings.Add(new DemandFinding(null, sheet.HeaderRowNumber, column.Key, null, DemandFindingCodes.MissingColumn, Severity.Error,
                $"表头缺少“{column.Header}”列，请使用最新的榜单模板或补上该列。",
                $"The header has no column '{column.Header}' ({column.HeaderEn}): use the current template or add the column."));
        }

        foreach (var header in sheet.UnknownHeaders)
        {
            var at = NullIfEmpty(header.Cell);
            findings.Add(new DemandFinding(at, sheet.HeaderRowNumber, null, null, DemandFindingCodes.UnknownColumn, Severity.Warning,
                $"{(at is null ? "" : at + "的")}列“{header.Text}”不是榜单的列，导入时将忽略，如有需要请把内容移到榜单的列中。",
                $"Column '{header.Text}'{(at is null ? "" : " at " + at)} is not a column of the list and is ignored: move its content into a list column if it matters."));
        }

        foreach (var header in sheet.DuplicateHeaders)
        {
            var at = NullIfEmpty(header.Cell);
            findings.Add(new DemandFinding(at, sheet.HeaderRowNumber, DemandColumns.Match(header.Text)?.Key, null, DemandFindingCodes.DuplicateColumn, Severity.Warning,
                $"{(at is null ? "" : at + "的")}列“{header.Text}”与前面的列重复，导入时将忽略，请删除重复的列。",
                $"Column '{header.Text}'{(at is null ? "" : " at " + at)} repeats an earlier column and is ignored: delete the duplicate."));
        }
    }

    private static int ColumnOrder(DemandFinding finding) =>
        finding.Cell is not null && CellAddress.Parse(finding.Cell) is { } address
            ? address.Column
            : 20_000 + (finding.Column is null ? DemandColumns.All.Count : DemandColumns.IndexOf(finding.Column));

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>The checks of one row; collects its findings and builds its demand when it has no error.</summary>
    private sealed class RowCheck(DemandRow row, DemandSheet sheet, Round round, List<DemandFinding> findings, Dictionary<string, DemandRow> firstRowOfId,
        IReadOnlyDictionary<string, Demand>? stored)
    {
        private readonly string? _demandId = Clean(row[DemandColumns.Id]);
        private readonly Demand? _stored = Clean(row[DemandColumns.Id]) is { } id && stored is not null && stored.TryGetValue(id, out var d) ? d : null;
        private bool _hasError;

        public Demand? Run()
        {
            var id = Required(DemandColumns.Id);
            if (id is not null && !firstRowOfId.TryAdd(id, row))
            {
                var first = firstRowOfId[id];
                var firstAt = first.AddressOf(DemandColumns.Id) ?? $"第{first.RowNumber}行";
                Error(DemandColumns.Id, DemandFindingCodes.DuplicateId,
                    $"{Where(DemandColumns.Id)}的需求编号“{id}”与{firstAt}重复，请为每项需求使用不同的编号。",
                    $"{WhereEn(DemandColumns.Id)}: demand id '{id}' repeats the one in row {first.RowNumber}; give every demand its own id.");
            }

            var sector = Required(DemandColumns.Sector);
            if (sector is not null && !round.Sectors.Contains(sector, StringComparer.Ordinal))
            {
                Error(DemandColumns.Sector, DemandFindingCodes.NotInList,
                    $"{Where(DemandColumns.Sector)}“{sector}”不是本批次的产业领域，请从下拉列表中选择：{string.Join("、", round.Sectors)}。",
                    $"{WhereEn(DemandColumns.Sector)}: '{sector}' is not a sector of this round; pick one of: {string.Join(", ", round.Sectors)}.");
            }

            var subField = Optional(DemandColumns.SubField);

            var title = Required(DemandColumns.Title);
            var titleLength = title is null ? 0 : new StringInfo(title).LengthInTextElements;
            if (titleLength > DemandColumns.MaxTitleLength)
            {
                Error(DemandColumns.Title, DemandFindingCodes.TooLong,
                    $"{Where(DemandColumns.Title)}有{titleLength}个字，请缩短到{DemandColumns.MaxTitleLength}个字以内。",
                    $"{WhereEn(DemandColumns.Title)} has {titleLength} characters: shorten it to at most {DemandColumns.MaxTitleLength}.");
            }

            var issuer = Required(DemandColumns.Issuer);
            var creditCode = CreditCode();
            var coIssuers = SplitCoIssuers(Optional(DemandColumns.CoIssuers));
            var summary = Required(DemandColumns.Summary);
            var indicators = Required(DemandColumns.Indicators);
            var deadline = Months();
            var procurement = Required(DemandColumns.Procurement);

            var volume = Optional(DemandColumns.CommittedVolume);
            if (coIssuers.Count > 0 && volume is null && row.IssueOf(DemandColumns.CommittedVolume) is null)
            {
                Error(DemandColumns.CommittedVolume, DemandFindingCodes.CommittedVolumeMissing,
                    $"第{row.RowNumber}行有联合发榜企业（带量发榜），请在{Where(DemandColumns.CommittedVolume)}填写带量采购数量。",
                    $"Row {row.RowNumber} names joint issuers (joint procurement): fill in {WhereEn(DemandColumns.CommittedVolume)}.");
            }

            var contactName = Required(DemandColumns.ContactName);
            var phone = Required(DemandColumns.ContactPhone);
            if (phone is not null && !IsValidPhone(phone))
            {
                Error(DemandColumns.ContactPhone, DemandFindingCodes.Format,
                    $"{Where(DemandColumns.ContactPhone)}“{phone}”不是有效的电话号码，请填写11位手机号或带区号的座机号（如010-62345678）。",
                    $"{WhereEn(DemandColumns.ContactPhone)}: '{phone}' is not a phone number; enter an 11-digit mobile or a landline with area code (010-62345678).");
            }

            var status = Optional(DemandColumns.ReviewStatus) ?? Demand.Pending;
            if (!DemandColumns.ReviewStatuses.Contains(status, StringComparer.Ordinal))
            {
                Error(DemandColumns.ReviewStatus, DemandFindingCodes.NotInList,
                    $"{Where(DemandColumns.ReviewStatus)}“{status}”不是论证结论，请从下拉列表中选择：{string.Join("、", DemandColumns.ReviewStatuses)}。",
                    $"{WhereEn(DemandColumns.ReviewStatus)}: '{status}' is not a review outcome; pick one of: {string.Join(", ", DemandColumns.ReviewStatuses)}.");
            }

            if (_hasError)
            {
                return null;
            }

            return new Demand(
                id!, round.Id, sector!, subField, title!, issuer!, creditCode, coIssuers.Count == 0 ? null : string.Join("、", coIssuers),
                summary, indicators, deadline, procurement, volume, contactName, phone, status);
        }

        private string? CreditCode()
        {
            var raw = Required(DemandColumns.IssuerCreditCode);
            if (raw is null)
            {
                return null;
            }

            // People type the letters in lower case or full width; the code itself is upper case.
            var parsed = UnifiedCreditCode.Parse(raw);
            var code = parsed.Value;
            if (!parsed.IsWellFormed)
            {
                Error(DemandColumns.IssuerCreditCode, DemandFindingCodes.Format,
                    $"{Where(DemandColumns.IssuerCreditCode)}“{raw}”不是18位统一社会信用代码，请对照营业执照重新填写。",
                    $"{WhereEn(DemandColumns.IssuerCreditCode)}: '{raw}' is not an 18-character unified social credit code; copy it from the business licence.");
            }
            else if (!parsed.IsValid)
            {
                Error(DemandColumns.IssuerCreditCode, DemandFindingCodes.CreditCodeChecksum,
                    $"{Where(DemandColumns.IssuerCreditCode)}“{raw}”的校验位不符，请对照营业执照逐位核对。",
                    $"{WhereEn(DemandColumns.IssuerCreditCode)}: the check character of '{raw}' does not match; compare it with the business licence character by character.");
            }

            return code;
        }

        private int? Months()
        {
            var text = Required(DemandColumns.DeadlineMonths);
            if (text is null)
            {
                return null;
            }

            var whole = WholeNumberPattern().IsMatch(text);
            var digits = whole ? text.TrimStart('+').Split('.')[0] : "";
            if (!whole || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var months))
            {
                if (whole)
                {
                    // Too many digits for an int is still a whole number, just far out of range.
                    OutOfRange(text);
                    return null;
                }

                Error(DemandColumns.DeadlineMonths, DemandFindingCodes.Format,
                    $"{Where(DemandColumns.DeadlineMonths)}“{text}”不是整数，请填写{DemandColumns.MinDeadlineMonths}到{DemandColumns.MaxDeadlineMonths}之间的整数月数。",
                    $"{WhereEn(DemandColumns.DeadlineMonths)}: '{text}' is not a whole number; enter the months as a whole number from {DemandColumns.MinDeadlineMonths} to {DemandColumns.MaxDeadlineMonths}.");
                return null;
            }

            if (months is < DemandColumns.MinDeadlineMonths or > DemandColumns.MaxDeadlineMonths)
            {
                OutOfRange(text);
                return null;
            }

            return months;
        }

        private void OutOfRange(string text) =>
            Error(DemandColumns.DeadlineMonths, DemandFindingCodes.OutOfRange,
                $"{Where(DemandColumns.DeadlineMonths)}为{text}个月，请填写{DemandColumns.MinDeadlineMonths}到{DemandColumns.MaxDeadlineMonths}之间的整数。",
                $"{WhereEn(DemandColumns.DeadlineMonths)} is {text} months: enter a whole number from {DemandColumns.MinDeadlineMonths} to {DemandColumns.MaxDeadlineMonths}.");

        /// <summary>The trimmed value, or null (blank) after reporting a blank required cell or an unusable one.</summary>
        private string? Required(string key)
        {
            var value = Optional(key);
            if (value is null && row.IssueOf(key) is null && sheet.HasColumn(key))
            {
                var column = DemandColumns.Get(key);
                if (_stored is not null && StoredBlank(_stored, key))
                {
                    // Kept as stored: the service gave this blank out itself (a historical row), so importing it back changes nothing.
                    findings.Add(new DemandFinding(NullIfEmpty(row.AddressOf(key)), row.RowNumber, key, _demandId, DemandFindingCodes.KeptIncomplete, Severity.Warning,
                        $"{Where(key)}为空，与已保存的需求一致（历史数据不完整），按原样保留；如有资料请补填{column.Header}。",
                        $"{WhereEn(key)} is blank, as in the stored demand (incomplete historical data), and is kept so; fill in the {column.HeaderEn.ToLowerInvariant()} when known."));
                    return null;
                }

                Error(key, DemandFindingCodes.Required,
                    $"{Where(key)}为必填项，请填写{column.Header}。",
                    $"{WhereEn(key)} is required: fill in the {column.HeaderEn.ToLowerInvariant()}.");
            }

            return value;
        }

        /// <summary>The trimmed value or null; an error value or a formula without result is reported once here.</summary>
        private string? Optional(string key)
        {
            if (row.IssueOf(key) is { } issue)
            {
                if (issue.Code == DemandFindingCodes.FormulaWithoutValue)
                {
                    Error(key, issue.Code,
                        $"{Where(key)}的公式没有计算结果，请在Excel中重新计算并保存，或直接填写内容。",
                        $"{WhereEn(key)} holds a formula without a computed value: recalculate and save in Excel, or type the value.");
                }
                else
                {
                    Error(key, DemandFindingCodes.CellError,
                        $"{Where(key)}是错误值{issue.Value}，请改正公式或直接填写内容。",
                        $"{WhereEn(key)} shows the error {issue.Value}: fix the formula or type the value.");
                }

                return null;
            }

            return Clean(row[key]);
        }

        /// <summary>Whether the stored demand has no value for a required column (the first batch's gaps).</summary>
        private static bool StoredBlank(Demand d, string key) => key switch
        {
            DemandColumns.IssuerCreditCode => d.IssuerCreditCode is null,
            DemandColumns.Summary => d.Summary is null,
            DemandColumns.Indicators => d.Indicators is null,
            DemandColumns.DeadlineMonths => d.DeadlineMonths is null,
            DemandColumns.Procurement => d.Procurement is null,
            DemandColumns.ContactName => d.ContactName is null,
            DemandColumns.ContactPhone => d.ContactPhone is null,
            _ => false,
        };

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private string Where(string key) =>
            row.AddressOf(key) is { Length: > 0 } cell
                ? $"{cell}单元格（{DemandColumns.Get(key).Header}）"
                : $"第{row.RowNumber}行“{DemandColumns.Get(key).Header}”";

        private string WhereEn(string key) =>
            row.AddressOf(key) is { Length: > 0 } cell
                ? $"{cell} ({DemandColumns.Get(key).HeaderEn})"
                : $"Row {row.RowNumber} ({DemandColumns.Get(key).HeaderEn})";

        private void Error(string key, string code, string message, string messageEn)
        {
            _hasError = true;
            findings.Add(new DemandFinding(NullIfEmpty(row.AddressOf(key)), row.RowNumber, key, _demandId, code, Severity.Error, message, messageEn));
        }
    }
}
