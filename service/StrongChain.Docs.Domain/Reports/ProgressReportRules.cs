using System.Globalization;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Domain.Reports;

/// <summary>A progress report read and checked: the record and every finding; errors block storing, warnings are kept with it.</summary>
public sealed record ProgressReportCheck(ProgressReportRecord Record, IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);

    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);
}

/// <summary>
/// Filled report form → <see cref="ProgressReportRecord"/> → findings against the consortium: the milestone exists, spend per
/// budget item and in total stays within the agreement, dates lie inside the project period, required fields are filled, an
/// achieved milestone has its date. Never throws for what a person typed.
/// </summary>
public static class ProgressReportRules
{
    /// <param name="spentElsewhere">Spend per budget item in the latest reports of the consortium's other milestones: the ceiling is for the whole project.</param>
    public static ProgressReportCheck Check(FilledForm form, Consortium consortium, IReadOnlyDictionary<string, decimal>? spentElsewhere = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(consortium);
        var reading = new Reading(form);
        var record = reading.Record();
        var findings = reading.Findings;
        findings.AddRange(AgainstConsortium(record, consortium, spentElsewhere ?? new Dictionary<string, decimal>(), reading));
        if (form.Recovery is { } recovery)
        {
            findings = ApplyRecovery(findings, recovery, form, reading);
        }

        return new ProgressReportCheck(record, findings);
    }

    /// <summary>The record alone (no consortium), e.g. to learn which consortium and milestone a form was made for.</summary>
    public static ProgressReportRecord Read(FilledForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new Reading(form).Record();
    }

    private static List<Finding> AgainstConsortium(ProgressReportRecord r, Consortium c, IReadOnlyDictionary<string, decimal> elsewhere, Reading reading)
    {
        var findings = new List<Finding>();
        var milestone = c.Milestones.FirstOrDefault(m => m.Number == r.MilestoneNumber);
        if (r.MilestoneNumber is not null && milestone is null)
        {
            findings.Add(reading.Error(ProgressReportForm.MilestoneNumberTag, ProgressReportCodes.MilestoneUnknown,
                $"联合体“{c.Id}”没有第 {r.MilestoneNumber} 个里程碑。", $"Consortium '{c.Id}' has no milestone {r.MilestoneNumber}."));
        }

        // Dates inside the project period.
        foreach (var (tag, date) in new[] { ("report.periodStart", r.PeriodStart), ("report.periodEnd", r.PeriodEnd), ("report.achievedOn", r.AchievedOn) })
        {
            if (date is { } d && ((c.Start is { } start && d < start) || (c.End is { } end && d > end)))
            {
                findings.Add(reading.Error(tag, ProgressReportCodes.DateOutsideProject,
                    $"{Label(tag)}（{Iso(d)}）不在项目期限（{Period(c)}）内。", $"{LabelEn(tag)} ({Iso(d)}) lies outside the project period ({Period(c)})."));
            }
        }

        if (r.PeriodStart is { } from && r.PeriodEnd is { } to && from > to)
        {
            findings.Add(reading.Error("report.periodEnd", ProgressReportCodes.DateOrder,
                "报告期止不能早于报告期起。", "The end of the period covered is before its start."));
        }

        if (r.Status == MilestoneStatus.Achieved && r.AchievedOn is null && !reading.HasText("report.achievedOn"))
        {
            findings.Add(reading.Error("report.achievedOn", ProgressReportCodes.AchievedDateMissing,
                "里程碑完成情况为“已完成”时，须填写实际完成日期。", "A milestone reported as achieved needs the date it was achieved."));
        }
        else if (r.Status is not null and not MilestoneStatus.Achieved && r.AchievedOn is not null)
        {
            findings.Add(reading.Warning("report.achievedOn", ProgressReportCodes.AchievedDateUnexpected,
                "里程碑尚未完成，实际完成日期将不予采用。", "The milestone is not reported as achieved, so the date achieved is not used."));
        }

        if (r.Status == MilestoneStatus.Achieved && r.AchievedOn is { } achieved && milestone?.Due is { } due && achieved > due)
        {
            findings.Add(reading.Warning("report.achievedOn", ProgressReportCodes.MilestoneLate,
                $"实际完成日期晚于计划完成日期（{Iso(due)}）。", $"The milestone was achieved after its due date ({Iso(due)})."));
        }

        // Spend: per budget item of the agreement, and in total, for the whole project (this report plus the others' latest).
        var items = c.Funding.Items.ToDictionary(i => i.Category, i => i.Amount, StringComparer.Ordinal);
        var byCategory = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = 0; i < r.Spend.Count; i++)
        {
            var row = r.Spend[i];
            if (row.Category is not { } category || row.Amount is not { } amount)
            {
                continue;
            }

            if (items.Count > 0 && !items.ContainsKey(category))
            {
                findings.Add(reading.ErrorAt(i, "spend.category", ProgressReportCodes.SpendCategoryUnknown,
                    $"预算科目“{category}”不在协议的经费预算中。", $"Budget item '{category}' is not in the agreement's budget."));
                continue;
            }

            byCategory[category] = byCategory.GetValueOrDefault(category) + amount;
        }

