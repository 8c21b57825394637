// sluice-reference-kernels: speed-of-light C++ versions of the loops the Swift benchmarks time.
//
// Each benchmark has the same name and does the same work per iteration as its Swift counterpart and
// reports rows (items) or bytes per second. Run through `Benchmarks/run`, or by hand:
//   .build/release/sluice-reference-kernels --benchmark_repetitions=10
#include <benchmark/benchmark.h>

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
