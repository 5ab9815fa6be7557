using BenchmarkDotNet.Running;
using StrongChain.Docs.Benchmarks;

// "--interleaved": the check stages round-robin in one process (see Interleaved); otherwise BenchmarkDotNet.
if (args is ["--interleaved"])
{
    Interleaved.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

/// <summary>Entry point of the benchmarks.</summary>
public partial class Program;
