#pragma once

// The spike flag for problem clusters (issue #21): the rule of root causes
// (TrendCategories.h: latest complete week ≥ 5 and > m + 3 × max(1.4826 ×
// MAD, 1) over the 8 complete weeks before) applied to each cluster.
//
// Clusters have no stored identity: they are formed anew from the text of
// the window asked for. To follow one across weeks, the 9 weeks (the 8
// before and the latest complete one) are clustered ONCE, as one window
// (analyseClusters), and each cluster's members are counted per week by the
// instant of their first escalation in those 9 weeks. A ticket therefore
// counts once, in the week it first escalated; a cluster is named by its
// heaviest terms. The same clusters are what `clusters --from --to` shows
// for those 9 weeks.

#include "analysis/ProblemClusters.h"
#include "analysis/TrendCategories.h"
#include "store/Database.h"

#include <QDate>
#include <QJsonObject>
#include <QTimeZone>

#include <vector>

namespace escdesk::analysis {

struct ClusterSpike {
    QStringList topTerms;               // its name: the centroid's heaviest words
    QString rootCause;                  // the most common among its members
    std::int64_t size = 0;              // members over the 9 weeks
    std::int64_t count = 0;             // first escalated in the latest complete week
    std::vector<std::int64_t> trailing; // the 8 weeks before, oldest first
    SpikeThreshold threshold;
};

struct ClusterSpikeCheck {
    QDate weekStart;                  // the latest complete week; invalid when there is none
    bool enoughWeeks = false;         // as SpikeCheck::enoughWeeks
    std::vector<ClusterSpike> spikes; // furthest above its threshold first
};

// The rule and how clusters are followed, in words.
QString clusterSpikeRuleText();

// The spikes among `clusters` (formed over the 9 weeks), their members
// counted per week: `weekStarts` holds the 10 instants bounding the 9 weeks,
// oldest first.
std::vector<ClusterSpike> clusterSpikesOf(const ClusterAnalysis& clusters,
                                          const std::vector<UtcSeconds>& weekStarts);

// The check of the week `rootCauses` checked (the same latest complete week
// of the same weekly trend, so the Trends page, the report and --json say
// one thing), weeks starting at midnight in `zone`. Clusters nothing when
// that check has not enough weeks, or the week fewer escalations than a
// spike needs.
ClusterSpikeCheck clusterSpikes(store::Database& db, const SpikeCheck& rootCauses,
                                const QTimeZone& zone);

// {"week", "rule", "enough_weeks", "flagged": [{"cluster", "top_terms",
// "root_cause", "size", "count", "trailing", "median", "mad", "threshold"}]}:
// the "cluster_spikes" key of `trend --json --granularity week`.
QJsonObject clusterSpikeCheckToJson(const ClusterSpikeCheck& check);

// "webhook, signature, retry (9 vs a usual 2, threshold 5.0)".
QString clusterSpikeText(const ClusterSpike& spike);

// The name of a spiking cluster: its three heaviest terms.
QString clusterSpikeName(const ClusterSpike& spike);

} // namespace escdesk::analysis
