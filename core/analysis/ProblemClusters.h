#pragma once

// Problem clusters (SPEC §8): the escalations of a window grouped by similar
// subject and description text, so "18 of 27 escalations trace to one
// integration failure" can be said and acted on.
//
// Each escalated ticket's text becomes a TF-IDF vector over word stems
// (stop words left out; idf = ln((1 + N) / (1 + df)) + 1; vectors scaled to
// unit length). In order of escalation, a ticket joins the cluster whose
// centroid is most similar by cosine if that similarity is at least
// `clusterThreshold`, else it starts a cluster. A ticket of the same account
// as an earlier ticket of its cluster, with a text cosine of at least
// `duplicateThreshold`, is flagged as a possible duplicate of it (the same
// customer reporting the same thing twice; other customers with the same
// problem are the cluster, not duplicates). A cluster matches a known
// issue when at least half its tickets match that issue (KnownIssueMatcher);
// otherwise it is reported as a documentation gap.

#include "analysis/Impact.h"
#include "domain/Instant.h"
#include "domain/KnownIssue.h"
#include "store/Database.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace escdesk::analysis {

inline constexpr double clusterThreshold = 0.35;
inline constexpr double duplicateThreshold = 0.9;
inline constexpr int clusterTopTerms = 5;

struct ClusterMember {
    QString ticketId;
    QString subject;
    UtcSeconds escalatedAt = 0;
    double similarity = 0.0; // to the cluster's centroid when it joined
    QString duplicateOf;     // an earlier ticket of the cluster, or empty
};

struct ProblemCluster {
    std::vector<ClusterMember> members; // in order of escalation
    QStringList topTerms;               // the centroid's heaviest words
    QString productArea;                // the most common
    QString rootCause;                  // the most common
    std::optional<KnownIssue> knownIssue;
    std::int64_t knownIssueMatches = 0; // members matching that issue
    std::int64_t duplicates = 0;
    std::int64_t affectedAccounts = 0;
    double affectedArr = 0.0;
    double usersAffected = 0.0; // summed over its members
    double impact = 0.0;
};

struct ClusterAnalysis {
    Window window;
    std::int64_t escalatedTickets = 0;    // tickets with an escalation in the window
    std::vector<ProblemCluster> clusters; // of two tickets or more; largest first
    // Whether any escalated ticket of the window records its users affected:
    // the impact then weighs them (impactFormula(usersAffectedKnown)).
    bool usersAffectedKnown = false;
};

// What analyseClusters works out of each cluster: everything; or only what
// a spike check follows a cluster by (ClusterSpikes.h) — its members'
// instants of escalation, its top terms and its most common root cause —
// the members' ids, subjects and duplicates, the known issue, the accounts
// and the impact left empty.
enum class ClusterDetail { Full, Spikes };

ClusterAnalysis analyseClusters(store::Database& db, const Window& window,
                                ClusterDetail detail = ClusterDetail::Full);

// "18 of 27 escalations in the week of 2026-10-05 trace to one cluster:
// webhook, signature, … — matching known issue KI-1042 (…)", or "… — no known
// issue (a documentation gap)".
QString clusterSentence(const ClusterAnalysis& analysis, const ProblemCluster& cluster,
                        const QTimeZone& zone);

} // namespace escdesk::analysis
