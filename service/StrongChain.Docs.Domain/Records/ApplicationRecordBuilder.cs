using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Domain.Records;

/// <summary>The typed record of a filled form and the findings about values that could not be typed.</summary>
public sealed record RecordBuild(ApplicationRecord Record, IReadOnlyList<Finding> Findings);

/// <summary>
/// Stage "filled document" → stage "record": trims text, types dates, integers, amounts, list values and check
/// boxes, and drops the empty items Word leaves in repeating sections. Never throws for user data.
/// </summary>
public static class ApplicationRecordBuilder
{
    public static RecordBuild Build(FilledForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = FormValues.Read(form);
        return new RecordBuild(BuildRecord(values), FindingOrder.Sort(values.Findings));
    }

    internal static ApplicationRecord BuildRecord(FormValues v)
    {
        var markers = v.Form.Markers;
        return new ApplicationRecord(
            new FormIdentity(markers?.TemplateVersion ?? "", markers?.RoundId ?? "", markers?.DemandId ?? ""),
            new DemandFacts(v.Text("demand.id"), v.Text("demand.title"), v.Text("demand.issuer"), v.Text("demand.sector"), v.Text("round.id")),
            new LeadApplicant(
                v.Text("applicant.name"),
                CreditCodeOf(v.Text("applicant.creditCode")),
                v.Typed<string>("applicant.orgType"),
                v.Typed<string>("applicant.region"),
                v.Text("applicant.legalRepresentative"),
                v.Date("applicant.established"),
                v.Text("applicant.address"),
                v.Text("applicant.contactName"),
                v.Text("applicant.contactPhone"),
                v.Text("applicant.contactEmail"),
                v.Integer("applicant.staffCount"),
                v.Integer("applicant.rdStaffCount"),
                v.Amount("applicant.lastYearRevenue"),
                v.Amount("applicant.lastYearRdSpend"),
                v.Text("applicant.transformationRecord")),
            [.. Items(v, "coApplicants", p => new CoApplicant(
                v.Text(p("name")),
                CreditCodeOf(v.Text(p("creditCode"))),
                v.Typed<string>(p("orgType")),
                v.Typed<string>(p("region")),
                v.Text(p("task")),
                v.Text(p("contactName")),
                v.Text(p("contactPhone"))))],
            new Declarations(
                v.Checked("decl.independentLegalPerson"),
                v.Checked("decl.firstCooperation"),
                v.Checked("decl.goodStanding"),
                v.Checked("decl.truthful")),
            v.Text("priorCooperation"),
            new TechnicalPlan(
                v.Text("plan.summary"),
                v.Text("plan.approach"),
                v.Text("plan.foundation"),
                v.Text("plan.leaderName"),
                v.Text("plan.leaderTitle"),
                v.Text("plan.leaderPhone"),
                v.Date("project.start"),
                v.Date("project.end"),
                [.. Items(v, "indicators", p => new Indicator(v.Text(p("name")), v.Text(p("target"))))],
                [.. Items(v, "milestones", p => new Milestone(v.Text(p("name")), v.Date(p("due")), v.Text(p("deliverable"))))],
                [.. Items(v, "team", p => new TeamMember(v.Text(p("name")), v.Text(p("title")), v.Text(p("organization")), v.Text(p("role"))))]),
            new Budget(
                v.Amount("budget.total"),
                v.Amount("budget.issuerFunds"),
                v.Amount("budget.applicantFunds"),
                v.Amount("budget.requestedSupport"),
                [.. Items(v, "budgetItems", p => new BudgetItem(v.Typed<string>(p("category")), v.Amount(p("amount")), v.Text(p("note"))))]),
            new Signature(v.Text("sign.legalRepresentative"), v.HasImage("sign.seal"), v.Date("sign.date")),
            Recovered: v.Form.Recovery is { Readable: true });
    }

    /// <summary>The record keeps the normalised code (half-width, upper case), whatever its validity.</summary>
    private static string? CreditCodeOf(string? text) =>
        text is null ? null : CreditCodes.UnifiedCreditCode.Normalize(text) is { Length: > 0 } code ? code : null;

    private static IEnumerable<T> Items<T>(FormValues v, string repeatTag, Func<Func<string, string>, T> make) =>
        v.ItemsOf(repeatTag).Select(i => make(name => $"{repeatTag}[{i}].{name}"));
}
