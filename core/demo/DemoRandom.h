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

// The standard normal quantile function, by Acklam's rational approximation
// (relative error below 1.2e-9).
inline double normalQuantile(double p) {
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                   -2.759285104469687e+02, 1.383577518672690e+02,
                                   -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                   -1.556989798598866e+02, 6.680131188771972e+01,
                                   -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                   -2.400758277161838e+00, -2.549732539343734e+00,
                                   4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                   2.445134137142996e+00, 3.754408661907416e+00};
    constexpr double low = 0.02425;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
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
