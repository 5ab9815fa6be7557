namespace StrongChain.Docs.Api.Problems;

/// <summary>A request the service refuses, turned into ProblemDetails by <see cref="ProblemHandler"/>.</summary>
public sealed class ApiProblemException(int status, string code, string messageZh, string messageEn)
    : Exception(messageEn)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string MessageZh { get; } = messageZh;

    public string MessageEn { get; } = messageEn;

    public IReadOnlyList<object>? Findings { get; init; }

    public static ApiProblemException NotFound(string code, string zh, string en) => new(StatusCodes.Status404NotFound, code, zh, en);

    public static ApiProblemException BadRequest(string code, string zh, string en) => new(StatusCodes.Status400BadRequest, code, zh, en);

    /// <summary>404 <c>unknown-round</c>: the one wording every route uses for a round that is not stored.</summary>
    public static ApiProblemException UnknownRound(string? roundId) =>
        NotFound("unknown-round", $"批次“{roundId}”不存在。", $"There is no round '{roundId}'.");

    /// <summary>404 <c>unknown-demand</c>: the one wording every route uses for a demand that is not stored.</summary>
    public static ApiProblemException UnknownDemand(string? demandId) =>
        NotFound("unknown-demand", $"需求编号“{demandId}”不存在。", $"There is no demand '{demandId}'.");
}
