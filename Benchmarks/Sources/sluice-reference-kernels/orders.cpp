// A one-pass parser of order lines into columns: the speed of light for SluiceOrders' OrderParser.
#include "orders.hpp"
#include "registration.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <unordered_map>

namespace {

inline bool isDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

inline bool expect(const char*& p, const char* end, char c) {
    if (p == end || *p != c) return false;
    ++p;
    return true;
}

// `[-]digits`, at most 18 digits so that it cannot overflow.
inline bool readInteger(const char*& p, const char* end, int64_t& out) {
    bool negative = p != end && *p == '-';
    if (negative) ++p;
    const char* start = p;
    int64_t value = 0;
    while (p != end && isDigit(*p)) value = value * 10 + (*p++ - '0');
    if (p == start || p - start > 18) return false;
    out = negative ? -value : value;
    return true;
}

// `[-]digits[.digits]`. Up to 15 significant digits the value is mantissa / 10^fraction, both exact
// doubles, so one correctly rounded division gives the correctly rounded decimal; longer ones go to strtod.
inline bool readPrice(const char*& p, const char* end, double& out) {
    static const double powersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char* start = p;
    bool negative = p != end && *p == '-';
    if (negative) ++p;
    uint64_t mantissa = 0;
    int digits = 0, fractionDigits = 0;
    while (p != end && isDigit(*p)) { mantissa = mantissa * 10 + (*p++ - '0'); ++digits; }
    if (digits == 0) return false;
    if (p != end && *p == '.') {
        ++p;
        while (p != end && isDigit(*p)) { mantissa = mantissa * 10 + (*p++ - '0'); ++fractionDigits; }
        if (fractionDigits == 0) return false;
    }
    if (digits + fractionDigits <= 15) {
        double value = static_cast<double>(mantissa) / powersOfTen[fractionDigits];
        out = negative ? -value : value;
    } else {
        out = std::strtod(std::string(start, p).c_str(), nullptr);
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil, as CivilCalendar).
inline int64_t daysFromCivil(int64_t year, int64_t month, int64_t day) {
    year -= month <= 2;
    int64_t era = (year >= 0 ? year : year - 399) / 400;
    int64_t yearOfEra = year - era * 400;
    int64_t dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

inline int twoDigits(const char* p) { return (p[0] - '0') * 10 + (p[1] - '0'); }

// `yyyy-MM-dd HH:mm:ss`, a real calendar date and time of day.
inline bool readTime(const char*& p, const char* end, int64_t& out) {
    if (end - p < 19) return false;
    static const int positions[] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
    for (int position : positions)
        if (!isDigit(p[position])) return false;
    if (p[4] != '-' || p[7] != '-' || p[10] != ' ' || p[13] != ':' || p[16] != ':') return false;
    int year = twoDigits(p) * 100 + twoDigits(p + 2), month = twoDigits(p + 5), day = twoDigits(p + 8);
    int hour = twoDigits(p + 11), minute = twoDigits(p + 14), second = twoDigits(p + 17);
    static const int daysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > daysInMonth[month - 1] + (month == 2 && leap)) return false;
    out = (daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second) * 1000000;
    p += 19;
    return true;
}

// Symbol codes by first appearance: symbols of up to 8 bytes in a small open-addressing table keyed by
// their bytes, longer ones in a hash map.
class SymbolDictionary {
public:
    explicit SymbolDictionary(std::vector<std::string>& symbols) : symbols_(symbols) {}

    // `available` is how many bytes may be read from `bytes` (at least `length`).
    int32_t code(const char* bytes, std::size_t length, std::size_t available) {
        if (length > 8) return longCode(std::string(bytes, length));
        uint64_t key = 0;
        if (available >= 8) {  // one load, masked to the symbol's bytes
            std::memcpy(&key, bytes, 8);
            key &= length == 8 ? ~0ull : (1ull << (8 * length)) - 1;
        } else {
            std::memcpy(&key, bytes, length);
        }
        uint64_t hash = (key ^ length) * 0x9E3779B97F4A7C15ull;
        for (std::size_t slot = hash >> 56;; slot = (slot + 1) & 255) {
            Entry& entry = table_[slot];
            if (entry.code < 0) {
                entry = Entry{key, static_cast<uint8_t>(length), add(std::string(bytes, length))};
                return entry.code;
            }
            if (entry.key == key && entry.length == length) return entry.code;
        }
    }

private:
    struct Entry {
        uint64_t key = 0;
        uint8_t length = 0;
        int32_t code = -1;
    };
    std::vector<std::string>& symbols_;
    Entry table_[256];
    std::unordered_map<std::string, int32_t> longCodes_;

    int32_t add(std::string symbol) {
        symbols_.push_back(std::move(symbol));
        return static_cast<int32_t>(symbols_.size() - 1);
    }

    int32_t longCode(std::string symbol) {
        auto found = longCodes_.find(symbol);
        if (found != longCodes_.end()) return found->second;
        int32_t code = add(symbol);
        longCodes_.emplace(std::move(symbol), code);
        return code;
    }
};

// Parses one line starting at `p` into the columns; false if it is not an order.
inline bool parseLine(const char*& p, const char* end, OrderColumns& orders, SymbolDictionary& dictionary) {
    int64_t time, orderId, clientId, amount;
    double price;
    if (!readTime(p, end, time) || !expect(p, end, ',')) return false;
    if (!readInteger(p, end, orderId) || !expect(p, end, ',')) return false;
    if (!readInteger(p, end, clientId) || !expect(p, end, ',')) return false;
    const char* symbol = p;
    while (p != end && *p != ',' && *p != '\n') ++p;
    std::size_t symbolLength = static_cast<std::size_t>(p - symbol);
    if (symbolLength == 0 || !expect(p, end, ',')) return false;
    if (!readInteger(p, end, amount) || !expect(p, end, ',')) return false;
    if (!readPrice(p, end, price) || !expect(p, end, ',')) return false;
    if (p == end || (*p != 'B' && *p != 'S')) return false;
    uint8_t buy = *p++ == 'B';
    expect(p, end, '\r');
    if (p != end && *p != '\n') return false;
    orders.time.push_back(time);
    orders.orderId.push_back(orderId);
    orders.clientId.push_back(clientId);
    orders.symbol.push_back(dictionary.code(symbol, symbolLength, static_cast<std::size_t>(end - symbol)));
    orders.amount.push_back(amount);
    orders.price.push_back(price);
    orders.buy.push_back(buy);
    return true;
}

void parseOrdersBenchmark(benchmark::State& state, const std::string* text) {
    for (auto _ : state) {
        OrderColumns orders = parseOrders(*text);
        benchmark::DoNotOptimize(orders.clientId.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text->size()));
}

}  // namespace

std::string readFile(const char* path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "sluice-reference-kernels: cannot read the orders file '%s'\n", path);
        std::exit(2);
    }
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

OrderColumns parseOrders(const std::string& text) {
    OrderColumns orders;
    std::size_t expectedRows = text.size() / 40;
    orders.time.reserve(expectedRows);
    orders.orderId.reserve(expectedRows);
    orders.clientId.reserve(expectedRows);
    orders.symbol.reserve(expectedRows);
    orders.amount.reserve(expectedRows);
    orders.price.reserve(expectedRows);
    orders.buy.reserve(expectedRows);
    SymbolDictionary dictionary(orders.symbols);
    const char* p = text.data();
    const char* end = p + text.size();
    while (p != end) {
        ++orders.lineCount;
        if (!parseLine(p, end, orders, dictionary)) {
            ++orders.malformedLineCount;
            while (p != end && *p != '\n') ++p;
        }
        if (p != end) ++p;  // the newline
    }
    return orders;
}

void registerParserBenchmark(const std::string& text) {
    timedPerIteration(benchmark::RegisterBenchmark("parse-orders", parseOrdersBenchmark, &text), 60);
}
