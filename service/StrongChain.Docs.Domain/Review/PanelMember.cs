namespace StrongChain.Docs.Domain.Review;

/// <summary>An expert on the review panel of one demand: who signs in (<see cref="ExpertId"/>, the token's subject) and whom they work for.</summary>
public sealed record PanelMember(
    string DemandId,
    string ExpertId,
    string Name,
    string Organisation,
    string OrganisationCreditCode,
    string? Field);
