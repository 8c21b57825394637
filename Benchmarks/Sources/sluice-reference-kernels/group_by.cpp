// Kernels over the 500k parsed lecture orders (100 clients): the counterparts of Int64GroupIndex.assignGroups,
// GroupedAggregates.sum (without and with nulls), a PrimitiveColumn<Double> selection (price > 50), SluiceOrders' BuySellCounts
// (count-buys), and count-buys plus ClientTotals' add and top(5) (the whole count-buys + top-5 query).
//
// The hash table is the same design as Int64GroupIndex (open addressing, linear probing, SplitMix64,
// a power-of-two table of `group + 1` slots kept at most half full, keys in an array by group number),
// so the figures compare code generation, not algorithms. The full query is fused into one pass here,
// where ClientTotals composes the engine's kernels (group numbers, values, sums, each materialized).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "hash_mixing.hpp"
#include "orders.hpp"
#include "registration.hpp"

namespace {

class GroupIndex {
public:
    std::vector<int64_t> keys;

    int32_t groupOf(int64_t key) {
        std::size_t mask = slots_.size() - 1;
        std::size_t slot = mix(static_cast<uint64_t>(key)) & mask;
        while (int32_t stored = slots_[slot]) {
            if (keys[stored - 1] == key) return stored - 1;
            slot = (slot + 1) & mask;
        }
        int32_t group = static_cast<int32_t>(keys.size());
        keys.push_back(key);
        slots_[slot] = group + 1;
        if (keys.size() * 2 > slots_.size()) grow();
        return group;
    }

private:
    std::vector<int32_t> slots_ = std::vector<int32_t>(64, 0);

    void grow() {
        std::vector<int32_t> grown(slots_.size() * 2, 0);
        std::size_t mask = grown.size() - 1;
        for (std::size_t group = 0; group < keys.size(); ++group) {
            std::size_t slot = mix(static_cast<uint64_t>(keys[group])) & mask;
            while (grown[slot] != 0) slot = (slot + 1) & mask;
            grown[slot] = static_cast<int32_t>(group + 1);
        }
        slots_.swap(grown);
    }
};

// Adds the 0/1 bytes sixteen at a time in byte lanes, widening every 255 steps before a lane can overflow.
std::pair<int64_t, int64_t> countBuys(const std::vector<uint8_t>& buy) {
    typedef uint8_t Bytes16 __attribute__((vector_size(16)));
    const uint8_t* flags = buy.data();
    std::size_t count = buy.size(), row = 0;
    uint64_t buys = 0;
    while (row + 16 <= count) {
        std::size_t end = std::min(count - (count - row) % 16, row + 255 * 16);
        Bytes16 lanes = {};
        for (; row < end; row += 16) {
            Bytes16 loaded;
            std::memcpy(&loaded, flags + row, sizeof loaded);
            lanes += loaded;
        }
        for (int lane = 0; lane < 16; ++lane) buys += lanes[lane];
    }
    for (; row < count; ++row) buys += flags[row];
    return {static_cast<int64_t>(buys), static_cast<int64_t>(count - buys)};
}

void assignGroups(benchmark::State& state, const OrderColumns* orders) {
    const OrderColumns& input = *orders;
    for (auto _ : state) {
        GroupIndex index;
        std::vector<int32_t> groups(input.count());
        for (std::size_t row = 0; row < input.count(); ++row) groups[row] = index.groupOf(input.clientId[row]);
        benchmark::DoNotOptimize(groups.data());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * input.count()));
}

// The group number and amount * price of every order: sum-per-group's input, made once.
struct GroupedValues {
    std::vector<int32_t> groups;
    std::vector<double> values;
    std::size_t groupCount = 0;

    explicit GroupedValues(const OrderColumns& orders) : groups(orders.count()), values(orders.count()) {
        GroupIndex index;
        for (std::size_t row = 0; row < orders.count(); ++row) {
            groups[row] = index.groupOf(orders.clientId[row]);
            values[row] = static_cast<double>(orders.amount[row]) * orders.price[row];
        }
        groupCount = index.keys.size();
    }
};

