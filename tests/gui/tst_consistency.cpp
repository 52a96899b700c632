// One number, one value (issue #17 item 9): a figure the CLI's JSON, the
// GUI's pages and the report CSVs all show for the same period is the same
// on each. A demo workspace (fixed seed and end date) is read over three
// windows — 30 days, a calendar month, five weeks starting on a Wednesday
// across the US change to summer time — cut at local midnight of two
// reporting zones, and compared:
//   escdesk metrics      ↔ the Dashboard's cards and key figures (both periods)
//   escdesk trend        ↔ the Trends page's points, weekly and monthly, and
//                          the Dashboard's weekly charts
//   escdesk segments     ↔ the Segments page's rows, for every field
//   escdesk root-causes  ↔ the Root causes page's rows
//   escdesk metrics etc. ↔ the weekly and monthly reports' CSV tables
// Counts and rates held as numbers must be equal exactly; a figure a surface
// rounds for display must read as the other surface's value rounded the same
// way (the GUI's texts, through the GUI's own formatters), or, for the
// reports' CSV cells, lie within half a unit of their last printed digit.

#include "metrics/MetricsJson.h"
#include "models/DisplayText.h"
#include "pages/DashboardPage.h"
#include "pages/RootCausesPage.h"
#include "pages/SegmentsPage.h"
#include "pages/TrendsPage.h"
#include "report/ReportBuilder.h"
#include "store/Workspace.h"
#include "support/CliJson.h"
#include "widgets/KpiCard.h"
#include "widgets/PeriodPicker.h"

#include <QJsonArray>
#include <QLocale>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace escdesk;
using escdesk::testsupport::escdeskOutput;

namespace {

// The demo's last day is a Wednesday, so the weekly charts end on a week so far.
const QDate demoEnd(2025, 6, 18);

QString iso(const QDate& day) {
    return day.toString(Qt::ISODate);
}

QJsonObject parsed(const QByteArray& text) {
    return QJsonDocument::fromJson(text).object();
}

// A value of the JSON at a dotted path ("claim_delay_min.p50").
QJsonValue at(const QJsonObject& object, const QString& path) {
    QJsonValue value = object;
    for (const QString& key : path.split(QLatin1Char('.'))) {
        value = value.toObject().value(key);
    }
    return value;
}

// A count of the JSON in the type the GUI's models hold.
std::int64_t integer(const QJsonValue& value) {
    return static_cast<std::int64_t>(value.toInteger());
}

std::optional<double> optionalNumber(const QJsonValue& value) {
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

// The keys (dotted) where two JSON objects differ, with both values.
void collectDifferences(const QJsonValue& a, const QJsonValue& b, const QString& path,
                        QStringList& differences) {
    if (a.isObject() && b.isObject()) {
        QStringList keys = a.toObject().keys() + b.toObject().keys();
        keys.removeDuplicates();
        for (const QString& key : keys) {
            collectDifferences(a.toObject().value(key), b.toObject().value(key),
                               path.isEmpty() ? key : path + QLatin1Char('.') + key, differences);
        }
        return;
    }
    if (a != b) {
        differences << QStringLiteral("%1: %2 vs %3")
                           .arg(path,
                                QString::fromUtf8(
                                    QJsonDocument(QJsonArray{a}).toJson(QJsonDocument::Compact)),
                                QString::fromUtf8(
                                    QJsonDocument(QJsonArray{b}).toJson(QJsonDocument::Compact)));
    }
}

QString differences(const QJsonObject& shown, const QJsonObject& cli) {
    QStringList found;
    collectDifferences(shown, cli, QString(), found);
    return found.join(QStringLiteral("; "));
}

// A CSV file as rows of cells (RFC 4180 quoting, the report's CRLF lines).
std::vector<QStringList> readCsv(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("no %s", qPrintable(path));
    }
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1);
    }
    std::vector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\n')) {
            row << cell;
            rows.push_back(row);
            row.clear();
            cell.clear();
        } else if (c != QLatin1Char('\r')) {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        rows.push_back(row << cell);
    }
    return rows;
}

// A figure as a report cell prints it ("11.8%", "27 min", "5.6 h", "1.2 d",
// "2,740"), in the JSON's unit (a fraction, minutes, a plain number), with
// half a unit of its last printed digit: what rounding may have moved it.
struct Printed {
    std::optional<double> value;
    double halfDigit = 0;
};

