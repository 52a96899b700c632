// The reports against a small workspace worked by hand, the escaping of
// imported text, the e-mail's MIME structure and subject, and PDF pages that
// render. Runs on the offscreen platform (charts are drawn with QPainter).

#include "matrix/MatrixStore.h"
#include "report/ReportBuilder.h"
#include "report/ReportRenderers.h"
#include "report/output/EmailMessage.h"
#include "report/output/ReportOutput.h"
#include "review/ReviewRecord.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::report;

namespace {

UtcSeconds at(const char* isoUtc) {
    return QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate).toSecsSinceEpoch();
}

const QString scriptSubject = QStringLiteral("<script>alert(1)</script> sync fails");
const QString formulaSubject = QStringLiteral("=HYPERLINK(\"http://evil\",\"click\")");

// The workspace (UTC reporting zone):
//
// Week 16–22 Nov 2026: 10 tickets created, 2 escalated (T-A, T-B).
//   T-A High, Integration Issue, created 16 Nov 09:00, handle 60 min:
//       escalated 16 Nov 10:00 (1→2), info_requested 11:00, decision 14:00
//       (240 min); escalated 17 Nov 10:00 (2→3), decision 11:00 (60 min);
//       resolved 18 Nov 09:00 (2.0 days after creation).
//   T-B Low, Product Bug, created 17 Nov 08:00, handle 60 min:
//       escalated 09:00 (1→2), bounced 10:00; open. Checklist 1→2 with a
//       required item not done.
//   T-N1..N8 not escalated.
// Week 9–15 Nov: 4 tickets, 1 escalated: T-C Medium, Integration Issue,
//   created 10 Nov 09:00, escalated 10:00 (1→2), decision 11:00 (60 min),
//   handle 60 min.
// October: 5 tickets, 1 escalated: T-D Medium, Configuration, created 5 Oct
//   09:00, escalated 10:00, decision 10:30 (30 min), handle 120 min.
void fillWorkspace(store::Workspace& workspace) {
    store::Database& db = workspace.db();
    workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
    workspace.setSetting(QStringLiteral("report_recipients"),
                         QStringLiteral("vp@example.com, lead@example.com"));
    matrix::seedDefaultMatrix(db, QStringLiteral("UTC"));
    store::Transaction transaction(db);
    store::DataWriter writer(db);
    auto ticket = [&](const QString& id, UtcSeconds created, const QString& priority,
                      const QString& rootCause, const QString& subject,
                      std::optional<double> handle = {}) {
        Ticket t;
        t.ticketId = id;
        t.createdAt = created;
        t.priority = priority;
        t.rootCause = rootCause;
        t.subject = subject;
        t.productArea = QStringLiteral("Integrations");
        t.handleTimeMin = handle;
        return writer.insertTicket(t);
    };
    auto event = [&](std::int64_t row, UtcSeconds when, EventKind kind,
                     std::optional<int> from = {}, std::optional<int> to = {}) {
        TicketEvent e;
        e.occurredAt = when;
        e.kind = kind;
        e.fromTier = from;
        e.toTier = to;
        writer.insertEvent(row, e);
    };
    const auto a = ticket(QStringLiteral("T-A"), at("2026-11-16T09:00:00Z"), QStringLiteral("High"),
                          QStringLiteral("Integration Issue"), scriptSubject, 60.0);
    event(a, at("2026-11-16T10:00:00Z"), EventKind::Escalated, 1, 2);
    event(a, at("2026-11-16T11:00:00Z"), EventKind::InfoRequested);
    event(a, at("2026-11-16T14:00:00Z"), EventKind::Decision);
    event(a, at("2026-11-17T10:00:00Z"), EventKind::Escalated, 2, 3);
    event(a, at("2026-11-17T11:00:00Z"), EventKind::Decision);
    db.prepare("UPDATE tickets SET resolved_at = ? WHERE id = ?")
        .bindAll(at("2026-11-18T09:00:00Z"), a)
        .run();
    const auto b = ticket(QStringLiteral("T-B"), at("2026-11-17T08:00:00Z"), QStringLiteral("Low"),
                          QStringLiteral("Product Bug"), formulaSubject, 60.0);
    event(b, at("2026-11-17T09:00:00Z"), EventKind::Escalated, 1, 2);
    event(b, at("2026-11-17T10:00:00Z"), EventKind::Bounced, 2, 1);
    db.prepare("INSERT INTO checklist_runs(ticket, from_tier, to_tier, item_id, item_text, "
               "required, done) VALUES (?, 1, 2, 'repro', 'Reproduced', 1, 0)")
        .bindAll(b)
        .run();
    for (int i = 1; i <= 8; ++i) {
        ticket(QStringLiteral("T-N%1").arg(i), at("2026-11-18T12:00:00Z") + i * 60,
               QStringLiteral("Low"), {}, QStringLiteral("How do I export?"));
    }
    const auto c =
        ticket(QStringLiteral("T-C"), at("2026-11-10T09:00:00Z"), QStringLiteral("Medium"),
               QStringLiteral("Integration Issue"), QStringLiteral("Webhook retries"), 60.0);
    event(c, at("2026-11-10T10:00:00Z"), EventKind::Escalated, 1, 2);
    event(c, at("2026-11-10T11:00:00Z"), EventKind::Decision);
    // T-C's agent ticked one required item of the default Tier 1 → 2
    // checklist and recorded nothing about the other five.
    db.prepare("INSERT INTO checklist_runs(ticket, from_tier, to_tier, item_id, item_text, "
               "required, done) VALUES (?, 1, 2, 'status_page', 'Status page checked', 1, 1)")
        .bindAll(c)
        .run();
    for (int i = 1; i <= 3; ++i) {
        ticket(QStringLiteral("T-P%1").arg(i), at("2026-11-11T12:00:00Z") + i * 60,
               QStringLiteral("Low"), {}, QStringLiteral("Password reset"));
    }
    const auto d =
        ticket(QStringLiteral("T-D"), at("2026-10-05T09:00:00Z"), QStringLiteral("Medium"),
               QStringLiteral("Configuration"), QStringLiteral("SSO settings"), 120.0);
    event(d, at("2026-10-05T10:00:00Z"), EventKind::Escalated, 1, 2);
    event(d, at("2026-10-05T10:30:00Z"), EventKind::Decision);
    // T-D's run ticks all six required items (the optional "impact" not).
    for (const char* item : {"status_page", "knowledge_base", "sops_exhausted", "evidence",
                             "reproduction", "effort_summary"}) {
        db.prepare("INSERT INTO checklist_runs(ticket, from_tier, to_tier, item_id, item_text, "
                   "required, done) VALUES (?, 1, 2, ?, ?, 1, 1)")
            .bindAll(d, QLatin1String(item), QLatin1String(item))
            .run();
    }
    for (int i = 1; i <= 4; ++i) {
        ticket(QStringLiteral("T-O%1").arg(i), at("2026-10-06T12:00:00Z") + i * 60,
               QStringLiteral("Low"), {}, QStringLiteral("Invoice copy"));
    }
    transaction.commit();

    review::Action overdue;
    overdue.title = QStringLiteral("Fix webhook retries");
    overdue.subjectKind = review::ActionSubject::RootCause;
    overdue.subject = QStringLiteral("Integration Issue");
    overdue.owner = QStringLiteral("Priya");
    overdue.deadline = QDate(2026, 11, 20);
    overdue.createdAt = at("2026-11-09T15:00:00Z");
    review::addAction(db, overdue);
    review::Action later = overdue;
    later.title = QStringLiteral("KB article for SSO");
    later.deadline = QDate(2026, 12, 5);
    review::addAction(db, later);
    review::Action done = overdue;
    done.title = QStringLiteral("Retrain Tier 1");
    done.status = review::ActionStatus::Done;
    done.closedAt = at("2026-11-12T10:00:00Z");
    review::addAction(db, done);
    review::Decision decision;
    decision.decidedOn = QDate(2026, 11, 24);
    decision.decisionType = QStringLiteral("Policy change");
    decision.owner = QStringLiteral("Sam");
    decision.ticketId = QStringLiteral("T-A");
    review::addDecision(db, decision);
}

