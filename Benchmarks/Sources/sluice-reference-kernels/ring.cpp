// An SPSC ring of chunks between two threads: the counterpart of IngestRingBenchmarks, which moves rows
// through SluiceCore's IngestChannel. Same shape (RingWorkload): 1,024-row chunks of int64_t, 64 chunks
// in the ring, 8 Mi rows per iteration; the producer writes consecutive row numbers into a chunk, the
// consumer sums each chunk's rows.
//
// The speed of light for that: each ring slot owns its chunk's storage, so the producer writes rows in
// place and nothing is allocated, recycled or copied; one release store publishes a chunk, one frees it.
// Indices are padded to 128 bytes and each side caches the other's index, as UnsafeSPSCRing does. A side
// that must wait backs off on SluiceCore's Backoff schedule (spin, yield, then sleep up to 1 ms), so that
// on a loaded machine neither side burns the core the other one needs.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <ctime>
#include <thread>

#include "registration.hpp"

namespace {

// SluiceCore's Backoff: 64 spins, then yields up to the 128th pause, then sleeps of 1 µs doubling to 1 ms.
class Backoff {
public:
    void pause() {
        ++pauses_;
        if (pauses_ <= 64) {
            __builtin_ia32_pause();
        } else if (pauses_ <= 128) {
            std::this_thread::yield();
        } else {
            timespec interval{0, sleepNanoseconds_};
            nanosleep(&interval, nullptr);
            sleepNanoseconds_ = std::min(2 * sleepNanoseconds_, 1'000'000L);
        }
    }

private:
    int pauses_ = 0;
    long sleepNanoseconds_ = 1'000;
};

constexpr std::size_t kChunkRows = 1024;
constexpr std::size_t kRingCapacity = 64;  // a power of two, so a mask picks the slot
constexpr std::size_t kRowsPerTransfer = 8 * 1024 * 1024;

struct Chunk {
    int64_t rows[kChunkRows];
};

struct alignas(128) SideIndices {
    std::atomic<std::size_t> published{0};  // written by this side only
    std::size_t cachedOther = 0;            // this side's copy of the other side's index
};

class ChunkRing {
public:
    // Producer: the slot to fill next, waiting while the ring is full.
    Chunk& acquireFree() {
        std::size_t tail = producer_.published.load(std::memory_order_relaxed);
        Backoff backoff;
        while (tail - producer_.cachedOther == kRingCapacity) {
            producer_.cachedOther = consumer_.published.load(std::memory_order_acquire);
            if (tail - producer_.cachedOther == kRingCapacity) backoff.pause();
        }
        return chunks_[tail & (kRingCapacity - 1)];
    }

    void publish() {
        producer_.published.store(producer_.published.load(std::memory_order_relaxed) + 1, std::memory_order_release);
    }

    // Consumer: the oldest published chunk, waiting while the ring is empty.
    const Chunk& acquireFull() {
        std::size_t head = consumer_.published.load(std::memory_order_relaxed);
        Backoff backoff;
        while (head == consumer_.cachedOther) {
            consumer_.cachedOther = producer_.published.load(std::memory_order_acquire);
            if (head == consumer_.cachedOther) backoff.pause();
        }
        return chunks_[head & (kRingCapacity - 1)];
    }

    void release() {
        consumer_.published.store(consumer_.published.load(std::memory_order_relaxed) + 1, std::memory_order_release);
    }

private:
    SideIndices producer_;
    SideIndices consumer_;
    std::unique_ptr<Chunk[]> chunks_ = std::make_unique<Chunk[]>(kRingCapacity);
};

int64_t transfer() {
    ChunkRing ring;
    constexpr std::size_t chunkCount = kRowsPerTransfer / kChunkRows;
    std::thread producer([&ring] {
        int64_t next = 0;
        for (std::size_t chunk = 0; chunk < chunkCount; ++chunk) {
            Chunk& slot = ring.acquireFree();
            for (std::size_t row = 0; row < kChunkRows; ++row) slot.rows[row] = next++;
            ring.publish();
        }
    });
    uint64_t sum = 0;
    for (std::size_t chunk = 0; chunk < chunkCount; ++chunk) {
        const Chunk& slot = ring.acquireFull();
        for (std::size_t row = 0; row < kChunkRows; ++row) sum += static_cast<uint64_t>(slot.rows[row]);
        ring.release();
    }
    producer.join();
    return static_cast<int64_t>(sum);
}

void ringTransfer(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(transfer());
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRowsPerTransfer));
}

}  // namespace

void registerRingBenchmark() {
    timedPerIteration(benchmark::RegisterBenchmark("ring/chunks-of-1024", ringTransfer), 200);
}
