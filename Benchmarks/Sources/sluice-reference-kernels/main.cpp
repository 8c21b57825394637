// sluice-reference-kernels: speed-of-light C++ versions of the loops the Swift benchmarks time.
//
// Each benchmark has the same name and does the same work per iteration as its Swift counterpart, and
// reports rows (items) or bytes per second. Run through `Benchmarks/run`, or by hand:
//   .build/release/sluice-reference-kernels [Google Benchmark flags] [ORDERS_FILE]
// With ORDERS_FILE (the lecture's orders, as `sluice-orders-file` writes them) it also runs parse-orders
// and the group-by benchmarks, over that file's bytes and the columns parsed from them.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "orders.hpp"
#include "registration.hpp"

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (argc > 2) {
        std::fprintf(stderr, "usage: %s [Google Benchmark flags] [ORDERS_FILE]\n", argv[0]);
        return 2;
    }
    registerColumnSumBenchmarks();
    registerRingBenchmark();
    if (argc == 2) {
        static const std::string text = readFile(argv[1]);
        static const OrderColumns orders = parseOrders(text);
        std::fprintf(stderr, "%s: %zu bytes, %zu lines, %zu malformed\n", argv[1], text.size(), orders.lineCount,
                     orders.malformedLineCount);
        registerParserBenchmark(text);
        registerGroupByBenchmarks(orders);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
