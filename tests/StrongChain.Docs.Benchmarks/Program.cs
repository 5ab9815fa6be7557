using BenchmarkDotNet.Running;
using StrongChain.Docs.Benchmarks;

if (args is ["bulletin-pdf", ..])
{
    // Stopwatch timings of the PDF pipeline (see BulletinPdfTimings); everything else is BenchmarkDotNet.
    await BulletinPdfTimings.RunAsync(args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "sc-bulletin-pdf"),
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return 0;
}

if (args is ["peers", ..])
{
    // Ours against docxtemplater, python-docx, openpyxl and plain soffice on the same inputs (scripts/bench-peers.sh).
    return await PeerComparison.RunAsync(PeerOptions.Parse(args));
}

// "--interleaved": the check stages round-robin in one process (see Interleaved); otherwise BenchmarkDotNet.
if (args is ["--interleaved"])
{
    Interleaved.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

return 0;

/// <summary>Entry point of the benchmarks.</summary>
public partial class Program;
