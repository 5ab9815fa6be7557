using System.Globalization;
using StrongChain.Docs.LoadTest;

// Usage: StrongChain.Docs.LoadTest --url http://127.0.0.1:5080 [--clients 16] [--checks 4000] [--submits 800] [--max-seconds 120] [--rounds 2] [--pid SERVICE_PID]
var options = LoadOptions.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Load against {options.Url}: {options.Clients} concurrent clients, {options.Checks} checks, {options.Submits} submits per round, {options.Rounds} rounds, at most {options.MaxSeconds} s per phase"));
var results = await new LoadRun(options).RunAsync();
Console.WriteLine();
Console.WriteLine(LoadReport.Table(results));
return results.Any(r => r.Errors > 0 || r.Requests == 0) ? 1 : 0;
