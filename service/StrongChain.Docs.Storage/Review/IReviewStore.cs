using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Review;

/// <summary>The review stage's rows (issue 15): panels, invitations, the parties of applications and agreements, and read audit.</summary>
public interface IReviewStore
{
    Task<IReadOnlyList<PanelMember>> PanelAsync(string demandId, CancellationToken ct);

    /// <summary>Every panel seat of one expert (the demands whose applications they may read).</summary>
    Task<IReadOnlyList<PanelMember>> AssignmentsAsync(string expertId, CancellationToken ct);

    /// <summary>Adds the member with its audit entry; false when the expert already sits on the demand's panel.</summary>
    Task<bool> AssignAsync(PanelMember member, Actor actor, CancellationToken ct);

    Task<bool> RemoveAsync(string demandId, string expertId, Actor actor, CancellationToken ct);

    /// <summary>The organisations of the latest version of every application to these demands.</summary>
    Task<IReadOnlyList<ApplicationParties>> PartiesAsync(IReadOnlyCollection<string> demandIds, CancellationToken ct);

    /// <summary>Every stored agreement with its issuer and its application's organisations.</summary>
    Task<IReadOnlyList<PastAgreement>> AgreementsAsync(CancellationToken ct);

    Task<Invitation?> InvitationAsync(string demandId, CancellationToken ct);

    /// <summary>The invitation-only demands among these ids (all when null).</summary>
    Task<IReadOnlyDictionary<string, Invitation>> InvitationsAsync(IReadOnlyCollection<string>? demandIds, CancellationToken ct);

    /// <summary>Makes the demand invitation-only with these codes, or an open call again (null), with its audit entry.</summary>
    Task SetInvitationAsync(string demandId, IReadOnlyList<string>? creditCodes, Actor actor, CancellationToken ct);

    /// <summary>One audit entry per application read (action <c>application.read</c>, <c>application.document</c>, …).</summary>
    Task RecordReadsAsync(Actor actor, string action, IReadOnlyList<string> applicationIds, object? detail, CancellationToken ct);

    Task<IReadOnlyList<AuditEntry>> AuditAsync(string? entityId, string? action, int limit, CancellationToken ct);
}
