// Writes a deterministic canonical events CSV (SPEC §4) for the events import
// benchmark: generate_events TICKETS OUT.csv [shuffled]. The events belong to
// the tickets T-0000001 … of bench/generate_tickets.cpp (each after its
// ticket's creation): every ticket is resolved, about one in five is
// escalated and then claimed, started and decided, some bounce back, wait
// for information or reopen — about 1.9 events a ticket, as in the demo
// workspace. With "shuffled" the same lines come in a random order (a
// deterministic permutation), so an import cannot rely on a ticket's events
// coming together.

#include "IsoTime.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

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

const char* const actors[] = {"Grace Petrov", "Victor Jensen", "Amara Okafor", "Lena Brandt",
                              "Tomás Ruiz",   "Yuki Sato",     "Omar Haddad",  "Nina Kowalski"};
const char* const decisions[] = {"needs product decision", "workaround given", "bug confirmed",
                                 "configuration fixed"};

// The lines of the file, one after another, and where each starts.
struct Lines {
    std::string text;
    std::vector<std::size_t> starts;

    void add(long ticket, std::int64_t at, const char* event, int fromTier, int toTier,
             const char* actor, const char* decision, const char* note) {
        char time[32];
        isoTime(time, at);
        char from[12] = "";
        char to[12] = "";
        if (fromTier > 0) {
            std::snprintf(from, sizeof from, "%d", fromTier);
            std::snprintf(to, sizeof to, "%d", toTier);
        }
        char line[512];
        const int length = std::snprintf(line, sizeof line, "T-%07ld,%s,%s,%s,%s,%s,%s,%s\n",
                                         ticket, time, event, from, to, actor, decision, note);
        starts.push_back(text.size());
        text.append(line, static_cast<std::size_t>(length));
    }
};

// One ticket's events, in the order they happened.
void addTicket(Lines& lines, SplitMix64& rng, long ticket) {
    const std::int64_t start = 1735689600; // 2025-01-01T00:00:00Z, as generate_tickets
    std::int64_t at = start + ticket * 30 + 30 + static_cast<std::int64_t>(rng.below(3600));
    const char* agent = actors[rng.below(8)];
    const char* expert = actors[rng.below(8)];
    const auto later = [&rng, &at](std::uint64_t upTo) {
        at += 60 + static_cast<std::int64_t>(rng.below(upTo));
        return at;
    };
    if (rng.below(100) < 8) {
        lines.add(ticket, later(7200), "reassigned", 0, 0, agent, "",
                  "\"Moved to the right queue, after triage\"");
    }
    if (rng.below(100) < 19) {
        lines.add(ticket, later(20000), "escalated", 1, 2, agent, "",
                  "\"KB searched, SOPs exhausted; repro steps attached.\"");
        lines.add(ticket, later(14400), "claimed", 0, 0, expert, "", "");
        lines.add(ticket, later(3600), "started", 0, 0, expert, "", "");
        if (rng.below(100) < 10) {
            lines.add(ticket, later(7200), "info_requested", 0, 0, expert, "",
                      "\"Asked the customer for logs, and a screenshot\"");
            lines.add(ticket, later(3600), "paused", 0, 0, expert, "", "");
            lines.add(ticket, later(86400), "resumed", 0, 0, expert, "", "");
        }
        if (rng.below(100) < 8) {
            lines.add(ticket, later(7200), "bounced", 2, 1, expert, "",
                      "\"Not a defect: how-to, answered by tier 1\"");
        } else {
            const char* decision = decisions[rng.below(4)];
            lines.add(ticket, later(28800), "decision", 0, 0, expert, decision,
                      "\"Decided after review; logged for the weekly meeting.\"");
        }
    }
    lines.add(ticket, later(86400), "resolved", 0, 0, agent, "", "");
    if (rng.below(100) < 3) {
        lines.add(ticket, later(172800), "reopened", 0, 0, agent, "",
                  "\"Customer says, it happens again\"");
        lines.add(ticket, later(86400), "resolved", 0, 0, agent, "", "");
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: generate_events TICKETS OUT.csv [shuffled]\n");
        return 2;
    }
    const long tickets = std::atol(argv[1]);
    const bool shuffled = argc > 3 && std::strcmp(argv[3], "shuffled") == 0;
    std::FILE* out = std::fopen(argv[2], "wb");
    if (!out) {
        std::perror(argv[2]);
        return 1;
    }
    Lines lines;
    SplitMix64 rng{20261207};
    for (long ticket = 1; ticket <= tickets; ++ticket) {
        addTicket(lines, rng, ticket);
    }
    std::vector<std::size_t> order(lines.starts.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    if (shuffled) {
        SplitMix64 shuffle{42}; // Fisher–Yates
        for (std::size_t i = order.size(); i > 1; --i) {
            std::swap(order[i - 1], order[shuffle.below(i)]);
        }
    }
    std::fputs("ticket_id,occurred_at,event,from_tier,to_tier,actor,decision_type,note\n", out);
    for (const std::size_t i : order) {
        const std::size_t begin = lines.starts[i];
        const std::size_t end =
            i + 1 < lines.starts.size() ? lines.starts[i + 1] : lines.text.size();
        std::fwrite(lines.text.data() + begin, 1, end - begin, out);
    }
    std::fclose(out);
    return 0;
}
