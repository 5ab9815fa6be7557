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

    public static async Task<ServiceProcess> StartAsync(TestDatabase database, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(database);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "StrongChain.Docs.Api.dll"),
            "--urls", address.ToString().TrimEnd('/'),
            "--contentRoot", database.Directory,
            "--Logging:LogLevel:Default=Warning",
        }.Concat(database.Settings.Select(s => $"--{s.Key}={s.Value}")))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
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
