using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/InternalStore.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