const Table* tableWithId(const Report& report, const QString& id) {
    for (const Table* table : report.tables()) {
        if (table->id == id) {
            return table;
        }
    }
    return nullptr;
}

const std::vector<Cell>* rowNamed(const Table& table, const QString& first) {
    for (const auto& row : table.rows) {
        if (!row.empty() && row.front().text == first) {
            return &row;
        }
    }
    return nullptr;
}

// Undoes RFC 2047 B-encoding of a (possibly folded) header value.
QString decodeHeader(QByteArray value) {
    value.replace("\r\n ", "");
    static const QRegularExpression word(QStringLiteral("=\\?UTF-8\\?B\\?([^?]*)\\?="));
    QByteArray bytes;
    auto matches = word.globalMatch(QString::fromLatin1(value));
    if (!matches.hasNext()) {
        return QString::fromLatin1(value);
    }
    while (matches.hasNext()) {
        bytes += QByteArray::fromBase64(matches.next().captured(1).toLatin1());
    }
    return QString::fromUtf8(bytes);
}

QByteArray headerOf(const QByteArray& part, const QByteArray& name) {
    const QByteArray head = part.left(part.indexOf("\r\n\r\n"));
    for (const QByteArray& line : head.split('\n')) {
        if (line.toLower().startsWith(name.toLower() + ':')) {
            return line.mid(name.size() + 1).trimmed();
        }
    }
    return {};
}

QByteArray boundaryOf(const QByteArray& contentType) {
    const auto start = contentType.indexOf("boundary=\"") + 10;
    return contentType.mid(start, contentType.indexOf('"', start) - start);
}

