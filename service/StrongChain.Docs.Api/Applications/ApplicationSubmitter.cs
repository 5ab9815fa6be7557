using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.CreditCodes;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage.Applications;

namespace StrongChain.Docs.Api.Applications;

/// <summary>
/// <c>POST /api/applications</c>: check (422 on errors), the round's window (409), the caller's organisation (403),
/// then one transaction that stores the bytes, the version, the receipt, the audit entry and the outbox work
/// (archive, receipt mail) that a Graph outage only delays.
/// </summary>
public sealed class ApplicationSubmitter(ApplicationChecker checker, IApplicationStore store, TimeProvider time)
{
    public async Task<SubmissionReceipt> SubmitAsync(byte[] bytes, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var result = await checker.CheckAsync(bytes, ct);
        var check = result.Check;
        if (!check.Complete)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "form-has-errors",
                "申报书存在错误，请按提示修改后再提交。", "The form has errors; correct them and submit again.")
            { Findings = [.. check.Findings] };
        }

        // The demand and round the check read: looking them up again would cost two more queries per submit.
        var (round, demand) = (result.Round, result.Demand);
        if (demand.ReviewStatus != Demand.Approved)
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "demand-not-published",
                $"需求“{demand.Id}”尚未通过专家论证，不能申报。", $"Demand '{demand.Id}' has not passed expert review and takes no applications.");
        }

        if (!round.IsOpenAt(time.GetUtcNow()))
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "window-closed",
                $"不在本批次申报时间内（{round.Opens:yyyy-MM-dd HH:mm:ss} 至 {round.Closes:yyyy-MM-dd HH:mm:ss}，北京时间），不能提交。",
                $"Outside the round's application window ({round.Opens:yyyy-MM-dd HH:mm:ss} to {round.Closes:yyyy-MM-dd HH:mm:ss}, Beijing time).");
        }

        var creditCode = UnifiedCreditCode.Normalize(check.Record.Applicant.CreditCode);
        if (creditCode != actor.CreditCode)
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "organisation-mismatch",
                "申报书中的申报单位统一社会信用代码与当前登录单位不一致。",
                "The applicant's credit code in the form is not the signed-in organisation's.");
        }

        var receipt = await store.SubmitAsync(new NewSubmission(
            demand.Id, round.Id, creditCode, check.Record.Applicant.Name ?? creditCode, bytes,
            check.Record, check.Findings, check.Complete, check.Eligible, actor), ct);
        return receipt with { SubmittedAt = InZone(receipt.SubmittedAt, round) };
    }

    public static DateTimeOffset InZone(DateTimeOffset instant, Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return InZoneOf(instant, round.TimeZone);
    }

    public static DateTimeOffset InZoneOf(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
}
