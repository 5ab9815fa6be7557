using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace StrongChain.Docs.Documents.Rendering;

/// <summary>
/// .docx → PDF through LibreOffice headless (<c>soffice --convert-to pdf</c>), shared by every document the service
/// publishes. At most <see cref="PdfRendererOptions.Workers"/> conversions run at once, each worker in its own profile
/// directory (two conversions sharing one can lose a file while exiting 0); each is killed after the timeout; its output
/// must exist and start with <c>%PDF</c>. PDFs are cached on disk by the SHA-256 of the .docx, and concurrent requests
/// for one .docx share one conversion.
/// </summary>
public sealed class PdfRenderer : IDisposable
{
    /// <summary>What to install where LibreOffice is missing (Debian).</summary>
    public const string InstallCommand = "apt-get install libreoffice-writer-nogui fonts-noto-cjk";

    private const string FontConfigResource = "StrongChain.Docs.Documents.Rendering.fonts.conf";

    private readonly PdfRendererOptions _options;
    private readonly IPdfConverter? _converter;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentQueue<int> _freeWorkers = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _inFlight = new(StringComparer.Ordinal);
    private readonly string _cache;
    private readonly string _profiles;
    private readonly string _jobs;
    private readonly FileStream _profileLock;
    private int _processesStarted;

    /// <param name="options">Settings.</param>
    /// <param name="converter">When given, converts instead of LibreOffice (which is then not needed).</param>
    public PdfRenderer(PdfRendererOptions options, IPdfConverter? converter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _converter = converter;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1, nameof(options));
        _options = options;
        _slots = new SemaphoreSlim(options.Workers, options.Workers);
        for (var i = 0; i < options.Workers; i++)
        {
            _freeWorkers.Enqueue(i);
        }

