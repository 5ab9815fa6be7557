namespace StrongChain.Docs.Domain.Findings.Rules;

/// <summary>签章: the seal (a warning: staff may accept a scan later) and a signing date inside the round's window.</summary>
internal static class SignatureRules
{
    public static void Apply(RuleContext context)
    {
        if (!context.Values.HasImage("sign.seal"))
        {
            context.Warning("sign.seal", FindingCodes.SealMissing);
        }

        if (context.Values.Date("sign.date") is { } date && (date < context.WindowOpens || date > context.WindowCloses))
        {
            context.Error("sign.date", FindingCodes.OutOfRange, "window", RuleContext.Args(
                ("opens", RuleContext.Date(context.WindowOpens)), ("closes", RuleContext.Date(context.WindowCloses))));
        }
    }
}