// sum-per-group with every 100th value null: a validity bit per row, 1 for a value, as in ValidityBitmap.
void sumPerGroupNullable(benchmark::State& state, const GroupedValues* input) {
    std::vector<uint64_t> validity((input->values.size() + 63) / 64, 0);
    for (std::size_t row = 0; row < input->values.size(); ++row)
        if (row % 100 != 99) validity[row >> 6] |= uint64_t(1) << (row & 63);
    for (auto _ : state) {
        std::vector<double> totals(input->groupCount, 0.0);
        for (std::size_t row = 0; row < input->values.size(); ++row)
            if (validity[row >> 6] >> (row & 63) & 1) totals[input->groups[row]] += input->values[row];
        benchmark::DoNotOptimize(totals.data());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * input->values.size()));
}

void sumPerGroup(benchmark::State& state, const GroupedValues* input) {
    for (auto _ : state) {
        std::vector<double> totals(input->groupCount, 0.0);
        for (std::size_t row = 0; row < input->values.size(); ++row) totals[input->groups[row]] += input->values[row];
        benchmark::DoNotOptimize(totals.data());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * input->values.size()));
}

// The rows whose price is above 50 (about half, at random): a selection vector written branch-free,
// every row stored and the count advanced only for the kept ones.
void filterPriceAbove50(benchmark::State& state, const OrderColumns* orders) {
    const std::vector<double>& price = orders->price;
    for (auto _ : state) {
        std::vector<int32_t> selected(price.size());
        std::size_t kept = 0;
        for (std::size_t row = 0; row < price.size(); ++row) {
            selected[kept] = static_cast<int32_t>(row);
            kept += price[row] > 50;
        }
        selected.resize(kept);
        benchmark::DoNotOptimize(selected.data());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * price.size()));
}

void countBuysOnly(benchmark::State& state, const OrderColumns* orders) {
    const OrderColumns& input = *orders;
    for (auto _ : state) benchmark::DoNotOptimize(countBuys(input.buy));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * input.count()));
}

void countBuysAndTopClients(benchmark::State& state, const OrderColumns* orders) {
    const OrderColumns& input = *orders;
    for (auto _ : state) {
        benchmark::DoNotOptimize(countBuys(input.buy));
        GroupIndex index;
        std::vector<double> totals;
        for (std::size_t row = 0; row < input.count(); ++row) {
            std::size_t group = static_cast<std::size_t>(index.groupOf(input.clientId[row]));
            if (group == totals.size()) totals.push_back(0.0);
            totals[group] += static_cast<double>(input.amount[row]) * input.price[row];
        }
        std::vector<int32_t> ranked(totals.size());
        for (std::size_t group = 0; group < ranked.size(); ++group) ranked[group] = static_cast<int32_t>(group);
        std::size_t limit = std::min<std::size_t>(5, ranked.size());
        std::partial_sort(ranked.begin(), ranked.begin() + limit, ranked.end(), [&](int32_t a, int32_t b) {
            return totals[a] != totals[b] ? totals[a] > totals[b] : index.keys[a] < index.keys[b];
        });
        benchmark::DoNotOptimize(ranked.data());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * input.count()));
}

}  // namespace

void registerGroupByBenchmarks(const OrderColumns& orders) {
    timedPerIteration(benchmark::RegisterBenchmark("group-by/assign-groups", assignGroups, &orders), 300);
    static const GroupedValues grouped(orders);
    timedPerIteration(benchmark::RegisterBenchmark("group-by/sum-per-group", sumPerGroup, &grouped), 2000);
    timedPerIteration(benchmark::RegisterBenchmark("group-by/sum-per-group-nullable", sumPerGroupNullable, &grouped), 2000);
    timedPerIteration(benchmark::RegisterBenchmark("filter/price-above-50", filterPriceAbove50, &orders), 2000);
    timedPerIteration(benchmark::RegisterBenchmark("count-buys", countBuysOnly, &orders), 2000);
    timedPerIteration(benchmark::RegisterBenchmark("count-buys+top5-clients", countBuysAndTopClients, &orders), 300);
}
