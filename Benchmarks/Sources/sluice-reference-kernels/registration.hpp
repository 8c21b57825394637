// What main registers, and how every reference benchmark is timed.
#pragma once
#include <benchmark/benchmark.h>

#include <string>

struct OrderColumns;

// One iteration per repetition and many repetitions, so that the median Google Benchmark reports over
// the repetitions is the median iteration: the figure the Swift side reports (ordo-one/benchmark's p50 of
// per-iteration wall time). On a loaded machine a median of longer repetitions would average the other
// processes in, where a median of iterations skips them, on both sides alike.
inline void timedPerIteration(benchmark::internal::Benchmark* benchmark, int repetitions) {
    benchmark->Iterations(1)->Repetitions(repetitions)->UseRealTime()->Unit(benchmark::kMicrosecond);
}

void registerColumnSumBenchmarks();
void registerRingBenchmark();
// parse-orders over `text`, the lecture's orders file.
void registerParserBenchmark(const std::string& text);
// The group-by benchmarks over `orders`, the columns parsed from that file.
void registerGroupByBenchmarks(const OrderColumns& orders);
