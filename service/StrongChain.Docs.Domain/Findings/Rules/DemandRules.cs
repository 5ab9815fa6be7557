using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Domain.Findings.Rules;

/// <summary>The locked demand facts must still read as the demand and round say; the window must be open to submit.</summary>
internal static class DemandRules
{
    public static void Apply(RuleContext context)
    {
        var demand = context.Demand;
        (string Tag, string? Expected)[] locked =
        [
            ("demand.id", demand.Id),
            ("demand.title", demand.Title),
            ("demand.issuer", demand.Issuer),
            ("demand.sector", demand.Sector),
            ("round.id", context.Round.Id),
        ];
        foreach (var (tag, expected) in locked)
        {
            var want = expected?.Trim() ?? "";
            var args = RuleContext.Args(("expected", want));
            var controls = context.Values.AllOf(tag);
            if (controls.Count == 0)
            {
                context.Error(tag, FindingCodes.LockedFieldChanged, args: args);
                continue;
            }

            // Every copy counts: another editor can unlock and change the cover's copy as well as the section's.
            foreach (var control in controls.Where(c => (Clean(tag, c) ?? "") != want))
            {
                context.Error(tag, FindingCodes.LockedFieldChanged, args: args, ordinal: control.Ordinal);
            }
        }

        if (!context.Round.IsOpenAt(context.Now))
        {
            context.Warning("round.id", FindingCodes.WindowClosed, args: RuleContext.Args(
                ("opens", RuleContext.Date(context.WindowOpens)), ("closes", RuleContext.Date(context.WindowCloses))));
        }
    }

    private static string? Clean(string tag, FilledValue value) => FormValues.Clean(ApplicationForm.FindField(tag)!, value);
}
