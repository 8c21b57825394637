// The lecture's orders file, read and parsed into columns: the input of the parser and group-by
// benchmarks, the same bytes the Swift benchmarks parse (`Benchmarks/run` writes the file with
// SluiceOrders' OrderGenerator and hands its path to both sides).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

// The columns of OrderSchema, one entry per well-formed line.
struct OrderColumns {
    std::vector<int64_t> time;  // microseconds since 1970-01-01T00:00:00Z
    std::vector<int64_t> orderId;
    std::vector<int64_t> clientId;
    std::vector<int32_t> symbol;  // codes into `symbols`, in order of first appearance
    std::vector<int64_t> amount;
    std::vector<double> price;
    std::vector<uint8_t> buy;  // 1 for B, 0 for S: one byte per row, like Swift's Bool column
    std::vector<std::string> symbols;
    std::size_t lineCount = 0;
    std::size_t malformedLineCount = 0;

    std::size_t count() const { return clientId.size(); }
};

// The bytes of the file at `path`; exits with a message when it cannot be read.
std::string readFile(const char* path);

// Parses every line of `text` by the rules of SluiceOrders' Order(lineBytes:): a `yyyy-MM-dd HH:mm:ss`
// UTC time, whole numbers `[-]digits` for orderId, clientId and amount, a non-empty symbol, a decimal
// `[-]digits[.digits]` price, `B` or `S`; lines end at `\n` (a `\r` before it is dropped). Other lines
// are skipped and counted.
OrderColumns parseOrders(const std::string& text);
