using System.Diagnostics;
using System.Text;

namespace StrongChain.Docs.Documents.Rendering;

/// <summary>
/// One LibreOffice that stays running for one renderer worker (<c>soffice --accept=pipe,name=…</c> in the worker's profile)
/// and the Python helper (<c>resident.py</c>, python3-uno) that converts through it, one request line per document.
/// Used by one worker at a time; <see cref="Kill"/> ends both process trees.
/// </summary>
internal sealed class ResidentOffice : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Process _office;
    private readonly Process _helper;
    private readonly StringBuilder _errors = new();

    private ResidentOffice(Process office, Process helper)
    {
        _office = office;
        _helper = helper;
    }

    private int _conversions;

    /// <summary>Both processes still run (a dead LibreOffice or helper means a restart before the next document).</summary>
    public bool IsRunning => !HasExited(_office) && !HasExited(_helper);

    /// <summary>Documents sent to this LibreOffice so far.</summary>
    public int Conversions => _conversions;

    /// <summary>The pipe name LibreOffice accepts on: unique per renderer instance and worker, so services on one host never share one.</summary>
    public string Pipe { get; private init; } = "";

    /// <summary>Starts LibreOffice and the helper, and waits until the helper is connected.</summary>
    /// <exception cref="ResidentOfficeException">Either could not start or connect (python3-uno missing, LibreOffice exited).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> ended first; both processes are killed.</exception>
    public static async Task<ResidentOffice> StartAsync(ResidentLaunch launch, CancellationToken ct)
    {
        var pipe = "strongchain-docs-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..16];
        var office = Redirected(launch.Soffice, launch.WorkingDirectory);
        office.Environment["FONTCONFIG_FILE"] = launch.FontConfigFile;
        foreach (var argument in (string[])[
            "-env:UserInstallation=" + new Uri(launch.Profile + "/").AbsoluteUri,
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
            "--accept=pipe,name=" + pipe + ";urp;"])
        {
            office.ArgumentList.Add(argument);
        }

        var helper = Redirected(launch.Python, launch.WorkingDirectory);
        helper.StandardInputEncoding = Utf8;
        helper.StandardOutputEncoding = Utf8;
        helper.Environment["PYTHONIOENCODING"] = "utf-8";
        helper.ArgumentList.Add(launch.Script);
        helper.ArgumentList.Add(pipe);
        helper.ArgumentList.Add(launch.ConnectWithin.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));

        var officeProcess = new Process { StartInfo = office };
        try
        {
            officeProcess.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            officeProcess.Dispose();
            throw new ResidentOfficeException($"LibreOffice could not start: {e.Message}");
        }

        var helperProcess = new Process { StartInfo = helper };
        try
        {
            helperProcess.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            helperProcess.Dispose();
            KillTree(officeProcess);
            officeProcess.Dispose();
            throw new ResidentOfficeException($"The helper could not start with '{launch.Python}': {e.Message}");
        }

        var resident = new ResidentOffice(officeProcess, helperProcess) { Pipe = pipe };
        officeProcess.StandardInput.Close();
        resident.Drain(officeProcess.StandardOutput, null);
        resident.Drain(officeProcess.StandardError, resident._errors);
        resident.Drain(helperProcess.StandardError, resident._errors);
        try
        {
            var ready = helperProcess.StandardOutput.ReadLineAsync();
            // Not cancelled by ct: only a real exit may end this wait (a timeout is the WaitAsync's, and kills both below).
            var exited = officeProcess.WaitForExitAsync(CancellationToken.None);
            var first = await Task.WhenAny(ready, exited).WaitAsync(ct);
            if (first != ready)
            {
                throw new ResidentOfficeException($"LibreOffice exited ({officeProcess.ExitCode}) before it accepted connections.{resident.Errors()}");
            }

            var line = await ready;
            if (line != "ready")
            {
                throw new ResidentOfficeException($"The helper did not connect: {line ?? "it exited"}.{resident.Errors()}");
            }

            return resident;
        }
        catch
        {
            resident.Kill();
            resident.Dispose();
            throw;
        }
    }

    /// <summary>Converts <paramref name="input"/> into <paramref name="output"/> (absolute paths).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> ended first; the caller kills this instance.</exception>
    public async Task<ResidentAnswer> ConvertAsync(string input, string output, CancellationToken ct)
    {
        _conversions++;
        try
        {
            await _helper.StandardInput.WriteAsync((input + "\t" + output + "\n").AsMemory(), ct);
            await _helper.StandardInput.FlushAsync(ct);
        }
        catch (IOException e)
        {
            return new ResidentAnswer(ResidentOutcome.Dead, "the helper is gone: " + e.Message);
        }

        var line = await _helper.StandardOutput.ReadLineAsync().WaitAsync(ct);
        return line switch
        {
            "ok" => new ResidentAnswer(ResidentOutcome.Converted, ""),
            null => new ResidentAnswer(ResidentOutcome.Failed, "the helper exited." + Errors()),
            _ when line.StartsWith("dead", StringComparison.Ordinal) => new ResidentAnswer(ResidentOutcome.Dead, line),
            _ => new ResidentAnswer(ResidentOutcome.Failed, line),
        };
    }

    /// <summary>Asks LibreOffice to close (end of the helper's input), waits a moment, then kills whatever still runs.</summary>
    public void Stop(TimeSpan grace)
    {
        try
        {
            _helper.StandardInput.Close();
        }
        catch (IOException)
        {
            // The helper is gone already.
        }

        if (!HasExited(_office))
        {
            _office.WaitForExit(grace);
        }

        Kill();
    }

    /// <summary>Kills LibreOffice (soffice, oosplash, soffice.bin) and the helper, and waits until they are gone.</summary>
    public void Kill()
    {
        KillTree(_helper);
        KillTree(_office);
        // A killed LibreOffice leaves its pipe's socket behind (/tmp/OSL_PIPE_<uid>_<name>); the name is this instance's alone.
        try
        {
            foreach (var socket in Directory.EnumerateFiles("/tmp", "OSL_PIPE_*_" + Pipe))
            {
                File.Delete(socket);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in /tmp; harmless, as no other instance uses the name.
        }
    }

    public void Dispose()
    {
        _office.Dispose();
        _helper.Dispose();
    }

    private static ProcessStartInfo Redirected(string program, string workingDirectory) => new(program)
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        WorkingDirectory = workingDirectory,
    };

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exited while being killed.
        }
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private void Drain(StreamReader reader, StringBuilder? keep) => _ = Task.Run(async () =>
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (keep is null)
                {
                    continue;
                }

                lock (keep)
                {
                    // The last lines are what explain a failure; older ones are dropped.
                    if (keep.Length > 2000)
                    {
                        keep.Remove(0, keep.Length - 1000);
                    }

                    keep.Append(line).Append('\n');
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was killed.
        }
    });

    private string Errors()
    {
        lock (_errors)
        {
            var text = _errors.ToString().Trim();
            return text.Length == 0 ? "" : " " + text[^Math.Min(text.Length, 500)..];
        }
    }
}

/// <summary>How to start a <see cref="ResidentOffice"/>.</summary>
internal sealed record ResidentLaunch(string Soffice, string Python, string Script, string Profile, string FontConfigFile, string WorkingDirectory, TimeSpan ConnectWithin);

internal enum ResidentOutcome
{
    /// <summary>The helper says the PDF was written (the caller still checks it starts with <c>%PDF</c>).</summary>
    Converted,

    /// <summary>LibreOffice was gone before the document was touched: restart and try again.</summary>
    Dead,

    /// <summary>The document failed in the resident LibreOffice.</summary>
    Failed,
}

internal sealed record ResidentAnswer(ResidentOutcome Outcome, string Detail);

/// <summary>The resident LibreOffice or its helper could not start or connect.</summary>
internal sealed class ResidentOfficeException(string message) : Exception(message);
