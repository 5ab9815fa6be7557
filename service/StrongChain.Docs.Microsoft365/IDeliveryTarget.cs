using StrongChain.Docs.Domain.Outbox;

namespace StrongChain.Docs.Microsoft365;

/// <summary>Which library an upload goes to.</summary>
public enum DeliveryLibrary
{
    /// <summary>Submitted forms and their check reports.</summary>
    Archive,

    /// <summary>Published bulletins.</summary>
    Publishing,
}

/// <summary>
/// Where outbox work is delivered: Microsoft 365 through Graph, or local folders standing in for it. Each call is
/// idempotent: an upload replaces the file at its path; a mail carries a fixed message id.
/// </summary>
public interface IDeliveryTarget
{
    /// <summary><c>graph</c> or <c>local</c> (shown to staff).</summary>
    string Name { get; }

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="path"/> in the library, replacing what is there.</summary>
    Task UploadAsync(DeliveryLibrary library, string path, byte[] bytes, CancellationToken ct);

    /// <summary>
    /// Sends the mail. <paramref name="mayHaveBeenSent"/> says an earlier attempt may have got through (its outcome is
    /// unknown): the target then looks for the message id among what was sent before sending again.
    /// </summary>
    Task SendMailAsync(OutgoingMail mail, bool mayHaveBeenSent, CancellationToken ct);
}

/// <summary>A delivery that did not happen; the outbox retries it (at <see cref="RetryAfter"/> when the service said so).</summary>
public sealed class DeliveryException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What a 429/503 asked for in <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
