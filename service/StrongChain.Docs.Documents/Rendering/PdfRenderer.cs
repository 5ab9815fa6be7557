using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace StrongChain.Docs.Documents.Rendering;

/// <summary>
/// .docx → PDF through LibreOffice headless, shared by every document the service publishes. At most
/// <see cref="PdfRendererOptions.Workers"/> conversions run at once, each worker in its own profile directory (two
/// conversions sharing one can lose a file while exiting 0). With <see cref="PdfRendererOptions.Resident"/> each worker
/// keeps one LibreOffice running (started on first use, restarted when it died or timed out) and converts through it;
/// when that fails for a document it falls back once to one <c>soffice --convert-to pdf</c> process. Each conversion is
/// killed after the timeout; its output must exist and start with <c>%PDF</c>. PDFs are cached on disk by the SHA-256
/// of the .docx, and concurrent requests for one .docx share one conversion.
/// </summary>
public sealed class PdfRenderer : IDisposable
{
    /// <summary>What to install where LibreOffice is missing (Debian).</summary>
    public const string InstallCommand = "apt-get install libreoffice-writer-nogui fonts-noto-cjk";

    private const string FontConfigResource = "StrongChain.Docs.Documents.Rendering.fonts.conf";
    private const string HelperResource = "StrongChain.Docs.Documents.Rendering.resident.py";

    /// <summary>How long a resident LibreOffice may take to close when the renderer is disposed before it is killed.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly PdfRendererOptions _options;
    private readonly IPdfConverter? _converter;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentQueue<int> _freeWorkers = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _inFlight = new(StringComparer.Ordinal);
    private readonly string _cache;
    private readonly string _profiles;
    private readonly string _jobs;
    private readonly FileStream _profileLock;
    private readonly ResidentOffice?[] _residents;
    private readonly Lock _residentsLock = new();
    private readonly Action<string> _warn;
    private bool _disposed;
    private int _processesStarted;
    private int _residentFallbacks;