// The parts between --boundary lines.
QList<QByteArray> partsOf(const QByteArray& body, const QByteArray& boundary) {
    QList<QByteArray> parts = body.split('\n');
    QList<QByteArray> result;
    QByteArray current;
    bool inside = false;
    for (const QByteArray& rawLine : parts) {
        const QByteArray line = rawLine.endsWith('\r') ? rawLine.chopped(1) : rawLine;
        if (line == "--" + boundary || line == "--" + boundary + "--") {
            if (inside) {
                result << current;
            }
            current.clear();
            inside = line == "--" + boundary;
            continue;
        }
        if (inside) {
            current += line + "\r\n";
        }
    }
    return result;
}

QByteArray bodyOf(const QByteArray& part) {
    return part.mid(part.indexOf("\r\n\r\n") + 4);
}

} // namespace

class TestReports : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;

    Report build(ReportKind kind, const QDate& first, const QDate& last) {
        ReportRequest request;
        request.kind = kind;
        request.first = first;
        request.last = last;
        request.zone = QTimeZone::utc();
        request.asOf = at("2026-11-24T12:00:00Z");
        return buildReport(*m_workspace, request);
    }

    Report weekly() { return build(ReportKind::Weekly, {2026, 11, 16}, {2026, 11, 22}); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_workspace = std::make_unique<store::Workspace>(m_dir.filePath(QStringLiteral("r.db")));
        fillWorkspace(*m_workspace);
    }

    void defaultPeriodsAreTheLastCompleteOnes() {
        // Tuesday 24 Nov 2026: last week is Mon 16 – Sun 22, last month
        // October, last quarter July–September.
        const QDate today(2026, 11, 24);
        QCOMPARE(defaultReportPeriod(ReportKind::Weekly, today),
                 (std::pair{QDate(2026, 11, 16), QDate(2026, 11, 22)}));
        QCOMPARE(defaultReportPeriod(ReportKind::Monthly, today),
                 (std::pair{QDate(2026, 10, 1), QDate(2026, 10, 31)}));
        QCOMPARE(defaultReportPeriod(ReportKind::Quarterly, today),
                 (std::pair{QDate(2026, 7, 1), QDate(2026, 9, 30)}));
        QCOMPARE(comparisonPeriod(ReportKind::Monthly, {2026, 3, 1}, {2026, 3, 31}),
                 (std::pair{QDate(2026, 2, 1), QDate(2026, 2, 28)}));
    }

    // Data that ends on Friday 14 March 2025, reported on 24 Nov 2026: the
    // last complete week with data is Mon 3 – Sun 9 March 2025, the month
    // February 2025, the quarter October–December 2024. Data that reaches
    // into the usual period changes nothing.
    void defaultPeriodsFollowDataThatEndedEarlier() {
        const QDate today(2026, 11, 24);
        const QDate dataEnd(2025, 3, 14);
        const auto week = defaultReportPeriod(ReportKind::Weekly, today, dataEnd);
        QVERIFY(week.followsData);
        QCOMPARE(week.first, QDate(2025, 3, 3));
        QCOMPARE(week.last, QDate(2025, 3, 9));
        const auto month = defaultReportPeriod(ReportKind::Monthly, today, dataEnd);
        QCOMPARE(month.first, QDate(2025, 2, 1));
        QCOMPARE(month.last, QDate(2025, 2, 28));
        const auto quarter = defaultReportPeriod(ReportKind::Quarterly, today, dataEnd);
        QCOMPARE(quarter.first, QDate(2024, 10, 1));
        QCOMPARE(quarter.last, QDate(2024, 12, 31));
        // Data up to the week before: the usual last week (16–22 Nov 2026).
        const auto usual = defaultReportPeriod(ReportKind::Weekly, today, QDate(2026, 11, 16));
        QVERIFY(!usual.followsData);
        QCOMPARE(usual.first, QDate(2026, 11, 16));
        QVERIFY(!defaultReportPeriod(ReportKind::Weekly, today, std::nullopt).followsData);
    }

    void weeklyKpisMatchTheHandWorkedFigures() {
        const Report report = weekly();
        const Table* kpis = tableWithId(report, QStringLiteral("kpis"));
        QVERIFY(kpis);
        // Rate: 2 of 10 this week, 1 of 4 last week: 20.0% vs 25.0%, 5 pts down
        // (better: green), and 20% is over the 15% alarm line.
        const auto* rate = rowNamed(*kpis, QStringLiteral("Escalation rate"));
        QVERIFY(rate);
        QCOMPARE((*rate)[1].text, QStringLiteral("20.0%"));
        QCOMPARE((*rate)[2].text, QStringLiteral("25.0%"));
        QCOMPARE((*rate)[3].text, QStringLiteral("▼ 5.0 pts"));
        QCOMPARE((*rate)[3].tone, Tone::Good);
        QCOMPARE((*rate)[5].text, QStringLiteral("Off target"));
        // Decision latency: this week's escalations decided after 240 and 60
        // min (T-B's has none): median 150 min = 2.5 h; last week 60 min;
        // up 90 min = 1.5 h (worse: red).
        const auto* latency = rowNamed(*kpis, QStringLiteral("Decision latency, median"));
        QVERIFY(latency);
        QCOMPARE((*latency)[1].text, QStringLiteral("2.5 h"));
        QCOMPARE((*latency)[2].text, QStringLiteral("60 min"));
        QCOMPARE((*latency)[3].text, QStringLiteral("▲ 1.5 h"));
        QCOMPARE((*latency)[3].tone, Tone::Bad);
        // Bounceback: 1 of 3 escalations this week, 0 of 1 last week.
        const auto* bounce = rowNamed(*kpis, QStringLiteral("Bounceback rate"));
        QVERIFY(bounce);
        QCOMPARE((*bounce)[1].text, QStringLiteral("33.3%"));
        QCOMPARE((*bounce)[3].text, QStringLiteral("▲ 33.3 pts"));
        QCOMPARE((*bounce)[5].text, QStringLiteral("Off target")); // over 20%
        // Headline: 2 escalated of 10 created.
        QCOMPARE(report.headlines[1].value, QStringLiteral("2"));
        QCOMPARE(report.headlines[1].change, QStringLiteral("of 10 created"));
    }

    void weeklyRootCausesCountEscalationsWithChange() {
        const Report report = weekly();
        const Table* causes = tableWithId(report, QStringLiteral("root-causes"));
        QVERIFY(causes);
        // Escalations (events) this week: T-A twice (Integration Issue), T-B
        // once (Product Bug); last week T-C (Integration Issue).
        QCOMPARE(causes->rows.size(), size_t(2));
        QCOMPARE(causes->rows[0][0].text, QStringLiteral("Integration Issue"));
        QCOMPARE(causes->rows[0][1].text, QStringLiteral("2"));
        QCOMPARE(causes->rows[0][2].text, QStringLiteral("66.7%"));
        QCOMPARE(causes->rows[0][3].text, QStringLiteral("1"));
        QCOMPARE(causes->rows[0][4].text, QStringLiteral("▲ 1"));
        QCOMPARE(causes->rows[1][0].text, QStringLiteral("Product Bug"));
        QCOMPARE(causes->rows[1][3].text, QStringLiteral("0"));
    }

    void weeklyDeepDivesCarryTheEffortLine() {
        const Report report = weekly();
        const Table* slowest = tableWithId(report, QStringLiteral("deep-dive-decision-latency"));
        QVERIFY(slowest);
        QCOMPARE(slowest->rows.size(), size_t(1)); // one row per ticket; T-B has no decision
        QCOMPARE(slowest->rows[0][0].text, QStringLiteral("T-A"));
        QCOMPARE(slowest->rows[0][4].text, QStringLiteral("4.0 h")); // its slowest: 240 min
        // 2 escalations, 1 info request, created 16 Nov 09:00, resolved 18 Nov 09:00.
        QCOMPARE(slowest->rows[0][5].text,
                 QStringLiteral("2 escalations, 1 info request over 2.0 days"));
        const Table* again = tableWithId(report, QStringLiteral("deep-dive-reescalated"));
        QVERIFY(again);
        QCOMPARE(again->rows.size(), size_t(1));
        QCOMPARE(again->rows[0][0].text, QStringLiteral("T-A"));
        QCOMPARE(again->rows[0][4].text, QStringLiteral("2"));
        const Table* bounced = tableWithId(report, QStringLiteral("deep-dive-bounced"));
        QVERIFY(bounced);
        QCOMPARE(bounced->rows.size(), size_t(1));
        QCOMPARE(bounced->rows[0][0].text, QStringLiteral("T-B"));
        // Open: from creation 08:00 to its last event 10:00 = 2 h = 0.1 days.
        QCOMPARE(bounced->rows[0][5].text,
                 QStringLiteral("1 escalation, 1 bounce over 0.1 days (open)"));
    }

    void weeklyListsOpenActionsAndTheReviewWeeksDecisions() {
        const Report report = weekly();
        const Table* actions = tableWithId(report, QStringLiteral("open-actions"));
        QVERIFY(actions);
        // Two open (the done one is left out), earliest deadline first; the
        // first was due 20 Nov and it is 24 Nov: overdue by 4 days, in red.
        QCOMPARE(actions->rows.size(), size_t(2));
        QCOMPARE(actions->rows[0][0].text, QStringLiteral("Fix webhook retries"));
        QCOMPARE(actions->rows[0][2].text, QStringLiteral("Priya"));
        QCOMPARE(actions->rows[0][4].text, QStringLiteral("Overdue by 4 days"));
        QCOMPARE(actions->rows[0][4].tone, Tone::Bad);
        QCOMPARE(actions->rows[1][4].text, QStringLiteral("Open"));
        QCOMPARE(actions->rows[1][4].tone, Tone::Neutral);
        // The review of 16–22 Nov is held 23–29 Nov: the 24 Nov decision.
        const Table* decisions = tableWithId(report, QStringLiteral("decisions"));
        QVERIFY(decisions);
        QCOMPARE(decisions->rows.size(), size_t(1));
        QCOMPARE(decisions->rows[0][1].text, QStringLiteral("Policy change"));
        QCOMPARE(decisions->rows[0][3].text, QStringLiteral("T-A"));
        // The HTML shows the overdue deadline in red.
        const QString html = renderHtml(report);
        QVERIFY(
            html.contains(QLatin1String("color:#cf222e;font-weight:bold;\">Overdue by 4 days")));
    }

    void monthlyComparesCalendarMonthsWithCost() {
        const Report report = build(ReportKind::Monthly, {2026, 11, 1}, {2026, 11, 30});
        // November: 14 tickets (10 + 4), 3 escalated (T-A, T-B, T-C) = 21.43%;
        // October: 5 tickets, 1 escalated = 20.0%; up 1.43 pts.
        QCOMPARE(report.subject,
                 QStringLiteral("Escalations November 2026: 21.4% (▲ 1.4 pts vs October)"));
        // More tickets created (14 vs 5) is volume, neither better nor
        // worse: its change is shown uncoloured.
        const Table* figures = tableWithId(report, QStringLiteral("key-figures"));
        QVERIFY(figures);
        const auto* created = rowNamed(*figures, QStringLiteral("Tickets created"));
        QVERIFY(created);
        QCOMPARE((*created)[3].text, QStringLiteral("▲ 9"));
        QCOMPARE((*created)[3].tone, Tone::Neutral);
        const Table* cost = tableWithId(report, QStringLiteral("cost"));
        QVERIFY(cost);
        // Handling: 3 escalated × 1 h mean handle × 35/h = 105. Interruptions:
        // 1 escalation to Tier 3 × (15 + 23) min / 60 × 85/h = 53.83.
        // Total 158.83; October 1 × 2 h × 35 = 70, no Tier 3: total 70.
        QCOMPARE((*rowNamed(*cost, QStringLiteral("Escalation handling")))[1].text,
                 QStringLiteral("105"));
        QCOMPARE((*rowNamed(*cost, QStringLiteral("Engineering interruptions")))[1].text,
                 QStringLiteral("54"));
        const auto& total = *rowNamed(*cost, QStringLiteral("Total"));
        QCOMPARE(total[1].text, QStringLiteral("159"));
        QCOMPARE(total[2].text, QStringLiteral("70"));
        QCOMPARE(total[3].text, QStringLiteral("▲ 89"));
        // The parameters are shown, from the default matrix.
        const Table* parameters = tableWithId(report, QStringLiteral("cost-parameters"));
        QVERIFY(parameters);
        QCOMPARE((*rowNamed(*parameters, QStringLiteral("Agent cost per hour")))[1].text,
                 QStringLiteral("35.00 USD"));
        // Root causes month over month: Integration Issue 3 (A ×2, C) vs 0 → new.
        const Table* causes = tableWithId(report, QStringLiteral("root-causes"));
        QCOMPARE(causes->rows[0][0].text, QStringLiteral("Integration Issue"));
        QCOMPARE(causes->rows[0][1].text, QStringLiteral("3"));
        QCOMPARE(causes->rows[0][4].text, QStringLiteral("new"));
        // It ends with the long-term actions.
        QCOMPARE(report.sections.back().title, QStringLiteral("Long-term actions"));
    }

    void quarterlyListsTheLongestDecisionsAndChecklists() {
        const Report report = build(ReportKind::Quarterly, {2026, 10, 1}, {2026, 12, 31});
        QCOMPARE(report.title, QStringLiteral("Escalation efficiency, Q4 2026"));
        const Table* longest = tableWithId(report, QStringLiteral("longest-decision-latency"));
        QVERIFY(longest);
        // Per escalation: A 240 min, then A and C at 60 min (by ticket id), D 30 min.
        QCOMPARE(longest->rows.size(), size_t(4));
        QCOMPARE(longest->rows[0][0].text, QStringLiteral("T-A"));
        QCOMPARE(longest->rows[0][4].text, QStringLiteral("4.0 h"));
        QCOMPARE(longest->rows[1][0].text, QStringLiteral("T-A"));
        QCOMPARE(longest->rows[2][0].text, QStringLiteral("T-C"));
        QCOMPARE(longest->rows[3][4].text, QStringLiteral("30 min"));
        const Table* byPriority =
            tableWithId(report, QStringLiteral("decision-latency-by-priority"));
        QVERIFY(byPriority);
        // High: T-A's 240 and 60 → median 150 min; Medium: C 60, D 30 → 45 min.
        QCOMPARE(byPriority->rows[0][0].text, QStringLiteral("High"));
        QCOMPARE(byPriority->rows[0][1].text, QStringLiteral("2"));
        QCOMPARE(byPriority->rows[0][2].text, QStringLiteral("2.5 h"));
        QCOMPARE(byPriority->rows[1][0].text, QStringLiteral("Medium"));
        QCOMPARE(byPriority->rows[1][2].text, QStringLiteral("45 min"));
        const Table* checklists = tableWithId(report, QStringLiteral("checklist-vs-bounceback"));
        QVERIFY(checklists);
        // Against the matrix's Tier 1 → 2 checklist (six required items):
        // T-D ticked all six; T-B's run misses "repro", and it bounced; T-C
        // ticked one item and recorded nothing of the other five, so it is
        // not ready either; T-A's two escalations have no run. None but
        // T-B bounced.
        QCOMPARE((*rowNamed(*checklists, QStringLiteral("All required items done")))[1].text,
                 QStringLiteral("1"));
        QCOMPARE((*rowNamed(*checklists, QStringLiteral("Required items missing")))[1].text,
                 QStringLiteral("2"));
        QCOMPARE((*rowNamed(*checklists, QStringLiteral("Required items missing")))[3].text,
                 QStringLiteral("50.0%"));
        QCOMPARE((*rowNamed(*checklists, QStringLiteral("No checklist recorded")))[1].text,
                 QStringLiteral("2"));
        QCOMPARE((*rowNamed(*checklists, QStringLiteral("No checklist recorded")))[3].text,
                 QStringLiteral("0.0%"));
    }

    void importedTextIsInertInHtmlAndMarkdown() {
        const Report report = weekly();
        for (const QString& html : {renderHtml(report), renderStandaloneHtml(report)}) {
            QVERIFY(!html.contains(QLatin1String("<script")));
            QVERIFY(
                html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt; sync fails")));
        }
        const QString markdown = renderMarkdown(report);
        QVERIFY(!markdown.contains(QLatin1String("<script")));
        QVERIFY(markdown.contains(QLatin1String("&lt;script&gt;")));
    }

    void formulasAreNeutralisedInCsv() {
        QCOMPARE(neutralizeCsvCell(QStringLiteral("=1+2")), QStringLiteral("'=1+2"));
        QCOMPARE(neutralizeCsvCell(QStringLiteral("+cmd")), QStringLiteral("'+cmd"));
        QCOMPARE(neutralizeCsvCell(QStringLiteral("-cmd")), QStringLiteral("'-cmd"));
        QCOMPARE(neutralizeCsvCell(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(neutralizeCsvCell(QStringLiteral("\tx")), QStringLiteral("'\tx"));
        // A number in a column of figures is data; the same text in a text
        // column is quoted like any other cell starting with a sign.
        QCOMPARE(neutralizeCsvCell(QStringLiteral("-1.5"), true), QStringLiteral("-1.5"));
        QCOMPARE(neutralizeCsvCell(QStringLiteral("-1"), false), QStringLiteral("'-1"));
        QCOMPARE(neutralizeCsvCell(QStringLiteral("+1"), false), QStringLiteral("'+1"));
        QCOMPARE(neutralizeCsvCell(QStringLiteral("Login = broken")),
                 QStringLiteral("Login = broken"));

        const QString dir = m_dir.filePath(QStringLiteral("csv"));
        const QStringList files = writeReport(weekly(), OutputFormat::Csv, dir);
        QVERIFY(files.contains(QDir(dir).filePath(QStringLiteral("deep-dive-bounced.csv"))));
        QFile file(QDir(dir).filePath(QStringLiteral("deep-dive-bounced.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        // Quoted (it holds quotes and commas), doubled quotes, and the quote
        // mark first so no spreadsheet evaluates it.
        QVERIFY2(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""),
                 csv.constData());
        QVERIFY(!csv.contains(",=HYPERLINK") && !csv.contains("\"=HYPERLINK"));
        QVERIFY(csv.contains("Ticket,Subject,Priority,Root cause,Escalated,Effort\r\n"));
    }

    void emailIsMultipartWithInlineChartsAndAnEncodedSubject() {
        const Report report = build(ReportKind::Monthly, {2026, 11, 1}, {2026, 11, 30});
        const QByteArray message =
            emailMessage(report, {QStringLiteral("vp@example.com")}, {},
                         QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::utc()));
        QCOMPARE(headerOf(message, "To"), QByteArray("vp@example.com"));
        QCOMPARE(headerOf(message, "MIME-Version"), QByteArray("1.0"));
        QCOMPARE(headerOf(message, "Date"), QByteArray("Tue, 01 Dec 2026 08:00:00 +0000"));
        // The subject holds ▲ (not ASCII): RFC 2047 encoded words that decode
        // to the report's subject; no raw 8-bit byte anywhere in the headers.
        QByteArray subject = message.mid(message.indexOf("Subject: ") + 9);
        subject = subject.left(subject.indexOf("\r\nDate:"));
        QVERIFY(subject.startsWith("=?UTF-8?B?"));
        QCOMPARE(decodeHeader(subject),
                 QStringLiteral("Escalations November 2026: 21.4% (▲ 1.4 pts vs October)"));
        const QByteArray headers = message.left(message.indexOf("\r\n\r\n"));
        for (const char byte : headers) {
            QVERIFY(static_cast<unsigned char>(byte) < 0x80);
        }

        const QByteArray top = headerOf(message, "Content-Type");
        QVERIFY(top.startsWith("multipart/alternative"));
        const QList<QByteArray> alternatives = partsOf(message, boundaryOf(top));
        QCOMPARE(alternatives.size(), 2);
        QVERIFY(headerOf(alternatives[0], "Content-Type").startsWith("text/plain"));
        const QString text = QString::fromUtf8(QByteArray::fromBase64(bodyOf(alternatives[0])));
        QVERIFY(text.contains(QLatin1String("Escalation rate: 21.4%")));
        const QByteArray related = headerOf(alternatives[1], "Content-Type");
        QVERIFY(related.startsWith("multipart/related"));
        const QList<QByteArray> parts = partsOf(alternatives[1], boundaryOf(related));
        QCOMPARE(parts.size(), 1 + static_cast<int>(report.charts().size()));
        QVERIFY(headerOf(parts[0], "Content-Type").startsWith("text/html"));
        const QString html = QString::fromUtf8(QByteArray::fromBase64(bodyOf(parts[0])));
        for (int i = 1; i < parts.size(); ++i) {
            QCOMPARE(headerOf(parts[i], "Content-Type").left(9), QByteArray("image/png"));
            QByteArray id = headerOf(parts[i], "Content-ID");
            QVERIFY(id.startsWith('<') && id.endsWith('>'));
            id = id.mid(1, id.size() - 2);
            // The HTML refers to it, and it is a real PNG.
            QVERIFY2(html.contains(QStringLiteral("src=\"cid:%1\"").arg(QString::fromLatin1(id))),
                     id.constData());
            QImage image;
            QVERIFY(image.loadFromData(QByteArray::fromBase64(bodyOf(parts[i])), "PNG"));
            QVERIFY(image.width() > 600);
        }
    }

    void pdfPagesRender() {
        const QString pdf = m_dir.filePath(QStringLiteral("weekly.pdf"));
        WriteOptions options;
        options.pageSize = QPageSize::Letter;
        writeReport(weekly(), OutputFormat::Pdf, pdf, options);
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY(info.waitForFinished(30000));
        const QString details = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(details.contains(QLatin1String("612 x 792 pts (letter)")), qPrintable(details));
        static const QRegularExpression pagesLine(QStringLiteral("Pages:\\s+(\\d+)"));
        const int pages = pagesLine.match(details).captured(1).toInt();
        QVERIFY(pages >= 2); // six sections and two charts do not fit one page

        QProcess render;
        render.start(QStringLiteral("pdftoppm"),
                     {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-f"),
                      QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                      QStringLiteral("-png"), pdf, m_dir.filePath(QStringLiteral("page"))});
        QVERIFY(render.waitForFinished(30000));
        QCOMPARE(render.exitCode(), 0);
        const QStringList images =
            QDir(m_dir.path()).entryList({QStringLiteral("page*.png")}, QDir::Files);
        QCOMPARE(images.size(), 1);
        const QImage page(m_dir.filePath(images.first()));
        QVERIFY(!page.isNull());
        // Letter at 40 dpi: 340 × 440 pixels; a rendered page has ink on it.
        QCOMPARE(page.size(), QSize(340, 440));
        int inked = 0;
        for (int y = 0; y < page.height(); ++y) {
            for (int x = 0; x < page.width(); ++x) {
                inked += qGray(page.pixel(x, y)) < 200 ? 1 : 0;
            }
        }
        QVERIFY2(inked > page.width() * page.height() / 50, qPrintable(QString::number(inked)));
    }

    void weeklyListsEscalationsStillWaitingForADecision() {
        // The hand-worked week has none waiting: T-A decided and resolved,
        // T-B bounced.
        const Report handWorked = weekly(); // the table points into it
        const Table* none = tableWithId(handWorked, QStringLiteral("deep-dive-waiting"));
        QVERIFY(none);
        QVERIFY(none->rows.empty());
        // A workspace of its own: T-W escalated Mon 16 Nov 10:00 and never
        // decided; T-R escalated then re-escalated with a decision on the
        // second, so its first escalation is not waiting.
        store::Workspace workspace(m_dir.filePath(QStringLiteral("waiting.db")));
        {
            store::DataWriter writer(workspace.db());
            Ticket t;
            t.ticketId = QStringLiteral("T-W");
            t.createdAt = at("2026-11-16T09:00:00Z");
            TicketEvent e;
            e.occurredAt = at("2026-11-16T10:00:00Z");
            writer.insertEvent(writer.insertTicket(t), e);
            t.ticketId = QStringLiteral("T-R");
            const auto r = writer.insertTicket(t);
            writer.insertEvent(r, e);
            e.occurredAt = at("2026-11-17T10:00:00Z");
            writer.insertEvent(r, e);
            e.kind = EventKind::Decision;
            e.occurredAt = at("2026-11-17T11:00:00Z");
            writer.insertEvent(r, e);
        }
        ReportRequest request;
        request.kind = ReportKind::Weekly;
        request.first = {2026, 11, 16};
        request.last = {2026, 11, 22};
        request.zone = QTimeZone::utc();
        request.asOf = at("2026-11-24T12:00:00Z");
        const Report report = buildReport(workspace, request);
        const Table* waiting = tableWithId(report, QStringLiteral("deep-dive-waiting"));
        QVERIFY(waiting);
        QCOMPARE(waiting->rows.size(), size_t(1));
        QCOMPARE(waiting->rows[0][0].text, QStringLiteral("T-W"));
        // 16 Nov 10:00 to 24 Nov 12:00: 8 days 2 hours = 8.08 days.
        QCOMPARE(waiting->rows[0][4].text, QStringLiteral("8.1 d"));
    }

    void pdfKeepsTableRowsWholeAndRepeatsHeaders() {
        // An empty workspace (the report still builds) with 60 open actions
        // whose titles wrap over several lines: a row split across a page
        // break would put a title's first and last words on different pages.
        store::Workspace workspace(m_dir.filePath(QStringLiteral("rows.db")));
        for (int i = 0; i < 60; ++i) {
            review::Action action;
            action.title = QStringLiteral("start-%1 make the webhook retry runbook clear enough "
                                          "for Tier 1 to follow without help end-%1")
                               .arg(i);
            action.owner = QStringLiteral("Priya");
            action.deadline = QDate(2026, 12, 1).addDays(i);
            review::addAction(workspace.db(), action);
        }
        ReportRequest request;
        request.kind = ReportKind::Weekly;
        request.first = {2026, 11, 16};
        request.last = {2026, 11, 22};
        request.zone = QTimeZone::utc();
        request.asOf = at("2026-11-24T12:00:00Z");
        const QString pdf = m_dir.filePath(QStringLiteral("rows.pdf"));
        writeReport(buildReport(workspace, request), OutputFormat::Pdf, pdf);

        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY(info.waitForFinished(30000));
        static const QRegularExpression pagesLine(QStringLiteral("Pages:\\s+(\\d+)"));
        const int pages =
            pagesLine.match(QString::fromUtf8(info.readAllStandardOutput())).captured(1).toInt();
        QVERIFY(pages >= 3);
        int pagesWithActions = 0;
        for (int page = 1; page <= pages; ++page) {
            QProcess text;
            text.start(QStringLiteral("pdftotext"),
                       {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                        QString::number(page), pdf, QStringLiteral("-")});
            QVERIFY(text.waitForFinished(30000));
            const QString content = QString::fromUtf8(text.readAllStandardOutput());
            bool hasActions = false;
            for (int i = 0; i < 60; ++i) {
                const bool starts = content.contains(QStringLiteral("start-%1 ").arg(i));
                const bool ends = content.contains(QStringLiteral("end-%1\n").arg(i)) ||
                                  content.contains(QStringLiteral("end-%1 ").arg(i));
                QVERIFY2(starts == ends,
                         qPrintable(QStringLiteral("action %1 split on page %2").arg(i).arg(page)));
                hasActions = hasActions || starts;
            }
            if (hasActions) {
                ++pagesWithActions;
                // Every page of the table carries its header row.
                QVERIFY2(content.contains(QLatin1String("Deadline")), qPrintable(content));
            }
            QVERIFY(content.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)));
        }
        QVERIFY(pagesWithActions >= 2);
    }

#ifdef ESCDESK_CLI
    void cliWritesEveryFormatAndRefusesUnknownOnes() {
        const QString db = m_workspace->path();
        auto run = [&](const QStringList& arguments) {
            QProcess process;
            process.start(QStringLiteral(ESCDESK_CLI), arguments);
            process.waitForFinished(120000);
            return process.exitCode();
        };
        for (const QString& format : {QStringLiteral("html"), QStringLiteral("pdf"),
                                      QStringLiteral("md"), QStringLiteral("eml")}) {
            const QString out = m_dir.filePath(QStringLiteral("cli.") + format);
            QCOMPARE(
                run({QStringLiteral("report"), QStringLiteral("monthly"), QStringLiteral("--db"),
                     db, QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                     QStringLiteral("--to"), QStringLiteral("2026-12-01"),
                     QStringLiteral("--format"), format, QStringLiteral("--out"), out}),
                0);
            QVERIFY2(QFileInfo(out).size() > 1000, qPrintable(out));
        }
        QFile eml(m_dir.filePath(QStringLiteral("cli.eml")));
        QVERIFY(eml.open(QIODevice::ReadOnly));
        // Recipients from the workspace setting.
        QCOMPARE(headerOf(eml.readAll(), "To"), QByteArray("vp@example.com, lead@example.com"));
        QCOMPARE(run({QStringLiteral("report"), QStringLiteral("yearly"), QStringLiteral("--db"),
                      db, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.html"))}),
                 2);
        QCOMPARE(run({QStringLiteral("report"), QStringLiteral("weekly"), QStringLiteral("--db"),
                      db, QStringLiteral("--format"), QStringLiteral("docx"),
                      QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.docx"))}),
                 2);
    }
#endif
};

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
