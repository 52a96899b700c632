#pragma once

// The demo generator's own pseudo-random numbers. The std:: distributions
// are implementation-defined (libstdc++ and libc++ give different sequences
// for the same engine), so a demo workspace that must be identical for the
// same seed draws from xoshiro256** (seeded through splitmix64) and shapes
// the numbers with the small, fully specified transforms below.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <span>

namespace escdesk::demo {

// splitmix64 (Steele, Lea, Flood 2014): expands one 64-bit seed into the
// well-mixed words xoshiro needs.
constexpr std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

class DemoRandom {
public:
    // `stream` separates independent sequences drawn from one seed (accounts,
    // tickets, ...), so adding draws to one part does not shift the others.
    explicit DemoRandom(std::uint64_t seed, std::uint64_t stream = 0) {
        std::uint64_t state = seed ^ (stream * 0xd1b54a32d192ed03ULL);
        for (auto& word : m_s) {
            word = splitMix64(state);
        }
    }

    // xoshiro256** 1.0 (Blackman, Vigna 2018).
    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }

    // Uniform integer in [0, n); n > 0. Lemire's multiply-shift (the tiny bias
    // for huge n does not matter here, determinism does).
    std::size_t below(std::size_t n) {
        return static_cast<std::size_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
    }

    bool chance(double probability) { return uniform() < probability; }

    // Exponential with the given mean, by inversion.
    double exponential(double mean) { return -mean * std::log1p(-uniform()); }

    // Standard normal by the Box–Muller transform; each pair of uniforms
    // gives two independent values, the second kept for the next call.
    double normal() {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const double u1 = 1.0 - uniform(); // (0, 1]: log is finite
        const double u2 = uniform();
        const double radius = std::sqrt(-2.0 * std::log(u1));
        const double angle = 2.0 * std::numbers::pi * u2;
        m_spare = radius * std::sin(angle);
        m_hasSpare = true;
        return radius * std::cos(angle);
    }

    // Lognormal given its median (e^mu) and the sigma of the log.
    double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

    // An index drawn with probability proportional to its weight.
    std::size_t weighted(std::span<const double> weights) {
        double total = 0.0;
        for (double w : weights) {
            total += w;
        }
        double target = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            target -= weights[i];
            if (target < 0.0) {
                return i;
            }
        }
        return weights.size() - 1;
    }

    template <typename T> const T& pick(std::span<const T> items) {
        return items[below(items.size())];
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t m_s[4];
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

} // namespace escdesk::demo
