using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Findings.Rules;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Domain.Findings;

/// <summary>
/// Every rule of application-form.md over a filled form: builds the record, then reports findings in document
/// order. Findings describe user data; nothing here throws for it.
/// </summary>
public static class ApplicationRules
{
    /// <summary>Field and tag of findings about the form as a whole (no control to jump to).</summary>
    public const string FormLevel = "";

    public static ApplicationCheck Check(FilledForm form, Round round, Demand demand, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(demand);

        var values = FormValues.Read(form);
        var record = ApplicationRecordBuilder.BuildRecord(values);
        var markers = form.Markers;

        // Not our form: any other finding would be a guess.
        if (markers is null || !markers.IsOurs || markers.TemplateVersion != ApplicationForm.TemplateVersion)
        {
            return new ApplicationCheck(record, [values.Finding(FormLevel, FindingCodes.UnknownTemplate, Severity.Error)]);
        }

        // Another demand's (or round's) form: checking it against this demand's facts would only add noise.
        if (markers.DemandId != demand.Id || (markers.RoundId is not null && markers.RoundId != round.Id))
        {
            var args = RuleContext.Args(("actual", $"{markers.DemandId} / {markers.RoundId}"), ("expected", $"{demand.Id} / {round.Id}"));
            return new ApplicationCheck(record, [values.Finding(FormLevel, FindingCodes.DemandMismatch, Severity.Error, args: args)]);
        }

        // Another editor lost the controls and the labels are gone too: any value, and so any other finding, would be a guess.
        if (form.Recovery is { Readable: false })
        {
            var args = EditorNames.Args(form.SavedBy);
            return new ApplicationCheck(record, [values.Finding(FormLevel, FindingCodes.FormStructureLost, Severity.Error, args: args)]);
        }

        var context = new RuleContext(values, round, demand, now);
        context.AddRange(values.Findings);
        DemandRules.Apply(context);
        FieldRules.Apply(context);
        PartyRules.Apply(context);
        DeclarationRules.Apply(context);
        PlanRules.Apply(context);
        BudgetRules.Apply(context);
        SignatureRules.Apply(context);
        var findings = form.Recovery is { } recovery ? RecoveryFindings.Apply(values, context.Findings, recovery, form.SavedBy) : context.Findings;
        return new ApplicationCheck(record, FindingOrder.Sort(findings));
    }
}
