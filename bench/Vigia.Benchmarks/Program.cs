using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Vigia.Benchmarks [-- --filter '*Pdf*'] (bench/README.md)
_ = BenchmarkSwitcher.FromAssembly(typeof(Vigia.Benchmarks.HotPaths).Assembly).Run(args);
