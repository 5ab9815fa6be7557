using Microsoft.AspNetCore.Http.Features;
using StrongChain.Docs.Api.Problems;

namespace StrongChain.Docs.Api.Uploads;

/// <summary>
/// Reads one uploaded file: a multipart part named <c>file</c>, or the raw body with the document's own content type.
/// Never reads more than <see cref="MaxBytes"/> + 1 bytes, so an oversized upload is refused without buffering it.
/// </summary>
public sealed class UploadReader
{
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>Request limit on upload actions: the file plus room for multipart headers.</summary>
    public const long MaxRequestBytes = MaxBytes + (64 * 1024);

    public async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            throw TooLarge();
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // A multipart body without its boundary or end ("unexpected end of stream"), or over the form limits.
                throw ApiProblemException.BadRequest("bad-multipart", "上传的表单格式不正确，请以名为 file 的表单字段重新上传。",
                    "The multipart upload is malformed; upload the file again in a part named 'file'.");
            }

            var file = form.Files.GetFile("file")
                ?? throw ApiProblemException.BadRequest("no-file", "请以名为 file 的表单字段上传文件。", "Upload the file in a multipart part named 'file'.");
            if (file.Length > MaxBytes)
            {
                throw TooLarge();
            }

            await using var part = file.OpenReadStream();
            return await ReadBoundedAsync(part, cancellationToken);
        }

        return await ReadBoundedAsync(request.Body, cancellationToken);
    }

    /// <summary>Multipart limits for the upload actions, matching <see cref="MaxBytes"/>.</summary>
    public static void Configure(FormOptions options) => options.MultipartBodyLengthLimit = MaxRequestBytes;

    private static async Task<byte[]> ReadBoundedAsync(Stream source, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ApiProblemException TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "too-large",
        "上传文件超过 20 MiB 上限，请压缩图片后重试。", "The upload exceeds the 20 MiB limit; compress images and try again.");
}
