using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(OneStopWorkflow.Benchmarks.EngineBenchmarks).Assembly).Run(args);
