// Writes a deterministic canonical tickets CSV (SPEC §4) for the import
// benchmark: generate_tickets ROWS OUT.csv [CHANGED_PER_MILLE]. With
// CHANGED_PER_MILLE, that many rows per thousand differ from the base file
// (a newer export: status, resolution and csat changed), the rest are equal.

#include "IsoTime.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

// A small fixed PRNG so the file is the same on every machine and run.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
};

const char* const statuses[] = {"Open", "Pending", "Solved", "Closed"};
const char* const priorities[] = {"Critical", "High", "Medium", "Low"};
const char* const channels[] = {"email", "web", "chat", "phone"};
const char* const areas[] = {"Billing", "Login", "Sync", "Reports", "API", "Mobile"};
const char* const causes[] = {"Bug", "Configuration", "How-to", "Outage", "Data"};
const char* const groups[] = {"Tier 1 EMEA", "Tier 1 AMER", "Tier 2", "Engineering"};

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: generate_tickets ROWS OUT.csv [CHANGED_PER_MILLE]\n");
        return 2;
    }
    const long rows = std::atol(argv[1]);
    const long changedPerMille = argc > 3 ? std::atol(argv[3]) : 0;
    std::FILE* out = std::fopen(argv[2], "wb");
    if (!out) {
        std::perror(argv[2]);
        return 1;
    }
    std::fputs("ticket_id,created_at,first_response_at,resolved_at,closed_at,status,priority,"
               "channel,account_id,product_area,root_cause,reason_code,subject,description,"
               "assignee,group,tier,escalated,escalated_at,resolution_type,resolution_notes,"
               "handle_time_min,csat,tags,region\n",
               out);
    SplitMix64 rng{20261126};
    SplitMix64 changes{7};
    const std::int64_t start = 1735689600; // 2025-01-01T00:00:00Z
    char created[32], response[32], resolved[32], closed[32], escalatedAt[32];
    for (long i = 0; i < rows; ++i) {
        const std::int64_t c = start + i * 30 + static_cast<std::int64_t>(rng.below(30));
        const std::int64_t r = c + 600 + static_cast<std::int64_t>(rng.below(86400));
        const std::int64_t s = r + 3600 + static_cast<std::int64_t>(rng.below(172800));
        const bool escalated = rng.below(100) < 18;
        const std::int64_t e = c + 1200 + static_cast<std::int64_t>(rng.below(20000));
        isoTime(created, c);
        isoTime(response, r);
        isoTime(resolved, s);
        isoTime(closed, s + 86400);
        isoTime(escalatedAt, e);
        const unsigned status = static_cast<unsigned>(rng.below(4));
        const unsigned priority = static_cast<unsigned>(rng.below(4));
        const unsigned channel = static_cast<unsigned>(rng.below(4));
        const unsigned area = static_cast<unsigned>(rng.below(6));
        const unsigned cause = static_cast<unsigned>(rng.below(5));
        const unsigned group = static_cast<unsigned>(rng.below(4));
        const unsigned account = static_cast<unsigned>(rng.below(5000));
        const unsigned handle = static_cast<unsigned>(rng.below(2400));
        unsigned csat = static_cast<unsigned>(rng.below(5)) + 1;
        const unsigned assignee = static_cast<unsigned>(rng.below(80));
        const bool changed = changedPerMille > 0 &&
                             changes.below(1000) < static_cast<std::uint64_t>(changedPerMille);
        const char* statusText = statuses[status];
        if (changed) {
            statusText = status == 3 ? "Solved" : "Closed";
            csat = csat % 5 + 1;
        }
        std::fprintf(out,
                     "T-%07ld,%s,%s,%s,%s,%s,%s,%s,ACC-%04u,%s,%s,RC-%02u,"
                     "\"%s problem, case %ld\",\"Customer reports that %s is not working as "
                     "expected.\nSteps: open the app, try again.\",agent%02u@example.com,%s,%u,%s,"
                     "%s,%s,\"%s\",%u.%u,%u,\"%s,%s\",%s\n",
                     i + 1, created, response, resolved, closed, statusText, priorities[priority],
                     channels[channel], account, areas[area], causes[cause], cause * 7 + area,
                     areas[area], i + 1, areas[area], assignee, groups[group],
                     escalated ? 2 + group % 2 : 1, escalated ? "true" : "false",
                     escalated ? escalatedAt : "", escalated ? "Fixed by tier 2" : "Answered",
                     "Closed after confirmation", handle / 10, handle % 10, csat, areas[area],
                     channels[channel], account % 3 == 0 ? "EMEA" : "AMER");
    }
    std::fclose(out);
    return 0;
}
