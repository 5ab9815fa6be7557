using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Storage;

namespace StrongChain.Docs.Api.Problems;

/// <summary>The one place where refusals become RFC 7807 ProblemDetails with a <c>code</c> and a Chinese/English message.</summary>
public sealed class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ApiProblemException p => Describe(p.Status, p.Code, p.MessageZh, p.MessageEn, p.Findings),
            DocumentRejectedException d => Describe(d.Status, d.Code, d.MessageZh, d.MessageEn, null),
            PdfRenderingException r => PdfUnavailable(httpContext, r),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(),
            BadHttpRequestException b => Describe(b.StatusCode, "bad-request", "请求格式不正确，请检查后重试。", "The request is malformed; check it and try again.", null),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ when StoreErrors.IsUnavailable(exception) => StoreUnavailable(httpContext, exception),
            _ => null,
        };

        if (problem is null)
        {
            if (exception is OperationCanceledException)
            {
                return true;
            }

            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
            problem = Describe(StatusCodes.Status500InternalServerError, "internal-error", "服务内部错误，请稍后重试或联系管理员。", "Internal error; try again later or contact the administrator.", null);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Seconds a client should wait after a 503 <c>store-unavailable</c>.</summary>
    public const int RetryAfterSeconds = 2;

    private ProblemDetails StoreUnavailable(HttpContext httpContext, Exception exception)
    {
        logger.LogWarning(exception, "Store unavailable on {Path}", httpContext.Request.Path);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Describe(StatusCodes.Status503ServiceUnavailable, "store-unavailable",
            "系统繁忙，暂时无法保存，请稍后重试（本次提交未被保存）。", "The store is busy or unavailable; nothing was saved. Try again shortly.", null);
    }

    /// <summary>No PDF now: LibreOffice is missing (with the install line), timed out or failed. The .docx route still works.</summary>
    private ProblemDetails PdfUnavailable(HttpContext httpContext, PdfRenderingException exception)
    {
        if (exception.Failure == PdfFailure.Unavailable)
        {
            return Describe(StatusCodes.Status503ServiceUnavailable, "pdf-renderer-unavailable",
                $"服务器未安装 PDF 生成组件（LibreOffice），暂时无法提供 PDF，Word 版可正常下载。管理员请执行：{PdfRenderer.InstallCommand}",
                $"The PDF renderer (LibreOffice) is not installed; the Word file is available. Administrators: {PdfRenderer.InstallCommand}", null);
        }

        logger.LogError(exception, "PDF rendering failed on {Path}", httpContext.Request.Path);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return exception.Failure == PdfFailure.Timeout
            ? Describe(StatusCodes.Status503ServiceUnavailable, "pdf-render-timeout", "PDF 生成超时，请稍后重试；Word 版可正常下载。", "Making the PDF took too long; try again later. The Word file is available.", null)
            : Describe(StatusCodes.Status503ServiceUnavailable, "pdf-render-failed", "PDF 生成失败，请稍后重试；Word 版可正常下载。", "Making the PDF failed; try again later. The Word file is available.", null);
    }

    public static ProblemDetails TooLarge() =>
        Describe(StatusCodes.Status413PayloadTooLarge, "too-large", "上传文件超过 20 MiB 上限，请压缩图片后重试。", "The upload exceeds the 20 MiB limit; compress images and try again.", null);

    public static ProblemDetails Describe(int status, string code, string zh, string en, IReadOnlyList<object>? findings)
    {
        var problem = new ProblemDetails { Status = status, Title = en, Detail = zh };
        problem.Extensions["code"] = code;
        problem.Extensions["message"] = zh;
        problem.Extensions["messageEn"] = en;
        if (findings is not null)
        {
            problem.Extensions["findings"] = findings;
        }

        return problem;
    }

    /// <summary>Gives framework-made problems (404, 405, 415, model binding) a code too.</summary>
    public static void AddCode(ProblemDetailsContext context)
    {
        var extensions = context.ProblemDetails.Extensions;
        if (extensions.ContainsKey("code"))
        {
            return;
        }

        var (code, zh, en) = context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound => ("not-found", "找不到请求的资源。", "The resource was not found."),
            StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "该地址不支持此请求方法。", "This address does not allow the method."),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported-media-type", "不支持的内容类型：请以名为 file 的表单字段上传文件，或以文件本身的内容类型上传。",
                "Unsupported content type: upload the file as a multipart part named 'file', or as the body with the file's own type."),
            StatusCodes.Status401Unauthorized => ("unauthorized", "请先登录。", "Sign in first."),
            StatusCodes.Status403Forbidden => ("forbidden", "无权执行此操作。", "You may not do this."),
            StatusCodes.Status413PayloadTooLarge => ("too-large", "上传文件超过 20 MiB 上限，请压缩图片后重试。", "The upload exceeds the 20 MiB limit; compress images and try again."),
            _ => ("invalid-request", "请求参数不正确，请检查后重试。", "The request is not valid; check it and try again."),
        };
        extensions["code"] = code;
        extensions.TryAdd("message", zh);
        extensions.TryAdd("messageEn", en);
    }
}
