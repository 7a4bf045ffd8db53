using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Faktum.Licensing.Benchmarks -- --filter '*'            (full)
// dotnet run -c Release --project benchmarks/Faktum.Licensing.Benchmarks -- --filter '*' --quick    (a few minutes)
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = DefaultConfig.Instance;
if (quick)
{
    config = config.AddJob(Job.ShortRun.WithId("quick"));
}

BenchmarkSwitcher.FromAssembly(typeof(Faktum.Licensing.Benchmarks.TokenValidationBenchmarks).Assembly).Run(rest, config);
