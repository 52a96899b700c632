#include "report/CsatSection.h"

#include "report/ReportSupport.h"

#include <cmath>

namespace escdesk::report {

namespace {

// CSAT scores are means of small integers (1–5 in most helpdesks): one
// decimal says all a mean of them can.
QString score(std::optional<double> value) {
    return value ? QString::number(*value, 'f', 1) : QStringLiteral("—");
}

// A signed difference with a real minus sign: "+0.3", "−0.8", "0.0".
QString signedScore(double value) {
    const QString magnitude = QString::number(std::abs(value), 'f', 1);
    if (magnitude == QLatin1String("0.0")) {
        return magnitude;
    }
    return (value < 0 ? QStringLiteral("−") : QStringLiteral("+")) + magnitude;
}

std::optional<double> difference(std::optional<double> a, std::optional<double> b) {
    if (!a || !b) {
        return std::nullopt;
    }
    return *a - *b;
}

// Higher CSAT is better: a rise reads good, a fall bad.
Tone riseTone(std::optional<double> change) {
    if (!change || std::abs(*change) < 0.05) {
        return Tone::Neutral;
    }
    return *change > 0 ? Tone::Good : Tone::Bad;
}

std::vector<Cell> row(const QString& label, std::optional<double> now, std::optional<double> before,
                      bool strong = false) {
    const std::optional<double> change = difference(now, before);
    return {Cell{label, Tone::Neutral, strong}, Cell{score(now), Tone::Neutral, strong},
            Cell{score(before)},
            Cell{change ? signedScore(*change) : QStringLiteral("—"), riseTone(change)}};
}

std::vector<Cell> gapRow(const metrics::SplitMeans& now, const metrics::SplitMeans& before) {
    const std::optional<double> gapNow = csatGap(now);
    const std::optional<double> gapBefore = csatGap(before);
    const std::optional<double> change = difference(gapNow, gapBefore);
    return {Cell{QStringLiteral("Gap (escalated − not escalated)"), Tone::Neutral, true},
            Cell{gapNow ? signedScore(*gapNow) : QStringLiteral("—"), Tone::Neutral, true},
            Cell{gapBefore ? signedScore(*gapBefore) : QStringLiteral("—")},
            Cell{change ? signedScore(*change) : QStringLiteral("—"), riseTone(change)}};
}

} // namespace

std::optional<double> csatGap(const metrics::SplitMeans& csat) {
    return difference(csat.escalated, csat.notEscalated);
}

QString csatComparisonText(const metrics::SplitMeans& csat) {
    QString text = QStringLiteral("Escalated %1 vs not escalated %2")
                       .arg(score(csat.escalated), score(csat.notEscalated));
    if (const auto gap = csatGap(csat)) {
        text += QStringLiteral(" (") + signedScore(*gap) + QLatin1Char(')');
    }
    return text;
}

Section csatSection(const metrics::Metrics& now, const metrics::Metrics& before,
                    const QString& nowLabel, const QString& beforeLabel) {
    Section section{QStringLiteral("Customer satisfaction, escalated or not"), {}};
    if (!now.csat.all && !before.csat.all) {
        section.blocks.push_back(
            Paragraph{QStringLiteral("No resolved ticket of %1 or %2 has a CSAT score.")
                          .arg(nowLabel, beforeLabel)});
        return section;
    }
    const QString reason = notMeasurableReason(now, QStringLiteral("csat.escalated"));
    if (!reason.isEmpty()) {
        section.blocks.push_back(
            Paragraph{QStringLiteral("Which tickets escalated is not measurable from this data "
                                     "(%1): only the overall CSAT is shown.")
                          .arg(reason)});
    } else {
        section.blocks.push_back(Paragraph{QStringLiteral("%1: %2; %3: %4.")
                                               .arg(nowLabel, csatComparisonText(now.csat),
                                                    beforeLabel, csatComparisonText(before.csat))});
    }
    Table table;
    table.id = QStringLiteral("csat");
    table.headers = {QStringLiteral("Mean CSAT"), nowLabel, beforeLabel, QStringLiteral("Change")};
    table.align = {Align::Left, Align::Right, Align::Right, Align::Right};
    table.rows = {
        row(QStringLiteral("All resolved tickets"), now.csat.all, before.csat.all),
        row(QStringLiteral("Escalated"), now.csat.escalated, before.csat.escalated),
        row(QStringLiteral("Not escalated"), now.csat.notEscalated, before.csat.notEscalated),
        gapRow(now.csat, before.csat)};
    table.note = QStringLiteral("Mean CSAT of the resolved tickets created in the period that "
                                "have a score (SPEC §7 csat); a ticket is escalated when it has "
                                "an escalated event.");
    section.blocks.push_back(table);
    return section;
}

} // namespace escdesk::report
