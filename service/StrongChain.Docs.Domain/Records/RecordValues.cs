using System.Globalization;
using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Domain.Records;

/// <summary>
/// A record as the values a person would type into the form, by path: the inverse of the record builder for every
/// field a form can hold (dates as yyyy-MM-dd, amounts with two decimals). The locked demand facts, the markers and
/// the seal are not typed values and are left out.
/// </summary>
public static class RecordValues
{
    /// <summary>Item counts of the repeating sections, by repeating section tag.</summary>
    public static IReadOnlyDictionary<string, int> ItemCounts(ApplicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["coApplicants"] = record.CoApplicants.Count,
            ["indicators"] = record.Plan.Indicators.Count,
            ["milestones"] = record.Plan.Milestones.Count,
            ["team"] = record.Plan.Team.Count,
            ["budgetItems"] = record.Budget.Items.Count,
        };
    }

    /// <summary>The declarations by tag: ticked or not.</summary>
    public static IReadOnlyDictionary<string, bool> Checks(ApplicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var d = record.Declarations;
        return new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["decl.independentLegalPerson"] = d.IndependentLegalPerson,
            ["decl.firstCooperation"] = d.FirstCooperation,
            ["decl.goodStanding"] = d.GoodStanding,
            ["decl.truthful"] = d.Truthful,
        };
    }

    /// <summary>Every non-empty text, date, number and list value by path (<c>coApplicants[1].creditCode</c>), in catalogue order.</summary>
    public static IReadOnlyList<(string Path, string Text)> Texts(ApplicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var values = new List<(string, string)>();
        void Add(string path, string? text)
        {
            if (Typeable(text) is { Length: > 0 } typed)
            {
                values.Add((path, typed));
            }
        }

        var a = record.Applicant;
        Add("applicant.name", a.Name);
        Add("applicant.creditCode", a.CreditCode);
        Add("applicant.orgType", a.OrgType);
        Add("applicant.region", a.Region);
        Add("applicant.legalRepresentative", a.LegalRepresentative);
        Add("applicant.established", Date(a.Established));
        Add("applicant.address", a.Address);
        Add("applicant.contactName", a.ContactName);
        Add("applicant.contactPhone", a.ContactPhone);
        Add("applicant.contactEmail", a.ContactEmail);
        Add("applicant.staffCount", Integer(a.StaffCount));
        Add("applicant.rdStaffCount", Integer(a.RdStaffCount));
        Add("applicant.lastYearRevenue", Amount(a.LastYearRevenue));
        Add("applicant.lastYearRdSpend", Amount(a.LastYearRdSpend));
        Add("applicant.transformationRecord", a.TransformationRecord);

        for (var i = 0; i < record.CoApplicants.Count; i++)
        {
            var c = record.CoApplicants[i];
            Add($"coApplicants[{i}].name", c.Name);
            Add($"coApplicants[{i}].creditCode", c.CreditCode);
            Add($"coApplicants[{i}].orgType", c.OrgType);
            Add($"coApplicants[{i}].region", c.Region);
            Add($"coApplicants[{i}].task", c.Task);
            Add($"coApplicants[{i}].contactName", c.ContactName);
            Add($"coApplicants[{i}].contactPhone", c.ContactPhone);
        }

        Add("priorCooperation", record.PriorCooperation);

        var p = record.Plan;
        Add("plan.summary", p.Summary);
        Add("plan.approach", p.Approach);
        Add("plan.foundation", p.Foundation);
        Add("plan.leaderName", p.LeaderName);
        Add("plan.leaderTitle", p.LeaderTitle);
        Add("plan.leaderPhone", p.LeaderPhone);
        Add("project.start", Date(p.Start));
        Add("project.end", Date(p.End));
        for (var i = 0; i < p.Indicators.Count; i++)
        {
            Add($"indicators[{i}].name", p.Indicators[i].Name);
            Add($"indicators[{i}].target", p.Indicators[i].Target);
        }

        for (var i = 0; i < p.Milestones.Count; i++)
        {
            Add($"milestones[{i}].name", p.Milestones[i].Name);
            Add($"milestones[{i}].due", Date(p.Milestones[i].Due));
            Add($"milestones[{i}].deliverable", p.Milestones[i].Deliverable);
        }

        for (var i = 0; i < p.Team.Count; i++)
        {
            Add($"team[{i}].name", p.Team[i].Name);
            Add($"team[{i}].title", p.Team[i].Title);
            Add($"team[{i}].organization", p.Team[i].Organization);
            Add($"team[{i}].role", p.Team[i].Role);
        }

        var b = record.Budget;
        Add("budget.total", Amount(b.Total));
        Add("budget.issuerFunds", Amount(b.IssuerFunds));
        Add("budget.applicantFunds", Amount(b.ApplicantFunds));
        Add("budget.requestedSupport", Amount(b.RequestedSupport));
        for (var i = 0; i < b.Items.Count; i++)
        {
            Add($"budgetItems[{i}].category", b.Items[i].Category);
            Add($"budgetItems[{i}].amount", Amount(b.Items[i].Amount));
            Add($"budgetItems[{i}].note", b.Items[i].Note);
        }

        Add("sign.legalRepresentative", record.Signature.LegalRepresentative);
        Add("sign.date", Date(record.Signature.Date));
        return values;
    }

    /// <summary>
    /// A record sent as JSON with parts left out: missing objects and lists become empty ones, so every part can be read.
    /// (JSON binding leaves a missing constructor argument null whatever its declared nullability.)
    /// </summary>
    public static ApplicationRecord Complete(ApplicationRecord record, FormIdentity form, DemandFacts demand)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plan = record.Plan ?? new TechnicalPlan(null, null, null, null, null, null, null, null, [], [], []);
        var budget = record.Budget ?? new Budget(null, null, null, null, []);
        return record with
        {
            Form = form,
            Demand = demand,
            Applicant = record.Applicant ?? new LeadApplicant(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
            CoApplicants = [.. (record.CoApplicants ?? []).Select(c => c ?? new CoApplicant(null, null, null, null, null, null, null))],
            Declarations = record.Declarations ?? new Declarations(false, false, false, false),
            Plan = plan with
            {
                Indicators = [.. (plan.Indicators ?? []).Select(i => i ?? new Indicator(null, null))],
                Milestones = [.. (plan.Milestones ?? []).Select(m => m ?? new Milestone(null, null, null))],
                Team = [.. (plan.Team ?? []).Select(t => t ?? new TeamMember(null, null, null, null))],
            },
            Budget = budget with { Items = [.. (budget.Items ?? []).Select(i => i ?? new BudgetItem(null, null, null))] },
            Signature = record.Signature ?? new Signature(null, false, null),
            Recovered = false,
        };
    }

    /// <summary>Text as a keyboard can type it: line ends as \n, no other control characters or lone surrogates (XML cannot hold them).</summary>
    private static string? Typeable(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var kept = new System.Text.StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (char.IsHighSurrogate(c) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                kept.Append(c).Append(normalized[++i]);
            }
            else if (c is '\t' or '\n' || (c >= ' ' && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF'))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Integer(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Two decimals as the template asks (100.00); an amount with more keeps them, so the rules still see it.</summary>
    private static string? Amount(decimal? value) => value is not { } v ? null
        : decimal.Round(v, 2) == v ? v.ToString("0.00", CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);
}
