using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Domain.Records;

/// <summary>What type a field's value has in the record.</summary>
public enum RecordValueType
{
    Text,
    Integer,
    Amount,
    Date,
    List,
    Check,
    Picture,
}

/// <summary>
/// Where each catalogue field lives in <see cref="ApplicationRecord"/> (as JSON, camelCase) and what type it has there,
/// so a client can fill a record from the catalogue alone: <c>applicant.name</c>, <c>plan.indicators[].target</c>.
/// </summary>
public static class RecordPaths
{
    public static RecordValueType ValueTypeOf(FormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind switch
        {
            FieldKind.Date => RecordValueType.Date,
            FieldKind.List => RecordValueType.List,
            FieldKind.Check => RecordValueType.Check,
            FieldKind.Picture => RecordValueType.Picture,
            _ => field.Tag switch
            {
                "applicant.staffCount" or "applicant.rdStaffCount" => RecordValueType.Integer,
                "applicant.lastYearRevenue" or "applicant.lastYearRdSpend" or "budget.total" or "budget.issuerFunds"
                    or "budget.applicantFunds" or "budget.requestedSupport" or "budgetItem.amount" => RecordValueType.Amount,
                _ => RecordValueType.Text,
            },
        };
    }

    /// <summary>The JSON path of a field in the record; <c>[]</c> stands for the item of a repeating section.</summary>
    public static string PathOf(FormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var name = field.Name;
        return field.Tag switch
        {
            "round.id" => "demand.roundId",
            "priorCooperation" => "priorCooperation",
            "project.start" => "plan.start",
            "project.end" => "plan.end",
            "sign.seal" => "signature.sealPresent",
            _ when field.Tag.StartsWith("decl.", StringComparison.Ordinal) => "declarations." + name,
            _ when field.Tag.StartsWith("sign.", StringComparison.Ordinal) => "signature." + name,
            _ => field.Repeat switch
            {
                "coApplicants" => "coApplicants[]." + name,
                "indicators" => "plan.indicators[]." + name,
                "milestones" => "plan.milestones[]." + name,
                "team" => "plan.team[]." + name,
                "budgetItems" => "budget.items[]." + name,
                _ => field.Tag,
            },
        };
    }

    /// <summary>The JSON path of a repeating section's list in the record.</summary>
    public static string PathOf(RepeatSection repeat)
    {
        ArgumentNullException.ThrowIfNull(repeat);
        return repeat.Tag switch
        {
            "coApplicants" => "coApplicants",
            "budgetItems" => "budget.items",
            _ => "plan." + repeat.Tag,
        };
    }
}
