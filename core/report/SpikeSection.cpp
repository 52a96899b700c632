#include "report/SpikeSection.h"

#include "analysis/ClusterSpikes.h"
#include "analysis/TrendCategories.h"

namespace escdesk::report {

namespace {

// The problem clusters that spike in the week `rootCauses` checked, after
// the root causes (analysis/ClusterSpikes.h: the 9 weeks clustered once).
void addClusterSpikeParagraphs(Section& section, ReportContext& context,
                               const analysis::SpikeCheck& rootCauses) {
    const analysis::ClusterSpikeCheck check =
        analysis::clusterSpikes(context.workspace.db(), rootCauses, context.zone);
    for (const analysis::ClusterSpike& spike : check.spikes) {
        QStringList trailing;
        for (std::int64_t count : spike.trailing) {
            trailing << QString::number(count);
        }
        section.blocks.push_back(Paragraph{
            QStringLiteral("Cluster spike: %1 (mostly %2) — %3 tickets first escalated this "
                           "week, above the threshold of %4 (median %5 + %6 × max(1.4826 × MAD "
                           "%7, 1)) of the %8 weeks before: %9. The %10 weeks are clustered "
                           "once and each ticket counts in the week it first escalated.")
                .arg(analysis::clusterSpikeName(spike), spike.rootCause)
                .arg(spike.count)
                .arg(spike.threshold.threshold, 0, 'f', 1)
                .arg(spike.threshold.median, 0, 'g', 4)
                .arg(analysis::spikeK, 0, 'f', 0)
                .arg(spike.threshold.mad, 0, 'g', 4)
                .arg(analysis::spikeTrailingWeeks)
                .arg(trailing.join(QStringLiteral(", ")))
                .arg(analysis::spikeTrailingWeeks + 1),
            Tone::Bad});
    }
}

} // namespace

analysis::Trend spikeCheckWeeks(ReportContext& context, const QDate& first, const QDate& last) {
    return analysis::analyseTrend(context.workspace.db(),
                                  first.addDays(-7 * analysis::spikeTrailingWeeks), last.addDays(1),
                                  analysis::Granularity::Week, context.zone, context.asOf);
}

void addSpikeParagraphs(Section& section, ReportContext& context, const QDate& first,
                        const analysis::Trend& weeks) {
    const analysis::SpikeCheck check = analysis::rootCauseSpikes(weeks);
    if (check.weekStart != first) {
        return; // the week is not a whole one: no week to check
    }
    for (const analysis::Spike& spike : check.spikes) {
        QStringList trailing;
        for (std::int64_t count : spike.trailing) {
            trailing << QString::number(count);
        }
        section.blocks.push_back(Paragraph{
            QStringLiteral("Spike: %1 — %2 escalations this week, above the threshold of %3 "
                           "(median %4 + %5 × max(1.4826 × MAD %6, 1)) of the %7 weeks before: "
                           "%8.")
                .arg(spike.rootCause)
                .arg(spike.count)
                .arg(spike.threshold.threshold, 0, 'f', 1)
                .arg(spike.threshold.median, 0, 'g', 4)
                .arg(analysis::spikeK, 0, 'f', 0)
                .arg(spike.threshold.mad, 0, 'g', 4)
                .arg(analysis::spikeTrailingWeeks)
                .arg(trailing.join(QStringLiteral(", "))),
            Tone::Bad});
    }
    addClusterSpikeParagraphs(section, context, check);
}

} // namespace escdesk::report
