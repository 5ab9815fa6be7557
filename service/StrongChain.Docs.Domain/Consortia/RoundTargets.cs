namespace StrongChain.Docs.Domain.Consortia;

/// <summary>
/// A round's settings for the task force (工作专班): how many consortia it aims at and the support budget it may commit
/// (万元; null when none is set, and then nothing can exceed it).
/// </summary>
public sealed record RoundTargets(string RoundId, int ConsortiumTarget, decimal? SupportBudget)
{
    /// <summary>The programme's target of about 30 innovation consortia (programme.md), used until staff set another.</summary>
    public const int DefaultConsortiumTarget = 30;

    public static RoundTargets Default(string roundId) => new(roundId, DefaultConsortiumTarget, null);
}
