using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Text;

namespace StrongChain.Docs.Domain.Findings.Rules;

/// <summary>技术方案: project period, item counts of the repeating sections, milestone dates, team organisations.</summary>
internal static class PlanRules
{
    public static void Apply(RuleContext context)
    {
        var values = context.Values;
        foreach (var repeat in ApplicationForm.Repeats.Where(r => r.MinItems > 0))
        {
            if (values.ItemsOf(repeat.Tag).Count < repeat.MinItems)
            {
                context.Error(repeat.Tag, FindingCodes.Required, "items", RuleContext.Args(("min", $"{repeat.MinItems}")));
            }
        }

        var start = values.Date("project.start");
        var end = values.Date("project.end");
        var periodOk = false;
        if (start is { } s && end is { } e)
        {
            var max = context.Round.MaxProjectMonths;

            // "At most N months later" means end ≤ start.AddMonths(N): 2021-04-01 + 36 months allows up to 2024-04-01.
            var latest = s.AddMonths(Math.Clamp(max, 0, 1200));
            if (e <= s)
            {
                context.Error("project.end", FindingCodes.DateOrder, "end", RuleContext.Args(("start", RuleContext.Date(s))));
            }
            else if (e > latest)
            {
                context.Error("project.end", FindingCodes.ProjectTooLong, args: RuleContext.Args(("max", $"{max}"), ("latest", RuleContext.Date(latest))));
            }
            else
            {
                periodOk = true;
            }
        }

        DateOnly? previous = null;
        foreach (var i in values.ItemsOf("milestones"))
        {
            var path = $"milestones[{i}].due";
            if (values.Date(path) is not { } due)
            {
                continue;
            }

            if (periodOk && (due < start || due > end))
            {
                context.Error(path, FindingCodes.DateOrder, "period", RuleContext.Args(("start", RuleContext.Date(start!.Value)), ("end", RuleContext.Date(end!.Value))));
            }
            else if (previous is { } p && due < p)
            {
                context.Error(path, FindingCodes.DateOrder, "previous", RuleContext.Args(("previous", RuleContext.Date(p))));
            }

            previous = due;
        }

        CheckTeamOrganizations(context);
    }

    private static void CheckTeamOrganizations(RuleContext context)
    {
        var values = context.Values;
        List<string> parties = [.. new[] { values.Text("applicant.name") }
            .Concat(values.ItemsOf("coApplicants").Select(i => values.Text($"coApplicants[{i}].name")))
            .OfType<string>()
            .Select(Fold)
            .Where(n => n.Length > 0)];
        if (parties.Count == 0)
        {
            return; // no party named yet: the missing names are the finding
        }

        foreach (var i in values.ItemsOf("team"))
        {
            var path = $"team[{i}].organization";
            if (values.Text(path) is not { } organization)
            {
                continue;
            }

            var org = Fold(organization);
            if (!parties.Any(p => p.Contains(org, StringComparison.Ordinal) || org.Contains(p, StringComparison.Ordinal)))
            {
                context.Warning(path, FindingCodes.MemberOrganizationUnknown);
            }
        }
    }

    /// <summary>Compare names as typed in either input mode: half-width, no whitespace, case-insensitive.</summary>
    private static string Fold(string name) => string.Concat(ChineseText.ToHalfWidth(name).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
