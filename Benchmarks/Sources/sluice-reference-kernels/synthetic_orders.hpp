// The order columns that BenchmarkSupport's SyntheticOrders.batch(count:) makes and the group-by
// benchmarks read, row for row (the time, order id and symbol columns are not needed here).
#pragma once
#include <cstdint>
#include <vector>

#include "hash_mixing.hpp"

struct OrderColumns {
    std::vector<int64_t> clientId;
    std::vector<int64_t> amount;
    std::vector<double> price;
    std::vector<uint8_t> buy;  // 0 or 1, one byte per row like Swift's Bool column

    std::size_t count() const { return clientId.size(); }

    static constexpr std::size_t kLectureCount = 500'000;

    static OrderColumns synthetic(std::size_t count) {
        OrderColumns orders;
        orders.clientId.resize(count);
        orders.amount.resize(count);
        orders.price.resize(count);
        orders.buy.resize(count);
        for (std::size_t row = 0; row < count; ++row) {
            uint64_t bits = mix(row);
            orders.clientId[row] = static_cast<int64_t>(1 + bits % 100);
            orders.amount[row] = static_cast<int64_t>(1 + (bits >> 16) % 1000);
            orders.price[row] = static_cast<double>(1 + (bits >> 32) % 20000) / 100;
            orders.buy[row] = static_cast<uint8_t>(bits >> 63);
        }
        return orders;
    }
};
