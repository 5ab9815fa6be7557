using StrongChain.Docs.Domain.Outbox;

namespace StrongChain.Docs.Microsoft365;

/// <summary>
/// Without Microsoft 365: the archive is <c>{data}/archive</c>, the publishing library <c>{data}/published</c>, and mail is
/// written as <c>{data}/outbox/{message id}.eml</c>. Files are written aside and moved in, so a repeat replaces them whole.
/// </summary>
public sealed class LocalDeliveryTarget(string dataDirectory, string sender, TimeProvider time) : IDeliveryTarget
{
    public string Name => "local";

    public string ArchiveDirectory { get; } = Path.Combine(dataDirectory, "archive");

    public string PublishedDirectory { get; } = Path.Combine(dataDirectory, "published");

    public string OutboxDirectory { get; } = Path.Combine(dataDirectory, "outbox");

    public async Task UploadAsync(DeliveryLibrary library, string path, byte[] bytes, CancellationToken ct)
    {
        var root = library == DeliveryLibrary.Archive ? ArchiveDirectory : PublishedDirectory;
        await WriteAsync(Within(root, path), bytes, ct);
    }

    public async Task SendMailAsync(OutgoingMail mail, bool mayHaveBeenSent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        // The file is named by the message id: writing it again replaces it, so a repeat sends nothing twice.
        var name = DeliveryPaths.Segment(mail.MessageId.Trim('<', '>')) + ".eml";
        await WriteAsync(Path.Combine(OutboxDirectory, name), EmlWriter.Write(mail, sender, time.GetUtcNow()), ct);
    }

    private static string Within(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new DeliveryException($"The path '{relative}' leaves the library.");
        }

        return full;
    }

    private static async Task WriteAsync(string path, byte[] bytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
    }
}