    /// <param name="options">Settings.</param>
    /// <param name="converter">When given, converts instead of LibreOffice (which is then not needed).</param>
    /// <param name="warn">Told when the resident LibreOffice fails and a conversion falls back to one process (the service logs it).</param>
    public PdfRenderer(PdfRendererOptions options, IPdfConverter? converter = null, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _converter = converter;
        _warn = warn ?? (_ => { });
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ResidentRecycleAfter, 1, nameof(options));
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
        WriteResource(FontConfigResource, FontConfigFile);
        HelperScript = Path.Combine(options.Directory, "resident.py");
        WriteResource(HelperResource, HelperScript);
        SofficePath = Resolve(options.Soffice);
        PythonPath = Resolve(options.Python);
        _residents = new ResidentOffice?[options.Workers];
    }

    /// <summary>The LibreOffice program found, or null when it is not installed.</summary>
    public string? SofficePath { get; }

    public bool IsAvailable => _converter is not null || SofficePath is not null;

    /// <summary>The converter used instead of LibreOffice, if any.</summary>
    public IPdfConverter? Converter => _converter;

    /// <summary>The fontconfig file given to LibreOffice (the shipped aliases, including the system configuration).</summary>
    public string FontConfigFile { get; }

    /// <summary>The Python that runs the resident helper (it needs python3-uno), or null when it is not there.</summary>
    public string? PythonPath { get; }

    /// <summary>The settings it runs with.</summary>
    public PdfRendererOptions Options => _options;

    /// <summary>A resident LibreOffice is wanted but the Python for its helper is not there: every conversion falls back.</summary>
    public bool ResidentMissingPython => _options.Resident && _converter is null && SofficePath is not null && PythonPath is null;

    /// <summary>The helper that drives a resident LibreOffice, written out from the build.</summary>
    public string HelperScript { get; }

    /// <summary>How many LibreOffice processes this renderer has started, resident or one per conversion (cache hits start none).</summary>
    public int ProcessesStarted => Volatile.Read(ref _processesStarted);

    /// <summary>How many conversions the resident LibreOffice could not do, so that one process per conversion did them.</summary>
    public int ResidentFallbacks => Volatile.Read(ref _residentFallbacks);

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

    /// <summary>Stops every resident LibreOffice (asked to close, killed after a moment): none outlives the renderer.</summary>
    public void Dispose()
    {
        List<ResidentOffice> running;
        lock (_residentsLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            running = [.. _residents.OfType<ResidentOffice>()];
            Array.Clear(_residents);
        }

        Parallel.ForEach(running, resident =>
        {
            resident.Stop(StopGrace);
            resident.Dispose();
        });
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
            var pdf = _converter is not null ? await ConvertExternallyAsync(docx)
                : _options.Resident ? await ConvertResidentAsync(docx, worker)
                : await ConvertAsync(docx, worker);
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

    /// <summary>
    /// Through the worker's resident LibreOffice (started now if none runs; restarted once if it had died); on any other
    /// failure it is killed and this one document goes through <see cref="ConvertAsync"/>. A timeout is not retried.
    /// </summary>
    private async Task<byte[]> ConvertResidentAsync(byte[] docx, int worker)
    {
        string failure;
        var job = Directory.CreateDirectory(Path.Combine(_jobs, Guid.NewGuid().ToString("N")));
        try
        {
            var input = Path.Combine(job.FullName, "document.docx");
            var output = Path.Combine(job.FullName, "document.pdf");
            await File.WriteAllBytesAsync(input, docx);
            using var timeout = new CancellationTokenSource(_options.Timeout);
            try
            {
                failure = await TryResidentAsync(worker, input, output, timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                KillResident(worker);
                // A profile killed while LibreOffice wrote it may be half made: the next start of this worker makes it afresh.
                TryDelete(ProfileDirectory(worker));
                throw new PdfRenderingException(PdfFailure.Timeout, $"LibreOffice did not finish within {_options.Timeout.TotalSeconds:0.#} s; its processes were killed.");
            }

            if (failure.Length == 0 && await ReadValidPdfAsync(output, CancellationToken.None) is { } pdf)
            {
                return pdf;
            }
        }
        finally
        {
            TryDelete(job.FullName);
        }

        // The per-process conversion needs the worker's profile to itself.
        KillResident(worker);
        Interlocked.Increment(ref _residentFallbacks);
        _warn($"The resident LibreOffice of worker {worker} could not convert ({(failure.Length == 0 ? "no valid PDF" : failure)}); converting with one soffice process instead.");
        return await ConvertAsync(docx, worker);
    }

    /// <summary>"" when the helper says the PDF is written, else why not; throws only when <paramref name="ct"/> ends.</summary>
    private async Task<string> TryResidentAsync(int worker, string input, string output, CancellationToken ct)
    {
        if (PythonPath is null)
        {
            return $"Python '{_options.Python}' was not found (install python3-uno)";
        }

        for (var attempt = 0; ; attempt++)
        {
            ResidentAnswer answer;
            try
            {
                var resident = await RunningResidentAsync(worker, ct);
                answer = await resident.ConvertAsync(input, output, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException and not ObjectDisposedException)
            {
                // Whatever went wrong with the resident pair (could not start, a broken pipe): this document falls back.
                return e.Message;
            }

            switch (answer.Outcome)
            {
                case ResidentOutcome.Converted:
                    return "";
                case ResidentOutcome.Dead when attempt == 0:
                    // LibreOffice died since the last document (crash, killed): a new one, then this document again.
                    KillResident(worker);
                    continue;
                default:
                    return answer.Detail;
            }
        }
    }

    /// <summary>The worker's resident LibreOffice, started now when there is none, it has exited or it is due to be replaced.</summary>
    private async Task<ResidentOffice> RunningResidentAsync(int worker, CancellationToken ct)
    {
        ResidentOffice? due = null;
        lock (_residentsLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_residents[worker] is { IsRunning: true } running)
            {
                if (running.Conversions < _options.ResidentRecycleAfter)
                {
                    return running;
                }

                due = running;
                _residents[worker] = null;
            }
        }

        if (due is not null)
        {
            // Idle between documents: asked to close, so it writes its profile cleanly.
            due.Stop(StopGrace);
            due.Dispose();
        }

        KillResident(worker);
        var launch = new ResidentLaunch(SofficePath!, PythonPath!, HelperScript, ProfileDirectory(worker), FontConfigFile, _options.Directory, _options.Timeout);
        Interlocked.Increment(ref _processesStarted);
        var started = await ResidentOffice.StartAsync(launch, ct);
        lock (_residentsLock)
        {
            if (!_disposed)
            {
                _residents[worker] = started;
                return started;
            }
        }

        // Disposed while it started: it must not outlive the renderer.
        started.Kill();
        started.Dispose();
        throw new ObjectDisposedException(nameof(PdfRenderer));
    }

    private void KillResident(int worker)
    {
        ResidentOffice? resident;
        lock (_residentsLock)
        {
            resident = _residents[worker];
            _residents[worker] = null;
        }

        if (resident is null)
        {
            return;
        }

        resident.Kill();
        resident.Dispose();
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

    private static void WriteResource(string name, string path)
    {
        using var resource = typeof(PdfRenderer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded {name} is missing from the build.");
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
