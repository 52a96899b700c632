#include "report/EngineeringSection.h"

#include "analysis/EngineeringLedger.h"
#include "analysis/RootCauseCosts.h"
#include "report/ReportRenderers.h"

#include <QLocale>

#include <algorithm>

namespace escdesk::report {

namespace {

analysis::EngineeringLedger ledgerOf(ReportContext& context, const PeriodFigures& figures) {
    return analysis::engineeringLedger(context.workspace.db(), *figures.outcomes, figures.window,
                                       figures.first.daysTo(figures.last) + 1,
                                       context.evaluator.matrix());
}

// A row of figures: label | now | before | change (more is worse).
std::vector<Cell> ledgerRow(const QString& label, double now, double before, ValueFormat format,
                            bool strong = false) {
    const Tone tone = now > before + 0.05   ? Tone::Bad
                      : now < before - 0.05 ? Tone::Good
                                            : Tone::Neutral;
    return {Cell{label, Tone::Neutral, strong},
            Cell{formatValue(now, format), Tone::Neutral, strong},
            Cell{formatValue(before, format)}, Cell{changeText(now, before, format), tone}};
}

QString hoursText(double hours) {
    return QStringLiteral("%1 h").arg(QLocale(QLocale::English).toString(hours, 'f', 1));
}

std::vector<Cell> hoursRow(const QString& label, double now, double before, bool strong = false) {
    std::vector<Cell> row = ledgerRow(label, now, before, ValueFormat::Count, strong);
    row[1].text = hoursText(now);
    row[2].text = hoursText(before);
    const double delta = now - before;
    row[3].text =
        std::abs(delta) < 0.05
            ? QStringLiteral("→ no change")
            : QStringLiteral("%1 %2").arg(delta > 0 ? QStringLiteral("▲") : QStringLiteral("▼"),
                                          hoursText(std::abs(delta)));
    return row;
}

Table ledgerTable(const analysis::EngineeringLedger& now, const analysis::EngineeringLedger& before,
                  const QString& currency, const QString& nowLabel, const QString& beforeLabel) {
    Table table;
    table.id = QStringLiteral("engineering-time");
    table.headers = {QStringLiteral("Engineering time"), nowLabel, beforeLabel,
                     QStringLiteral("Change")};
    table.align = {Align::Left, Align::Right, Align::Right, Align::Right};
    table.rows.push_back(ledgerRow(QStringLiteral("Escalations to engineering"),
                                   double(now.escalations), double(before.escalations),
                                   ValueFormat::Count));
    table.rows.push_back(
        hoursRow(QStringLiteral("Engineer hours"), now.engineerHours, before.engineerHours, true));
    table.rows.push_back(ledgerRow(QStringLiteral("Cost (%1)").arg(currency), now.cost, before.cost,
                                   ValueFormat::Money));
    table.rows.push_back(ledgerRow(QStringLiteral("Avoidable escalations"),
                                   double(now.avoidable.escalations),
                                   double(before.avoidable.escalations), ValueFormat::Count, true));
    table.rows.push_back(hoursRow(QStringLiteral("Avoidable engineer hours"),
                                  now.avoidable.engineerHours, before.avoidable.engineerHours));
    std::vector<Cell> share{
        Cell{QStringLiteral("Avoidable share")},
        Cell{formatValue(now.avoidableShare, ValueFormat::Percent)},
        Cell{formatValue(before.avoidableShare, ValueFormat::Percent)},
        Cell{changeText(now.avoidableShare, before.avoidableShare, ValueFormat::Percent)}};
    table.rows.push_back(share);
    for (const analysis::AvoidableReason reason : analysis::allAvoidableReasons) {
        table.rows.push_back(
            ledgerRow(QStringLiteral("   %1").arg(analysis::avoidableReasonLabel(reason)),
                      double(now.byReason.at(reason).escalations),
                      double(before.byReason.at(reason).escalations), ValueFormat::Count));
    }
    table.note =
        QStringLiteral(
            "Escalations to engineering: escalations of the tickets created in the period landing "
            "on "
            "%1 or above; each takes (interruption + context-switch recovery) = %2 min of an "
            "engineer's time. Avoidable: an avoidable root cause in the taxonomy, a known issue "
            "with "
            "a workaround, or bounced back; an escalation with several reasons counts once in the "
            "total and under each of its reasons.")
            .arg(now.engineeringTier)
            .arg(now.hoursPerEscalation * 60.0, 0, 'f', 0);
    return table;
}

} // namespace

Section engineeringSection(ReportContext& context, const PeriodFigures& now,
                           const PeriodFigures& before, const QString& nowLabel,
                           const QString& beforeLabel) {
    Section section{QStringLiteral("Engineering time"), {}};
    const analysis::EngineeringLedger ledger = ledgerOf(context, now);
    if (!ledger.engineeringLevel) {
        section.blocks.push_back(Paragraph{analysis::ledgerSentence(ledger), Tone::Watch});
        return section;
    }
    const analysis::EngineeringLedger previous = ledgerOf(context, before);
    section.blocks.push_back(Paragraph{analysis::ledgerSentence(ledger)});
    section.blocks.push_back(
        ledgerTable(ledger, previous, context.currency, nowLabel, beforeLabel));
    section.blocks.push_back(Paragraph{analysis::annualisedSentence(ledger)});
    return section;
}

Table withRootCauseCosts(Table table, const ReportContext& context, const PeriodFigures& figures) {
    const analysis::RootCauseCosts costs =
        analysis::rootCauseCosts(figures.outcomes->tickets, figures.window, context.costs);
    // Before the recommended action, which is text and stays last.
    const bool actionLast =
        !table.headers.isEmpty() &&
        table.headers.last().compare(QLatin1String("Recommended action"), Qt::CaseInsensitive) == 0;
    const auto at =
        static_cast<std::size_t>(actionLast ? table.headers.size() - 1 : table.headers.size());
    table.headers.insert(qsizetype(at), QStringLiteral("Cost (%1)").arg(context.currency));
    if (table.align.size() >= at) {
        table.align.insert(table.align.begin() + std::ptrdiff_t(at), Align::Right);
    }
    if (!table.widths.empty()) {
        // The widest column gives the new one its room.
        auto widest = std::max_element(table.widths.begin(), table.widths.end());
        *widest -= 10;
        table.widths.insert(
            table.widths.begin() + std::ptrdiff_t(std::min(at, table.widths.size())), 10);
    }
    for (std::vector<Cell>& row : table.rows) {
        const QString cause = row.empty() ? QString() : row.front().text;
        const Cell cost{formatValue(costs.costOf(cause).value_or(0.0), ValueFormat::Money)};
        row.insert(row.begin() + std::ptrdiff_t(std::min(at, row.size())), cost);
    }
    const QString note = analysis::rootCauseCostNote() +
                         QStringLiteral(" Period total %1 %2.")
                             .arg(formatValue(costs.total(), ValueFormat::Money), context.currency);
    table.note = table.note.isEmpty() ? note : table.note + QLatin1Char(' ') + note;
    return table;
}

} // namespace escdesk::report
