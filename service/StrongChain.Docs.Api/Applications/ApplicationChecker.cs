using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Review;
using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Applications;

/// <summary>Filled document → record → findings: the check behind <c>POST /api/applications/check</c>.</summary>
public sealed class ApplicationChecker(IProgrammeCatalogue catalogue, DemandLookupCache lookups, TimeProvider time, InvitationGuard invitations)
{
    public async Task<CheckResult> CheckAsync(byte[] docx, CancellationToken ct)
    {
        var form = FilledFormReader.Read(docx);
        if (!form.Markers.IsOurs)
        {
            throw ApiProblemException.BadRequest(FindingCodes.UnknownTemplate,
                "该文件不是本平台生成的揭榜任务申报书，请通过“下载申报书”获取模板后填写。",
                "This file is not an application form made by this service; download the form and fill it in.");
        }

        var (demand, round) = await lookups.FindAsync(form.Markers.DemandId!, catalogue, ct)
            ?? throw ApiProblemException.BadRequest("unknown-demand",
                $"申报书所属的需求编号“{form.Markers.DemandId}”不存在，请重新下载申报书。",
                $"The form's demand '{form.Markers.DemandId}' does not exist; download the form again.");

        var check = ApplicationRules.Check(form, round, demand, time.GetUtcNow());
        // Invited bidding: a form that names an organisation not invited is refused, not checked (the submit goes through here too).
        await invitations.EnsureAdmittedAsync(demand, null, check.Record.Applicant.CreditCode, callerRequired: false, ct);
        return new CheckResult(demand, round, form.Markers.TemplateVersion!, check);
    }
}

/// <summary>The answer of a check: which form (the demand and round as read for it), and the record with its findings.</summary>
public sealed record CheckResult(Demand Demand, Round Round, string TemplateVersion, ApplicationCheck Check)
{
    public string DemandId => Demand.Id;

    public string RoundId => Round.Id;
}
