#pragma once

// Work on many independent items shared out over the cores, for the per-ticket
// evaluations (SLA clocks, rules) that dominate a period's figures.

#include <algorithm>
#include <cstddef>
#include <future>
#include <thread>
#include <vector>

namespace escdesk::metrics {

// Calls work(i) for each i in [0, count), shared out over the cores: each
// call must touch only its own item, so the result is the same as one after
// the other. Small counts are not worth a thread.
template <typename Work> void forEachIndexInParallel(std::size_t count, Work work) {
    constexpr std::size_t itemsPerThread = 4096;
    const std::size_t threads = std::clamp<std::size_t>(
        std::min<std::size_t>(std::thread::hardware_concurrency(), count / itemsPerThread), 1, 8);
    auto runRange = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            work(i);
        }
    };
    std::vector<std::future<void>> others;
    const std::size_t share = (count + threads - 1) / threads;
    for (std::size_t t = 1; t < threads; ++t) {
        others.push_back(std::async(std::launch::async, runRange, std::min(count, t * share),
                                    std::min(count, (t + 1) * share)));
    }
    runRange(0, std::min(count, share));
    for (std::future<void>& other : others) {
        other.get(); // rethrows what the thread threw
    }
}

} // namespace escdesk::metrics