        _cache = Path.Combine(options.Directory, "cache");
        _profiles = Path.Combine(options.Directory, "profiles");
        _jobs = Path.Combine(options.Directory, "jobs");
        Directory.CreateDirectory(_cache);
        Directory.CreateDirectory(_jobs);
        (_profiles, _profileLock) = ClaimProfileSet(Path.Combine(options.Directory, "profiles"));
        FontConfigFile = Path.Combine(options.Directory, "fonts.conf");
        WriteFontConfig(FontConfigFile);
        SofficePath = Resolve(options.Soffice);
    }

    /// <summary>The LibreOffice program found, or null when it is not installed.</summary>
    public string? SofficePath { get; }

    public bool IsAvailable => _converter is not null || SofficePath is not null;

    /// <summary>The converter used instead of LibreOffice, if any.</summary>
    public IPdfConverter? Converter => _converter;

    /// <summary>The fontconfig file given to LibreOffice (the shipped aliases, including the system configuration).</summary>
    public string FontConfigFile { get; }

    /// <summary>How many LibreOffice processes this renderer has started (cache hits start none).</summary>
    public int ProcessesStarted => Volatile.Read(ref _processesStarted);

    /// <summary>The profile directory of worker <paramref name="worker"/> (0-based).</summary>
    public string ProfileDirectory(int worker) => Path.Combine(_profiles, "worker-" + worker.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The PDF of <paramref name="docx"/>: from the cache, or converted now.</summary>
    /// <exception cref="PdfRenderingException">LibreOffice is missing, timed out or gave no valid PDF.</exception>
    public async Task<byte[]> RenderAsync(byte[] docx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(docx);
        var hash = Convert.ToHexStringLower(SHA256.HashData(docx));
        var cached = Path.Combine(_cache, hash + ".pdf");
        if (await ReadValidPdfAsync(cached, ct) is { } hit)
        {
            return hit;
        }

        if (_converter is null && SofficePath is null)
        {
            throw new PdfRenderingException(PdfFailure.Unavailable, $"LibreOffice ('{_options.Soffice}') is not installed; install it with: {InstallCommand}");
        }

        // One conversion per .docx however many ask at once; a caller that gives up does not cancel it for the others.
        var conversion = _inFlight.GetOrAdd(hash, h => new Lazy<Task<byte[]>>(() => ConvertAndCacheAsync(docx, h, cached)));
        return await conversion.Value.WaitAsync(ct);
    }

    public void Dispose()
    {
        _slots.Dispose();
        _profileLock.Dispose();
    }

    /// <summary>The external converter, within the same timeout and held to the same <c>%PDF</c> check as LibreOffice.</summary>
    private async Task<byte[]> ConvertExternallyAsync(byte[] docx)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout);
        byte[] pdf;
        try
        {
            pdf = await _converter!.ConvertAsync(docx, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new PdfRenderingException(PdfFailure.Timeout, $"The {_converter!.Name} conversion took longer than {_options.Timeout.TotalSeconds:0} s.");
        }
        catch (Exception e) when (e is not PdfRenderingException)
        {
            throw new PdfRenderingException(PdfFailure.Failed, $"The {_converter!.Name} conversion failed: {e.Message}");
        }

        return pdf.AsSpan().StartsWith("%PDF"u8) ? pdf
            : throw new PdfRenderingException(PdfFailure.Failed, $"The {_converter.Name} conversion gave no PDF.");
    }

    /// <summary>
    /// The first set of worker profiles no other live renderer holds (an exclusive lock on its <c>.owner</c> file),
    /// so service instances sharing a data folder never share a profile, and a restarted one reuses its made profiles.
    /// </summary>
    private static (string Directory, FileStream Lock) ClaimProfileSet(string root)
    {
        for (var set = 0; ; set++)
        {
            var directory = Path.Combine(root, "set-" + set.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            try
            {
                return (directory, new FileStream(Path.Combine(directory, ".owner"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (set < 1000)
            {
                // Held by another renderer: try the next set.
            }
        }
    }

    private async Task<byte[]> ConvertAndCacheAsync(byte[] docx, string hash, string cached)
    {
        await _slots.WaitAsync();
        if (!_freeWorkers.TryDequeue(out var worker))
        {
            _slots.Release();
            throw new InvalidOperationException("A conversion slot was free but no worker was.");
        }

        try
        {
            var pdf = _converter is null ? await ConvertAsync(docx, worker) : await ConvertExternallyAsync(docx);
            var temporary = cached + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, pdf);
            File.Move(temporary, cached, overwrite: true);
            return pdf;
        }
        finally
        {
            _freeWorkers.Enqueue(worker);
            _slots.Release();
            // Later callers read the cache (or, after a failure, try again).
            _inFlight.TryRemove(hash, out _);
        }
    }

    private async Task<byte[]> ConvertAsync(byte[] docx, int worker)
    {
        var job = Directory.CreateDirectory(Path.Combine(_jobs, Guid.NewGuid().ToString("N")));
        try
        {
            var input = Path.Combine(job.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx);
            var profile = ProfileDirectory(worker);
            var start = new ProcessStartInfo(SofficePath!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = job.FullName,
            };
            start.Environment["FONTCONFIG_FILE"] = FontConfigFile;
            foreach (var argument in (string[])[
                "-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri,
                "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
                "--convert-to", "pdf", "--outdir", job.FullName, input])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = new Process { StartInfo = start };
            process.Start();
            Interlocked.Increment(ref _processesStarted);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(_options.Timeout))
            {
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    // A profile killed while LibreOffice wrote it may be half made: the next run of this worker starts afresh.
                    TryDelete(profile);
                    throw new PdfRenderingException(PdfFailure.Timeout, $"LibreOffice did not finish within {_options.Timeout.TotalSeconds:0.#} s; its processes were killed.");
                }
            }

            await Task.WhenAll(output, error);
            var pdf = Path.Combine(job.FullName, "document.pdf");
            if (process.ExitCode != 0 || await ReadValidPdfAsync(pdf, CancellationToken.None) is not { } bytes)
            {
                var detail = (await error).Trim();
                throw new PdfRenderingException(PdfFailure.Failed,
                    $"LibreOffice exited {process.ExitCode} without a valid PDF{(detail.Length > 0 ? ": " + detail[..Math.Min(detail.Length, 500)] : ".")}");
            }

            return bytes;
        }
        finally
        {
            TryDelete(job.FullName);
        }
    }

    private static async Task<byte[]?> ReadValidPdfAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, ct);
        return bytes.AsSpan().StartsWith("%PDF"u8) ? bytes : null;
    }

    private static string? Resolve(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }

    private static void WriteFontConfig(string path)
    {
        using var resource = typeof(PdfRenderer).Assembly.GetManifestResourceStream(FontConfigResource)
            ?? throw new InvalidOperationException("The embedded fonts.conf is missing from the build.");
        using var reader = new StreamReader(resource);
        var text = reader.ReadToEnd();
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next start; a job folder is never read again.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
