using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Faktum.Licensing.Benchmarks -- --filter '*'            (full)
// dotnet run -c Release --project benchmarks/Faktum.Licensing.Benchmarks -- --filter '*' --quick    (a few minutes)
// dotnet run -c Release --project benchmarks/Faktum.Licensing.Benchmarks -- load [--seconds 10] [--concurrency 8] (loopback load test)
// dotnet run -c Release --project benchmarks/Faktum.Licensing.Benchmarks -- coldstart [--runs 15] [--host <dll or executable>] [--env NAME=VALUE] [--jit-summary] (process start to exit)
if (args.Length > 0 && args[0] == "load")
{
    return await Faktum.Licensing.Benchmarks.LoadTest.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "coldstart")
{
    return await Faktum.Licensing.Benchmarks.ColdStart.RunAsync(args[1..]);
}

var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = DefaultConfig.Instance;
if (quick)
{
    config = config.AddJob(Job.ShortRun.WithId("quick"));
}

BenchmarkSwitcher.FromAssembly(typeof(Faktum.Licensing.Benchmarks.TokenValidationBenchmarks).Assembly).Run(rest, config);
return 0;
