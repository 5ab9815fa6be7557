using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Templates;
using StrongChain.Docs.Documents.Review;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage.Applications;
using StrongChain.Docs.Storage.Review;

namespace StrongChain.Docs.Api.Review;

/// <summary>
/// Decision letters (评审结果通知书, issue 15): their facts are fixed when staff decide (rank and weighted total from the
/// demand's scoring results at that moment, the date in the round's zone) and kept with the decision; the .docx is
/// regenerated from them, byte for byte, for the mail's attachment and for downloads.
/// </summary>
public sealed class DecisionLetters(IApplicationStore applications, IScoreStore scores, IProgrammeCatalogue catalogue, TimeProvider time)
{
    /// <summary>The letter's facts for a decision on the application's latest version, now.</summary>
    public async Task<DecisionLetterFacts> FactsAsync(ApplicationSummary application, string decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var demand = await catalogue.FindDemandAsync(application.DemandId, ct) ?? throw ApiProblemException.UnknownDemand(application.DemandId);
        var round = await catalogue.FindRoundAsync(demand.RoundId, ct) ?? throw new InvalidOperationException($"Demand {demand.Id} names a round that is not loaded.");
        var (_, results) = await ScoringController.AggregateAsync(scores, applications, demand, await scores.ScoresAsync([demand.Id], ct), ct);
        var mine = results.FirstOrDefault(r => r.ApplicationId == application.Id && r.Rank is not null);
        return new DecisionLetterFacts(application.Id, application.ReceiptNo, application.LatestVersion, application.OrganisationName, application.CreditCode,
            demand.Id, demand.Title, demand.Issuer, round.Id, round.Name, decision, mine?.Rank, mine is null ? null : results.Count(r => r.Rank is not null),
            mine?.WeightedTotal, round.LocalDate(time.GetUtcNow()));
    }

    public static byte[] Build(DecisionLetterFacts facts) => DecisionLetterDocument.Build(DecisionLetterContent.Compose(facts));

    /// <summary>The letter as the decision mail's attachment.</summary>
    public static MailAttachment Attachment(DecisionLetterFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new MailAttachment(DecisionLetterContent.FileName(facts.ReceiptNo), TemplatesController.DocxContentType, Build(facts));
    }
}
