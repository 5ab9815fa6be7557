using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Text;

namespace StrongChain.Docs.Domain.Findings.Rules;

/// <summary>承诺事项: every box ticked; earlier cooperation with the issuer flagged for staff (condition 3).</summary>
internal static class DeclarationRules
{
    public static void Apply(RuleContext context)
    {
        foreach (var (tag, _) in ApplicationForm.Declarations)
        {
            if (!context.Values.Checked(tag))
            {
                context.Error(tag, FindingCodes.DeclarationUnchecked);
            }
        }

        if (context.Values.Text("priorCooperation") is { } prior && !MeansNone(prior))
        {
            context.Warning("priorCooperation", FindingCodes.PriorCooperationDeclared);
        }
    }

    /// <summary>"无", "none" in any case, with a closing full stop or not.</summary>
    public static bool MeansNone(string text)
    {
        var s = ChineseText.ToHalfWidth(text).Trim().TrimEnd('。', '.').Trim();
        return s == "无" || s.Equals("none", StringComparison.OrdinalIgnoreCase);
    }
}