Printed printedFigure(QString text) {
    text = text.trimmed();
    text.remove(QLatin1Char(','));
    if (text.startsWith(QLatin1Char('\''))) { // the spreadsheet-safe prefix
        text.remove(0, 1);
    }
    if (text == QStringLiteral("—")) {
        return {};
    }
    double scale = 1;
    for (const auto& [suffix, factor] : {std::pair{"%", 0.01}, std::pair{" min", 1.0},
                                         std::pair{" h", 60.0}, std::pair{" d", 1440.0}}) {
        if (text.endsWith(QLatin1String(suffix))) {
            text.chop(qsizetype(std::strlen(suffix)));
            scale = factor;
            break;
        }
    }
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok) {
        qFatal("not a printed figure: %s", qPrintable(text));
    }
    const qsizetype point = text.indexOf(QLatin1Char('.'));
    const int decimals = point < 0 ? 0 : int(text.size() - point - 1);
    return {number * scale, 0.5 * std::pow(10.0, -decimals) * scale};
}

// Whether a report cell reads as the CLI's value (null as "—").
bool readsAs(const QString& cell, const QJsonValue& cli) {
    const Printed printed = printedFigure(cell);
    if (!printed.value || !cli.isDouble()) {
        return !printed.value && !cli.isDouble();
    }
    return std::abs(*printed.value - cli.toDouble()) <= printed.halfDigit + 1e-9;
}

// One window of local days in one reporting zone.
struct Case {
    QDate first;
    QDate last; // inclusive
    QByteArray zone;
};

// Cell of the row whose first cell is `label`; stops the test when missing.
const QStringList& csvRow(const std::vector<QStringList>& rows, const QString& label) {
    for (const QStringList& row : rows) {
        if (!row.isEmpty() && row.front() == label) {
            return row;
        }
    }
    qFatal("no CSV row %s", qPrintable(label));
}

} // namespace

