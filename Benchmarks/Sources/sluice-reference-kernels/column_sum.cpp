// Column sums over 1M values: the counterparts of PrimitiveColumn<Double>.sum() and
// PrimitiveColumn<Int64>.sum(), over the values BenchmarkSupport's ColumnValues makes.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "registration.hpp"

namespace {

constexpr std::size_t kCount = 1'000'000;

// Four 4-lane accumulators (16 doubles per step): on baseline x86-64 each lane pair is one SSE2
// register, so eight independent additions are in flight, as in Swift's two SIMD8 accumulators.
typedef double Double4 __attribute__((vector_size(32)));

double sumDoubles(const double* values, std::size_t count) {
    Double4 accumulators[4] = {};
    std::size_t index = 0;
    for (; index + 16 <= count; index += 16) {
        for (int lane = 0; lane < 4; ++lane) {
            Double4 loaded;
            std::memcpy(&loaded, values + index + 4 * lane, sizeof loaded);
            accumulators[lane] += loaded;
        }
    }
    Double4 total = (accumulators[0] + accumulators[1]) + (accumulators[2] + accumulators[3]);
    double sum = (total[0] + total[1]) + (total[2] + total[3]);
    for (; index < count; ++index) sum += values[index];
    return sum;
}

// A wrapping integer sum; clang vectorizes and interleaves it by itself.
int64_t sumIntegers(const int64_t* values, std::size_t count) {
    uint64_t sum = 0;
    for (std::size_t index = 0; index < count; ++index) sum += static_cast<uint64_t>(values[index]);
    return static_cast<int64_t>(sum);
}

const std::vector<double>& doubles() {
    static const std::vector<double> values = [] {
        std::vector<double> column(kCount);
        for (std::size_t row = 0; row < kCount; ++row) column[row] = 0.25 * static_cast<double>(row % 1000);
        return column;
    }();
    return values;
}

const std::vector<int64_t>& integers() {
    static const std::vector<int64_t> values = [] {
        std::vector<int64_t> column(kCount);
        for (std::size_t row = 0; row < kCount; ++row) column[row] = static_cast<int64_t>(row * 7 % 1000);
        return column;
    }();
    return values;
}

void columnSumDouble(benchmark::State& state) {
    const std::vector<double>& values = doubles();
    for (auto _ : state) benchmark::DoNotOptimize(sumDoubles(values.data(), values.size()));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCount));
}

void columnSumInt64(benchmark::State& state) {
    const std::vector<int64_t>& values = integers();
    for (auto _ : state) benchmark::DoNotOptimize(sumIntegers(values.data(), values.size()));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCount));
}

}  // namespace

void registerColumnSumBenchmarks() {
    timedPerIteration(benchmark::RegisterBenchmark("column-sum/double", columnSumDouble), 2000);
    timedPerIteration(benchmark::RegisterBenchmark("column-sum/int64", columnSumInt64), 2000);
}
