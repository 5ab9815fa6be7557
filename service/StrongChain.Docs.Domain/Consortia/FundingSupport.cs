namespace StrongChain.Docs.Domain.Consortia;

/// <summary>
/// The committee's support of one consortium: the round's ratio of the joint R&amp;D investment (issuer + applicants), never
/// more than the application asked for, rounded DOWN to 0.01 万元 (100 yuan) so the committed amount never exceeds the ratio.
/// </summary>
public static class FundingSupport
{
    /// <summary>Amounts are in 万元; 0.01 万元 is the programme's unit of account (application-form.md).</summary>
    public const int Decimals = 2;

    public static decimal Amount(decimal supportRatio, decimal jointInvestment, decimal requestedSupport)
    {
        if (supportRatio <= 0 || jointInvestment <= 0)
        {
            return 0m;
        }

        var byRatio = Math.Round(supportRatio * jointInvestment, Decimals, MidpointRounding.ToZero);
        return Math.Max(0m, Math.Min(byRatio, Math.Round(requestedSupport, Decimals, MidpointRounding.ToZero)));
    }
}