class TestConsistency : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;
    int m_reports = 0;

    Case currentCase() const {
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        QFETCH(QByteArray, zone);
        return {first, last, zone};
    }

    // The pages cut windows in the workspace's reporting zone, the CLI in --tz.
    void useZone(const QByteArray& zone) {
        m_workspace->setSetting(QStringLiteral("reporting_tz"), QString::fromLatin1(zone));
        QCOMPARE(m_workspace->reportingTimeZone().id(), zone);
    }

    QStringList periodArguments(const QDate& first, const QDate& last,
                                const QByteArray& zone) const {
        return {QStringLiteral("--db"),   m_workspace->path(),
                QStringLiteral("--from"), iso(first),
                QStringLiteral("--to"),   iso(last.addDays(1)),
                QStringLiteral("--tz"),   QString::fromLatin1(zone)};
    }

    QJsonObject cliJson(const QStringList& command, const QDate& first, const QDate& last,
                        const QByteArray& zone) const {
        return parsed(escdeskOutput(command + periodArguments(first, last, zone) +
                                    QStringList{QStringLiteral("--json")}));
    }

    QJsonObject cliJson(const QStringList& command, const Case& c) const {
        return cliJson(command, c.first, c.last, c.zone);
    }

    // The CSV tables of a report over the case's period, by table id.
    QString reportCsv(const QString& kind, const Case& c) {
        const QString out = m_dir.filePath(QStringLiteral("report-%1").arg(++m_reports));
        escdeskOutput(QStringList{QStringLiteral("report"), kind} +
                      periodArguments(c.first, c.last, c.zone) +
                      QStringList{QStringLiteral("--format"), QStringLiteral("csv"),
                                  QStringLiteral("--out"), out});
        return out;
    }

    // The metrics JSON of the CLI against a period's Metrics of the GUI.
    static void compareMetrics(const metrics::Metrics& shown, QJsonObject cli,
                               const char* surface) {
        cli.remove(QStringLiteral("period"));
        const QString found = differences(metrics::metricsToJson(shown), cli);
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(surface), found)));
    }

    static ui::KpiCard* cardTitled(const QWidget& page, const QString& title) {
        for (ui::KpiCard* card : page.findChildren<ui::KpiCard*>()) {
            if (card->titleText() == title) {
                return card;
            }
        }
        qFatal("no card %s", qPrintable(title));
    }

    // Every test runs over these windows and zones.
    static void addCases() {
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        QTest::addColumn<QByteArray>("zone");
        const struct {
            const char* name;
            QDate first;
            QDate last;
        } windows[] = {
            {"30 days", demoEnd.addDays(-30), demoEnd.addDays(-1)},
            {"April", QDate(2025, 4, 1), QDate(2025, 4, 30)},
            // Wednesday 12 Feb to Tuesday 18 Mar: starts and ends mid-week,
            // and New York moves its clocks on 9 Mar.
            {"mid-week", QDate(2025, 2, 12), QDate(2025, 3, 18)},
        };
        for (const char* zone : {"UTC", "America/New_York"}) {
            for (const auto& window : windows) {
                QTest::addRow("%s, %s", window.name, zone)
                    << window.first << window.last << QByteArray(zone);
            }
        }
    }

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString path = m_dir.filePath(QStringLiteral("consistency.db"));
        escdeskOutput({QStringLiteral("demo"), QStringLiteral("--db"), path,
                       QStringLiteral("--tickets"), QStringLiteral("3000"),
                       QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--end"),
                       iso(demoEnd)});
        m_workspace = std::make_unique<store::Workspace>(path);
    }

    void theDashboardShowsTheCliMetrics_data() { addCases(); }
    void theDashboardShowsTheCliMetrics() {
        const Case c = currentCase();
        useZone(c.zone);
        ui::DashboardPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.setCustomRange(c.first, c.last);
        page.setPreset(metrics::PeriodPreset::Custom);
        page.resize(1200, 700);
        page.show();
        QCOMPARE(page.period().dates, (metrics::DateRange{c.first, c.last}));

        // The headline cards (counted by their own query) and every key figure.
        const QJsonObject now = cliJson({QStringLiteral("metrics")}, c);
        // Enough of every kind to compare: escalations, bounces, decisions.
        QVERIFY(integer(now[QStringLiteral("escalated")]) >= 50);
        QVERIFY(at(now, QStringLiteral("bounceback_rate")).toDouble() > 0);
        QVERIFY(integer(at(now, QStringLiteral("decision_latency_min.n"))) >= 50);
        const metrics::HeadlineFigures& headline = page.comparison().current;
        QCOMPARE(headline.tickets, integer(now[QStringLiteral("tickets")]));
        QCOMPARE(headline.escalated, integer(now[QStringLiteral("escalated")]));
        QVERIFY(headline.escalationRate == optionalNumber(now[QStringLiteral("escalation_rate")]));
        compareMetrics(page.keyFigures().current, now, "Dashboard, key figures");
        // escdesk summary's headline counts them alike.
        const QJsonObject summary = cliJson({QStringLiteral("summary")}, c);
        QCOMPARE(integer(summary[QStringLiteral("tickets")]), headline.tickets);
        QCOMPARE(integer(summary[QStringLiteral("escalated")]), headline.escalated);
        QVERIFY(optionalNumber(summary[QStringLiteral("escalation_rate")]) ==
                headline.escalationRate);

        // What the cards read, to their last digit.
        QCOMPARE(cardTitled(page, QStringLiteral("Tickets"))->valueText(),
                 ui::display::count(integer(now[QStringLiteral("tickets")])));
        QCOMPARE(cardTitled(page, QStringLiteral("Escalated tickets"))->valueText(),
                 ui::display::count(integer(now[QStringLiteral("escalated")])));
        QCOMPARE(page.rateCard()->valueText(),
                 ui::display::percent(optionalNumber(now[QStringLiteral("escalation_rate")])));
        const std::pair<metrics::KeyFigure, const char*> cardKeys[] = {
            {metrics::KeyFigure::TimeToEscalateP90, "time_to_escalate_min.p90"},
            {metrics::KeyFigure::HandoffDelay, "handoff_delay_min.p90"},
            {metrics::KeyFigure::DecisionLatencyP90, "decision_latency_min.p90"},
            {metrics::KeyFigure::CriticalDecisionsWithin30m, "critical_decisions_within_30m"},
            {metrics::KeyFigure::BouncebackRate, "bounceback_rate"},
            {metrics::KeyFigure::ContextLossRate, "context_loss_rate"},
            {metrics::KeyFigure::ReescalatedShare, "reescalated_share"},
            {metrics::KeyFigure::SlaBreachRate, "sla_breach_rate.all"},
            {metrics::KeyFigure::DeflectionRate, "deflection_rate"},
        };
        for (const auto& [figure, key] : cardKeys) {
            const std::optional<double> value = optionalNumber(at(now, QLatin1String(key)));
            const QString expected = QLatin1String(key).endsWith(QLatin1String(".p90"))
                                         ? ui::display::minutes(value)
                                         : ui::display::percent(value);
            QVERIFY2(page.figureCard(figure)->valueText().startsWith(expected),
                     qPrintable(QStringLiteral("%1: card %2, CLI %3")
                                    .arg(QLatin1String(key), page.figureCard(figure)->valueText(),
                                         expected)));
        }

        // The period the cards compare with, as the CLI measures it.
        const metrics::DateRange before = page.comparison().previousDates;
        const QJsonObject then =
            cliJson({QStringLiteral("metrics")}, before.first, before.last, c.zone);
        QCOMPARE(page.comparison().previous.tickets, integer(then[QStringLiteral("tickets")]));
        QCOMPARE(page.comparison().previous.escalated, integer(then[QStringLiteral("escalated")]));
        compareMetrics(page.keyFigures().previous, then, "Dashboard, previous period");

        // The weekly charts: the weeks of escdesk trend over the same days.
        const std::vector<metrics::PeriodFigures>& weeks = page.weeks();
        QCOMPARE(int(weeks.size()), ui::DashboardPage::trendWeeks);
        // They end where the cards' (custom) period ends, a week so far
        // unless that day is a Sunday.
        QCOMPARE(weeks.back().dates.last, page.comparison().currentDates.last);
        QCOMPARE(weeks.back().partial, weeks.back().dates.last.dayOfWeek() != Qt::Sunday);
        const QJsonArray periods =
            cliJson(
                {QStringLiteral("trend"), QStringLiteral("--granularity"), QStringLiteral("week")},
                weeks.front().dates.first, weeks.back().dates.last, c.zone)
                .value(QStringLiteral("periods"))
                .toArray();
        QCOMPARE(periods.size(), qsizetype(weeks.size()));
        for (std::size_t i = 0; i < weeks.size(); ++i) {
            const QJsonObject period = periods[qsizetype(i)].toObject();
            QCOMPARE(iso(weeks[i].dates.first), period[QStringLiteral("from")].toString());
            QCOMPARE(iso(weeks[i].dates.last.addDays(1)), period[QStringLiteral("to")].toString());
            QCOMPARE(weeks[i].partial, period[QStringLiteral("partial")].toBool());
            QCOMPARE(weeks[i].figures.tickets, integer(period[QStringLiteral("tickets")]));
            QCOMPARE(weeks[i].figures.escalated, integer(period[QStringLiteral("escalated")]));
            QVERIFY(weeks[i].figures.escalationRate ==
                    optionalNumber(period[QStringLiteral("escalation_rate")]));
        }
    }

    void theTrendsPageShowsTheCliTrend_data() { addCases(); }
    void theTrendsPageShowsTheCliTrend() {
        const Case c = currentCase();
        useZone(c.zone);
        ui::TrendsPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.periodPicker()->setCustomRange(c.first, c.last);
        page.periodPicker()->setPreset(metrics::PeriodPreset::Custom);
        page.resize(1200, 800);
        page.show();
        const QJsonObject window = cliJson({QStringLiteral("metrics")}, c);
        for (const analysis::Granularity granularity :
             {analysis::Granularity::Week, analysis::Granularity::Month}) {
            page.setGranularity(granularity);
            const ui::TrendFigures& shown = page.figures();
            QCOMPARE(shown.firstDay, c.first);
            QCOMPARE(shown.lastDay, c.last);
            const QJsonObject cli =
                cliJson({QStringLiteral("trend"), QStringLiteral("--granularity"),
                         granularity == analysis::Granularity::Week ? QStringLiteral("week")
                                                                    : QStringLiteral("month")},
                        c);
            const QJsonArray periods = cli[QStringLiteral("periods")].toArray();
            const QJsonArray averages =
                at(cli, QStringLiteral("moving_average_3.escalation_rate")).toArray();
            QCOMPARE(qsizetype(shown.trend.points.size()), periods.size());
            std::int64_t tickets = 0, escalated = 0;
            for (std::size_t i = 0; i < shown.trend.points.size(); ++i) {
                const analysis::TrendPoint& point = shown.trend.points[i];
                QJsonObject period = periods[qsizetype(i)].toObject();
                QCOMPARE(iso(point.period.firstDay),
                         period.take(QStringLiteral("from")).toString());
                QCOMPARE(iso(point.period.endDay), period.take(QStringLiteral("to")).toString());
                QCOMPARE(point.period.partial, period.take(QStringLiteral("partial")).toBool());
                QCOMPARE(point.escalations, integer(period.take(QStringLiteral("escalations"))));
                QCOMPARE(point.p90Regression,
                         period.take(QStringLiteral("p90_regression")).toBool());
                QVERIFY(point.trailingMedianP90 ==
                        optionalNumber(period.take(QStringLiteral("trailing_median_p90"))));
                QJsonObject byCause;
                for (const auto& [cause, count] : point.escalationsByRootCause) {
                    byCause.insert(cause, qint64(count));
                }
                QVERIFY(byCause ==
                        period.take(QStringLiteral("escalations_by_root_cause")).toObject());
                compareMetrics(point.metrics, period, "Trends, a period");
                // The plotted line and its moving average.
                QVERIFY(shown.rate[i] == optionalNumber(period[QStringLiteral("escalation_rate")]));
                QVERIFY(shown.rateAverage[i] == optionalNumber(averages[qsizetype(i)]));
                tickets += point.metrics.tickets;
                escalated += point.metrics.escalated;
            }
            // The periods add up to the window (item 3).
            QCOMPARE(tickets, integer(window[QStringLiteral("tickets")]));
            QCOMPARE(escalated, integer(window[QStringLiteral("escalated")]));
        }
    }

    void theSegmentsPageShowsTheCliSegments_data() { addCases(); }
    void theSegmentsPageShowsTheCliSegments() {
        const Case c = currentCase();
        useZone(c.zone);
        ui::SegmentsPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.periodPicker()->setCustomRange(c.first, c.last);
        page.periodPicker()->setPreset(metrics::PeriodPreset::Custom);
        page.resize(1200, 800);
        page.show();
        const QJsonObject window = cliJson({QStringLiteral("metrics")}, c);
        for (const QString& name : metrics::segmentFieldNames()) {
            page.setField(*metrics::parseSegmentField(name));
            const analysis::SegmentAnalysis& shown = page.figures().analysis;
            QCOMPARE(page.figures().dates, (metrics::DateRange{c.first, c.last}));
            const QJsonObject cli =
                cliJson({QStringLiteral("segments"), QStringLiteral("--by"), name}, c);
            QCOMPARE(shown.tickets, integer(at(cli, QStringLiteral("overall.tickets"))));
            QCOMPARE(shown.escalated, integer(at(cli, QStringLiteral("overall.escalated"))));
            QVERIFY(shown.overallRate == optionalNumber(at(cli, QStringLiteral("overall.rate"))));
            // The overall counts are the metrics' (one definition of escalated).
            QCOMPARE(shown.tickets, integer(window[QStringLiteral("tickets")]));
            QCOMPARE(shown.escalated, integer(window[QStringLiteral("escalated")]));

            const QJsonArray rows = cli[QStringLiteral("segments")].toArray();
            QCOMPARE(qsizetype(shown.rows.size()), rows.size());
            QCOMPARE(qsizetype(page.table()->rowCount()), rows.size());
            for (std::size_t i = 0; i < shown.rows.size(); ++i) {
                const analysis::SegmentRow& row = shown.rows[i];
                const QJsonObject json = rows[qsizetype(i)].toObject();
                const QString context = name + QStringLiteral(" = ") + row.value;
                QVERIFY2(row.value.isNull() ? json[QStringLiteral("value")].isNull()
                                            : row.value == json[QStringLiteral("value")].toString(),
                         qPrintable(context));
                QCOMPARE(row.tickets, integer(json[QStringLiteral("tickets")]));
                QCOMPARE(row.escalated, integer(json[QStringLiteral("escalated")]));
                QVERIFY2(row.rate == optionalNumber(json[QStringLiteral("rate")]),
                         qPrintable(context));
                QVERIFY2(row.deviationPts == optionalNumber(json[QStringLiteral("deviation_pts")]),
                         qPrintable(context));
                QVERIFY2(row.pValue == optionalNumber(json[QStringLiteral("p_value")]),
                         qPrintable(context));
                QCOMPARE(row.significantlyAbove,
                         json[QStringLiteral("significantly_above")].toBool());
                // The table's row reads the same, to its last digit.
                const int r = int(i);
                using Column = ui::SegmentsPage::Column;
                QCOMPARE(
                    page.table()->item(r, Column::SegmentColumn)->data(Qt::UserRole).toString(),
                    row.value);
                QCOMPARE(page.table()->item(r, Column::TicketsColumn)->text(),
                         ui::display::count(integer(json[QStringLiteral("tickets")])));
                QCOMPARE(page.table()->item(r, Column::EscalatedColumn)->text(),
                         ui::display::count(integer(json[QStringLiteral("escalated")])));
                QCOMPARE(page.table()->item(r, Column::RateColumn)->text(),
                         ui::display::percent(optionalNumber(json[QStringLiteral("rate")])));
                QCOMPARE(page.table()->item(r, Column::PValueColumn)->text(),
                         ui::display::pValue(optionalNumber(json[QStringLiteral("p_value")])));
            }
        }
    }

    void theRootCausesPageShowsTheCliRootCauses_data() { addCases(); }
    void theRootCausesPageShowsTheCliRootCauses() {
        const Case c = currentCase();
        useZone(c.zone);
        ui::RootCausesPage page;
        page.setAsynchronous(false);
        page.setWorkspace(m_workspace.get());
        page.periodPicker()->setCustomRange(c.first, c.last);
        page.periodPicker()->setPreset(metrics::PeriodPreset::Custom);
        page.resize(1200, 800);
        page.show();
        QCOMPARE(page.figures().dates, (metrics::DateRange{c.first, c.last}));
        const analysis::RootCauseAnalysis& shown = page.figures().rootCauses;
        const QJsonObject cli = cliJson({QStringLiteral("root-causes")}, c);
        QCOMPARE(shown.escalations, integer(cli[QStringLiteral("escalations")]));
        QCOMPARE(shown.previousEscalations, integer(cli[QStringLiteral("previous_escalations")]));
        // Escalations are E(W) on every surface: the claims' sample and the
        // unclaimed of the metrics, and the trend's periods, count the same.
        const QJsonObject window = cliJson({QStringLiteral("metrics")}, c);
        QCOMPARE(shown.escalations, integer(at(window, QStringLiteral("claim_delay_min.n"))) +
                                        integer(window[QStringLiteral("unclaimed")]));

        const QJsonArray rows = cli[QStringLiteral("root_causes")].toArray();
        QCOMPARE(qsizetype(shown.rows.size()), rows.size());
        for (std::size_t i = 0; i < shown.rows.size(); ++i) {
            const analysis::RootCauseRow& row = shown.rows[i];
            const QJsonObject json = rows[qsizetype(i)].toObject();
            QCOMPARE(row.rootCause, json[QStringLiteral("root_cause")].toString());
            QCOMPARE(row.count, integer(json[QStringLiteral("count")]));
            QVERIFY(row.share == json[QStringLiteral("share")].toDouble());
            QCOMPARE(row.previousCount, integer(json[QStringLiteral("previous_count")]));
            QVERIFY(row.meanResolutionMin ==
                    optionalNumber(json[QStringLiteral("mean_resolution_min")]));
            QCOMPARE(row.topProductArea, json[QStringLiteral("top_product_area")].toString());
            QCOMPARE(row.knownIssueMatches, integer(json[QStringLiteral("known_issue_matches")]));
            QCOMPARE(row.affectedAccounts, integer(json[QStringLiteral("affected_accounts")]));
            QVERIFY(row.impact == json[QStringLiteral("impact")].toDouble());
            const int r = int(i);
            using Column = ui::RootCausesPage::Column;
            QCOMPARE(page.table()->item(r, Column::CountColumn)->text(),
                     ui::display::count(row.count));
            QCOMPARE(page.table()->item(r, Column::ShareColumn)->text(),
                     ui::display::percent(json[QStringLiteral("share")].toDouble()));
        }
    }

    void theReportsShowTheCliFigures_data() { addCases(); }
    void theReportsShowTheCliFigures() {
        const Case c = currentCase();
        useZone(c.zone);
        const QJsonObject now = cliJson({QStringLiteral("metrics")}, c);
        const QJsonObject causes = cliJson({QStringLiteral("root-causes")}, c);

        // The weekly review's KPI table: this period and the as many days before.
        const QString weekly = reportCsv(QStringLiteral("weekly"), c);
        const qint64 days = c.first.daysTo(c.last) + 1;
        const QJsonObject before = cliJson({QStringLiteral("metrics")}, c.first.addDays(-days),
                                           c.first.addDays(-1), c.zone);
        // The handoff row is High and Critical tickets only, as the
        // Dashboard's handoff benchmark judges it.
        const metrics::KeyFigureComparison dashboard = [&] {
            ui::DashboardPage page;
            page.setAsynchronous(false);
            page.setWorkspace(m_workspace.get());
            page.setCustomRange(c.first, c.last);
            page.setPreset(metrics::PeriodPreset::Custom);
            page.show();
            return page.keyFigures();
        }();
        const std::map<QString, QString> kpiKeys{
            {QStringLiteral("Escalation rate"), QStringLiteral("escalation_rate")},
            {QStringLiteral("Time to escalate, p90"), QStringLiteral("time_to_escalate_min.p90")},
            {QStringLiteral("Claim delay, median"), QStringLiteral("claim_delay_min.p50")},
            {QStringLiteral("Decision latency, median"),
             QStringLiteral("decision_latency_min.p50")},
            {QStringLiteral("Decision latency, p90"), QStringLiteral("decision_latency_min.p90")},
            {QStringLiteral("Critical decisions within 30 min"),
             QStringLiteral("critical_decisions_within_30m")},
            {QStringLiteral("Bounceback rate"), QStringLiteral("bounceback_rate")},
            {QStringLiteral("Context loss (info requested)"), QStringLiteral("context_loss_rate")},
            {QStringLiteral("Re-escalated tickets"), QStringLiteral("reescalated_share")},
            {QStringLiteral("Reopen rate (re-contact)"), QStringLiteral("reopen_rate")},
            {QStringLiteral("SLA breach rate, escalated"),
             QStringLiteral("sla_breach_rate.escalated")},
        };
        const std::vector<QStringList> kpis = readCsv(weekly + QStringLiteral("/kpis.csv"));
        QVERIFY(kpis.size() > 1);
        for (std::size_t i = 1; i < kpis.size(); ++i) {
            const QStringList& row = kpis[i];
            if (row.front() == QStringLiteral("Handoff delay, median (High/Critical)")) {
                QVERIFY2(readsAs(row[1], metrics::durationToJson(dashboard.highCriticalHandoffMin)
                                             .value(QStringLiteral("p50"))),
                         qPrintable(row.join(QLatin1Char(','))));
                continue;
            }
            const auto key = kpiKeys.find(row.front());
            QVERIFY2(key != kpiKeys.end(),
                     qPrintable(QStringLiteral("unmapped KPI row ") + row.front()));
            QVERIFY2(readsAs(row[1], at(now, key->second)),
                     qPrintable(row.join(QLatin1Char(',')) + QStringLiteral(" vs ") +
                                QString::number(at(now, key->second).toDouble(), 'g', 17)));
            QVERIFY2(readsAs(row[2], at(before, key->second)),
                     qPrintable(row.join(QLatin1Char(',')) + QStringLiteral(" vs before ") +
                                QString::number(at(before, key->second).toDouble(), 'g', 17)));
        }

        // Its root causes: the top of escdesk root-causes.
        const QJsonArray causeRows = causes[QStringLiteral("root_causes")].toArray();
        const std::vector<QStringList> weeklyCauses =
            readCsv(weekly + QStringLiteral("/root-causes.csv"));
        QCOMPARE(qsizetype(weeklyCauses.size() - 1), std::min<qsizetype>(5, causeRows.size()));
        for (std::size_t i = 1; i < weeklyCauses.size(); ++i) {
            const QStringList& row = weeklyCauses[i];
            const QJsonObject json = causeRows[qsizetype(i - 1)].toObject();
            QCOMPARE(row[0], json[QStringLiteral("root_cause")].toString());
            QCOMPARE(row[1], QString::number(integer(json[QStringLiteral("count")])));
            QVERIFY2(readsAs(row[2], json[QStringLiteral("share")]), qPrintable(row[2]));
            QCOMPARE(row[3], QString::number(integer(json[QStringLiteral("previous_count")])));
        }

        // The review's headline and its root-cause sentence (Markdown): the
        // escalated tickets and the escalations, each its own figure.
        const QString markdown = m_dir.filePath(QStringLiteral("report-%1.md").arg(++m_reports));
        escdeskOutput(QStringList{QStringLiteral("report"), QStringLiteral("weekly")} +
                      periodArguments(c.first, c.last, c.zone) +
                      QStringList{QStringLiteral("--format"), QStringLiteral("md"),
                                  QStringLiteral("--out"), markdown});
        QFile markdownFile(markdown);
        QVERIFY(markdownFile.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(markdownFile.readAll());
        const QString headline = QStringLiteral("- **Escalated tickets:** %1 (of %2 created)")
                                     .arg(integer(now[QStringLiteral("escalated")]))
                                     .arg(integer(now[QStringLiteral("tickets")]));
        QVERIFY2(text.contains(headline), qPrintable(headline));
        const QString escalations =
            QStringLiteral("%1 escalations this week (%2 the week before)")
                .arg(integer(causes[QStringLiteral("escalations")]))
                .arg(integer(causes[QStringLiteral("previous_escalations")]));
        QVERIFY2(text.contains(escalations), qPrintable(escalations));

        // The monthly report's key figures and costs: this period and its
        // comparison period (the month before, or as many days before).
        const QString monthly = reportCsv(QStringLiteral("monthly"), c);
        const auto [previousFirst, previousLast] =
            report::comparisonPeriod(report::ReportKind::Monthly, c.first, c.last);
        const QJsonObject previous =
            cliJson({QStringLiteral("metrics")}, previousFirst, previousLast, c.zone);
        const std::map<QString, QString> figureKeys{
            {QStringLiteral("Escalation rate"), QStringLiteral("escalation_rate")},
            {QStringLiteral("Tickets created"), QStringLiteral("tickets")},
            {QStringLiteral("Escalated tickets"), QStringLiteral("escalated")},
            {QStringLiteral("Decision latency, median"),
             QStringLiteral("decision_latency_min.p50")},
            {QStringLiteral("Resolution time of escalated, median"),
             QStringLiteral("resolution_time_min.escalated.p50")},
            {QStringLiteral("Bounceback rate"), QStringLiteral("bounceback_rate")},
            {QStringLiteral("SLA breach rate, escalated"),
             QStringLiteral("sla_breach_rate.escalated")},
        };
        const std::vector<QStringList> figures =
            readCsv(monthly + QStringLiteral("/key-figures.csv"));
        QCOMPARE(figures.size(), figureKeys.size() + 1);
        for (std::size_t i = 1; i < figures.size(); ++i) {
            const QStringList& row = figures[i];
            const auto key = figureKeys.find(row.front());
            QVERIFY2(key != figureKeys.end(),
                     qPrintable(QStringLiteral("unmapped figure row ") + row.front()));
            QVERIFY2(readsAs(row[1], at(now, key->second)), qPrintable(row.join(QLatin1Char(','))));
            QVERIFY2(readsAs(row[2], at(previous, key->second)),
                     qPrintable(row.join(QLatin1Char(','))));
        }
        const std::vector<QStringList> cost = readCsv(monthly + QStringLiteral("/cost.csv"));
        for (const auto& [label, key] :
             {std::pair{"Escalation handling", "cost.escalation_handling"},
              std::pair{"Engineering interruptions", "cost.engineering_interruptions"}}) {
            const QStringList& row = csvRow(cost, QLatin1String(label));
            QVERIFY2(readsAs(row[1], at(now, QLatin1String(key))), qPrintable(row.join(',')));
            QVERIFY2(readsAs(row[2], at(previous, QLatin1String(key))), qPrintable(row.join(',')));
        }
        const std::vector<QStringList> monthlyCauses =
            readCsv(monthly + QStringLiteral("/root-causes.csv"));
        for (std::size_t i = 1; i < monthlyCauses.size(); ++i) {
            const QStringList& row = monthlyCauses[i];
            const QJsonObject json = causeRows[qsizetype(i - 1)].toObject();
            QCOMPARE(row[0], json[QStringLiteral("root_cause")].toString());
            QCOMPARE(row[1], QString::number(integer(json[QStringLiteral("count")])));
            QVERIFY2(readsAs(row[2], json[QStringLiteral("share")]), qPrintable(row[2]));
        }
    }
};

QTEST_MAIN(TestConsistency)
#include "tst_consistency.moc"
