#pragma once

// The ISO 8601 UTC form of a Unix time, written into `out` (at least 32
// bytes), for the benchmark CSV generators: fast and free of time-zone
// lookups, as millions of rows are written.

#include <cstdint>
#include <cstdio>

inline void isoTime(char* out, std::int64_t t) {
    std::int64_t days = t / 86400;
    const auto secs = static_cast<unsigned>(t % 86400);
    // civil_from_days (Howard Hinnant)
    days += 719468;
    const std::int64_t era = days / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    std::snprintf(out, 32, "%04u-%02u-%02uT%02u:%02u:%02uZ", static_cast<unsigned>(y) % 10000u,
                  m % 100u, d % 100u, secs / 3600 % 100u, secs / 60 % 60, secs % 60);
}
