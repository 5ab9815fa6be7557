using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>
/// The built service as its own process (<c>dotnet StrongChain.Docs.Api.dll</c>) on a free loopback port, its content root
/// and store those of a <see cref="TestDatabase"/>; it can be killed like a crashed server.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote (for a failing test's message).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the service on <paramref name="database"/>; <paramref name="settings"/> override its settings (a data folder of its
    /// own, proxies, …). <paramref name="dll"/> runs another build (a publish folder, which is then the content root).
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(TestDatabase database, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? settings = null, string? dll = null, string environment = "Development")
    {
        ArgumentNullException.ThrowIfNull(database);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var contentRoot = dll is null ? database.Directory : Path.GetDirectoryName(dll)!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var merged = new Dictionary<string, string>(database.Settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        foreach (var argument in new[]
        {
            dll ?? Path.Combine(AppContext.BaseDirectory, "StrongChain.Docs.Api.dll"),
            "--urls", address.ToString().TrimEnd('/'),
            "--contentRoot", contentRoot,
            "--Logging:LogLevel:Default=Warning",
        }.Concat(merged.Select(s => $"--{s.Key}={s.Value}")))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var service = new ServiceProcess(process, address);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(100);
        }

        var output = service.Output;
        service.Dispose();
        throw new TimeoutException($"The service did not answer /health within {timeout}:\n{output}");
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The process id (an outbox worker's claims name it: host/pid/…).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown, no flushing, like a crash or a power cut of the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