        foreach (var (category, spent) in byCategory)
        {
            var total = spent + elsewhere.GetValueOrDefault(category);
            if (items.TryGetValue(category, out var ceiling) && total > ceiling)
            {
                var row = IndexOfCategory(r, category);
                findings.Add(reading.ErrorAt(row, "spend.amount", ProgressReportCodes.SpendOverItem,
                    $"“{category}”累计支出 {Money(total)} 万元，超过协议预算 {Money(ceiling)} 万元。",
                    $"Spend on '{category}' comes to {Money(total)} (10k CNY), more than the agreed {Money(ceiling)}."));
            }
        }

        var projectSpend = r.SpendTotal + elsewhere.Values.Sum();
        if (c.Funding.AgreedBudget > 0 && projectSpend > c.Funding.AgreedBudget)
        {
            findings.Add(reading.Error("spendItems", ProgressReportCodes.SpendOverBudget,
                $"累计支出 {Money(projectSpend)} 万元，超过协议总预算 {Money(c.Funding.AgreedBudget)} 万元。",
                $"Spend comes to {Money(projectSpend)} (10k CNY), more than the agreed budget of {Money(c.Funding.AgreedBudget)}."));
        }

        return findings;
    }

    /// <summary>
    /// A form read back by label: a warning on every recovered value (to be confirmed), an error on every value whose label was
    /// not found instead of <c>required</c> (it is unknown, not empty); no ordinals, as no control carries the tag any more.
    /// </summary>
    private static List<Finding> ApplyRecovery(List<Finding> findings, FormRecovery recovery, FilledForm form, Reading reading)
    {
        var args = EditorNames.Args(form.SavedBy);
        var missing = new HashSet<string>(recovery.Missing, StringComparer.Ordinal);
        var result = findings
            .Where(f => !(f.Code == ProgressReportCodes.Required && (missing.Contains(f.Field) || missing.Contains(RepeatOf(f.Tag)))))
            .Select(f => f with { Ordinal = null }).ToList();
        result.AddRange(recovery.Missing.Select(path => reading.Finding(path, TagOfPath(path), null, ProgressReportCodes.NotRecovered, Severity.Error,
            $"{args["editor"]} 保存时丢失了“{Label(TagOfPath(path))}”，无法读取，请用 Word 重新填写。",
            $"{args["editorEn"]} lost '{LabelEn(TagOfPath(path))}' when it saved the form; fill it in again with Word.")));
        result.AddRange(recovery.Recovered.Where(reading.HasText).Select(path => reading.Finding(path, TagOfPath(path), null, ProgressReportCodes.RecoveredByLabel,
            Severity.Warning,
            $"本文件由 {args["editor"]} 保存，“{Label(TagOfPath(path))}”按表格标签读取，请核对。",
            $"The file was saved by {args["editorEn"]}; '{LabelEn(TagOfPath(path))}' was read by its label: please confirm it.")));
        return result;
    }

    private static int IndexOfCategory(ProgressReportRecord r, string category)
    {
        for (var i = 0; i < r.Spend.Count; i++)
        {
            if (r.Spend[i].Category == category)
            {
                return i;
            }
        }

        return 0;
    }

    private static string RepeatOf(string tag) => ProgressReportForm.FindField(tag)?.Repeat ?? tag;

    private static string TagOfPath(string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return path;
        }

        var repeat = ProgressReportForm.Catalogue.FindRepeat(path[..open]);
        return repeat is null ? path : $"{repeat.ItemPrefix}.{path[(path.IndexOf("].", StringComparison.Ordinal) + 2)..]}";
    }

    internal static string Label(string tag) =>
        ProgressReportForm.FindField(tag)?.Label ?? ProgressReportForm.Catalogue.FindRepeat(tag)?.Label ?? tag;

    internal static string LabelEn(string tag) =>
        ProgressReportForm.FindField(tag)?.LabelEn ?? ProgressReportForm.Catalogue.FindRepeat(tag)?.Label ?? tag;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Period(Consortium c) => $"{(c.Start is { } s ? Iso(s) : "—")} 至 {(c.End is { } e ? Iso(e) : "—")}";

    /// <summary>The form's values by path, typed into the record, with a finding for each one that is missing or does not parse.</summary>
    private sealed class Reading
    {
        private readonly Dictionary<string, FilledValue> byPath;
        private readonly FilledForm form;

        public Reading(FilledForm form)
        {
            this.form = form;
            byPath = form.Values.GroupBy(v => v.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        }

        public List<Finding> Findings { get; } = [];

        public ProgressReportRecord Record()
        {
            Findings.Clear();
            foreach (var tag in ProgressReportForm.RequiredTags.Where(t => !HasText(t)))
            {
                Findings.Add(Error(tag, ProgressReportCodes.Required, $"请填写“{Label(tag)}”。", $"Fill in '{LabelEn(tag)}'."));
            }

            var spend = new List<ReportSpendItem>();
            var items = form.RepeatItems.GetValueOrDefault("spendItems");
            for (var i = 0; i < items; i++)
            {
                var category = Text($"spendItems[{i}].category");
                var amountText = Text($"spendItems[{i}].amount");
                var note = Text($"spendItems[{i}].note");
                if (category is null && amountText is null && note is null)
                {
                    continue; // a row left on its placeholders (Word's "+" pressed once too often)
                }

                var index = spend.Count;
                var amount = Amount($"spendItems[{i}].amount", amountText);
                if (category is null)
                {
                    Findings.Add(ErrorAt(index, "spend.category", ProgressReportCodes.Required, "请选择该行的预算科目。", "Choose the row's budget item.", i));
                }

                if (amountText is null)
                {
                    Findings.Add(ErrorAt(index, "spend.amount", ProgressReportCodes.Required, "请填写该行的支出金额。", "Fill in the row's amount.", i));
                }

                spend.Add(new ReportSpendItem(category, amount, note));
            }

            var milestoneText = Text(ProgressReportForm.MilestoneNumberTag);
            return new ProgressReportRecord(
                Text(ProgressReportForm.ConsortiumIdTag),
                int.TryParse(milestoneText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
                Text(ProgressReportForm.TemplateVersionTag),
                Date("report.periodStart"),
                Date("report.periodEnd"),
                Status(),
                Date("report.achievedOn"),
                Text("report.workDone"),
                Text("report.problems"),
                Text("report.nextSteps"),
                spend,
                new ReportContact(Text("contact.name"), Text("contact.phone"), Email()),
                Date("report.date"));
        }

        public bool HasText(string path) => Text(path) is not null;

        public Finding Error(string tag, string code, string zh, string en) => Finding(tag, tag, Ordinal(tag), code, Severity.Error, zh, en);

        public Finding Warning(string tag, string code, string zh, string en) => Finding(tag, tag, Ordinal(tag), code, Severity.Warning, zh, en);

        /// <summary>A finding on a spend row: <paramref name="row"/> counts filled rows, <paramref name="formItem"/> the form's rows.</summary>
        public Finding ErrorAt(int row, string tag, string code, string zh, string en, int? formItem = null)
        {
            var path = $"spendItems[{formItem ?? FormItemOf(row)}].{tag[(tag.IndexOf('.', StringComparison.Ordinal) + 1)..]}";
            return Finding(path, tag, Ordinal(path), code, Severity.Error, zh, en);
        }

        public Finding Finding(string path, string tag, int? ordinal, string code, Severity severity, string zh, string en) =>
            new(path, tag, ordinal, code, severity, zh, en);

        private int? Ordinal(string path) => byPath.TryGetValue(path, out var value) ? value.Ordinal : null;

        /// <summary>The form's row index of the n-th filled spend row.</summary>
        private int FormItemOf(int row)
        {
            var filled = -1;
            var items = form.RepeatItems.GetValueOrDefault("spendItems");
            for (var i = 0; i < items; i++)
            {
                if (Text($"spendItems[{i}].category") is not null || Text($"spendItems[{i}].amount") is not null || Text($"spendItems[{i}].note") is not null)
                {
                    if (++filled == row)
                    {
                        return i;
                    }
                }
            }

            return row;
        }

        private string? Text(string path) =>
            byPath.TryGetValue(path, out var value) && !value.IsPlaceholder && !string.IsNullOrWhiteSpace(value.Text) ? value.Text.Trim() : null;

        private DateOnly? Date(string path)
        {
            var text = Text(path);
            if (text is null)
            {
                return null;
            }

            if (ValueParsers.TryParseDate(text, out var date))
            {
                return date;
            }

            Findings.Add(Finding(path, path, Ordinal(path), ProgressReportCodes.Format, Severity.Error,
                $"“{Label(path)}”不是有效日期（应为 yyyy-MM-dd）。", $"'{LabelEn(path)}' is not a date (yyyy-MM-dd)."));
            return null;
        }

        private decimal? Amount(string path, string? text)
        {
            if (text is null)
            {
                return null;
            }

            if (ValueParsers.TryParseAmount(text, out var amount) && amount >= 0)
            {
                return amount;
            }

            Findings.Add(Finding(path, "spend.amount", Ordinal(path), ProgressReportCodes.Format, Severity.Error,
                "支出金额应为不小于 0 的数，最多两位小数（万元）。", "The amount must be a number of at least 0 with at most two decimals (10k CNY)."));
            return null;
        }

        private MilestoneStatus? Status()
        {
            var text = Text("report.status");
            MilestoneStatus? status = text switch
            {
                null => null,
                ProgressReportForm.Achieved => MilestoneStatus.Achieved,
                ProgressReportForm.PartlyAchieved => MilestoneStatus.PartlyAchieved,
                ProgressReportForm.NotAchieved => MilestoneStatus.NotAchieved,
                _ => null,
            };
            if (text is not null && status is null)
            {
                Findings.Add(Error("report.status", ProgressReportCodes.Format,
                    $"里程碑完成情况应为“{string.Join("”“", ProgressReportForm.StatusOptions)}”之一。",
                    "The milestone status must be one of 已完成 (achieved), 部分完成 (partly achieved) or 未完成 (not achieved)."));
            }

            return status;
        }

        private string? Email()
        {
            var text = Text("contact.email");
            if (text is not null && Outbox.OutboxPlan.MailAddress(text) is null)
            {
                Findings.Add(Error("contact.email", ProgressReportCodes.Format, "电子邮箱格式不正确。", "The e-mail address is not valid."));
            }

            return text;
        }
    }
}
