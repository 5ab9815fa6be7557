using StrongChain.Docs.Api.Applications;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Reports;
using StrongChain.Docs.Storage.Consortia;
using StrongChain.Docs.Storage.Reports;

namespace StrongChain.Docs.Api.Reports;

/// <summary>
/// <c>POST /api/consortia/{id}/milestones/{n}/reports</c>: the consortium and milestone (404), the caller (lead unit or staff,
/// 403), the guarded read (the same 4xx as applications), the form's own consortium and milestone (409), the checks (422 on
/// errors), then one transaction storing the version, its receipt, audit entry and archive work.
/// </summary>
public sealed class ProgressReportSubmitter(IConsortiumStore consortia, IProgressReportStore reports, IProgrammeCatalogue catalogue)
{
    /// <summary>The consortium and milestone, visible to the caller (staff or a party); 404 otherwise.</summary>
    public async Task<(Consortium Consortium, ConsortiumMilestone Milestone)> FindAsync(string consortiumId, int number, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var consortium = await consortia.FindAsync(consortiumId, actor.IsStaff ? null : actor.CreditCode ?? "", ct)
            ?? throw ApiProblemException.NotFound("unknown-consortium", $"创新联合体“{consortiumId}”不存在。", $"There is no consortium '{consortiumId}'.");
        var milestone = consortium.Milestones.FirstOrDefault(m => m.Number == number)
            ?? throw ApiProblemException.NotFound("unknown-milestone", $"创新联合体“{consortiumId}”没有第 {number} 个里程碑。",
                $"Consortium '{consortiumId}' has no milestone {number}.");
        return (consortium, milestone);
    }

    /// <summary>Reads and checks an upload without storing it: what the upload would answer (errors included).</summary>
    public async Task<ProgressReportCheck> CheckAsync(Consortium consortium, int number, byte[] bytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(consortium);
        var form = FilledFormReader.Read(bytes, ProgressReportForm.Catalogue);
        var identity = ProgressReportRules.Read(form);
        if (identity.ConsortiumId is null || identity.MilestoneNumber is null || form.Recovery is { Readable: false })
        {
            throw ApiProblemException.BadRequest("not-a-report-form",
                "该文件不是本平台生成的进展报告表，请下载本里程碑的进展报告表后填写。",
                "This file is not a progress report form made by this service; download the milestone's form and fill it in.");
        }

        if (identity.ConsortiumId != consortium.Id)
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "report-form-other-consortium",
                $"该进展报告表是为创新联合体“{identity.ConsortiumId}”生成的，不能用于“{consortium.Id}”。",
                $"This report form was made for consortium '{identity.ConsortiumId}', not '{consortium.Id}'.");
        }

        if (identity.MilestoneNumber != number)
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "report-form-other-milestone",
                $"该进展报告表是为第 {identity.MilestoneNumber} 个里程碑生成的，不能用于第 {number} 个里程碑。",
                $"This report form was made for milestone {identity.MilestoneNumber}, not milestone {number}.");
        }

        var elsewhere = await reports.SpendElsewhereAsync(consortium.Id, number, ct);
        return ProgressReportRules.Check(form, consortium, elsewhere);
    }

    public async Task<ProgressReportSubmitted> SubmitAsync(string consortiumId, int number, byte[] bytes, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (consortium, _) = await FindAsync(consortiumId, number, actor, ct);
        var lead = consortium.Parties.FirstOrDefault(p => p.Role == "乙方")?.CreditCode;
        if (!actor.IsStaff && (lead is null || actor.CreditCode != lead))
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "not-lead-unit",
                "进展报告由牵头揭榜单位提交。", "Progress reports are submitted by the lead applicant unit.");
        }

        var check = await CheckAsync(consortium, number, bytes, ct);
        if (check.HasErrors)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "report-has-errors",
                "进展报告存在错误，请按提示修改后再提交。", "The progress report has errors; correct them and submit again.")
            { Findings = [.. check.Findings] };
        }

        var receipt = await reports.SubmitAsync(new NewProgressReport(consortium, number, bytes, check.Record, check.Findings, actor), ct);
        var zone = (await catalogue.FindRoundAsync(consortium.RoundId, ct))?.TimeZone ?? "Asia/Shanghai";
        return new ProgressReportSubmitted(receipt with { SubmittedAt = ApplicationSubmitter.InZoneOf(receipt.SubmittedAt, zone) }, check.Record, check.Findings);
    }
}

/// <summary>The answer of an upload: the receipt, the record as read and the warnings kept with it.</summary>
public sealed record ProgressReportSubmitted(ProgressReportReceipt Receipt, ProgressReportRecord Record, IReadOnlyList<Finding> Findings);
