#include "pages/RootCausesPage.h"

#include "ShownText.h"
#include "analysis/DocumentationGaps.h"
#include "analysis/DrillDown.h"
#include "matrix/MatrixStore.h"
#include "metrics/FactsLoader.h"
#include "metrics/OutcomeStore.h"
#include "models/DisplayText.h"
#include "pages/PageParts.h"
#include "widgets/AnalysisChart.h"
#include "widgets/PeriodPicker.h"
#include "widgets/TicketListPane.h"

#include <QBarSet>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace escdesk::ui {

namespace {

// Bars in the chart: the table ranks every root cause.
constexpr int chartRootCauses = 10;

RootCauseFigures computeRootCauses(store::Workspace& workspace, metrics::PeriodPreset preset,
                                   const metrics::DateRange& picked, const QDate& today) {
    RootCauseFigures figures;
    const QTimeZone zone = workspace.reportingTimeZone();
    figures.period = metrics::choosePeriod(workspace.db(), preset, picked, today, zone);
    const metrics::DateRange dates = figures.period.dates;
    figures.dates = dates;
    if (!dates.isValid()) {
        return figures;
    }
    const Window window = metrics::windowOf(dates, zone);
    store::Database& db = workspace.db();
    const matrix::Matrix matrix = matrix::loadMatrix(db);
    figures.rootCauses = analysis::analyseRootCauses(db, window, matrix.taxonomy);
    const UtcSeconds asOf = QDateTime::currentSecsSinceEpoch();
    const metrics::WindowOutcomes outcomes = metrics::loadWindowOutcomes(db, window, asOf);
    figures.costs = analysis::rootCauseCosts(outcomes.tickets, window, outcomes.costs);
    figures.ledger = analysis::engineeringLedger(db, outcomes, window, dates.days(), matrix);
    // Only the escalated tickets' facts: what the listing visits, without
    // every ticket of the period.
    figures.rootCauseTickets =
        analysis::ticketRowsByRootCause(metrics::loadEscalationsInput(db, window), window);
    figures.clusters = analysis::analyseClusters(db, window);
    for (const analysis::ProblemCluster& cluster : figures.clusters.clusters) {
        figures.clusterSentences << analysis::clusterSentence(figures.clusters, cluster, zone);
        figures.clusterTickets.push_back(analysis::clusterTicketRows(db, cluster));
    }
    return figures;
}

// A root cause's cost in the period with the currency of the matrix rates.
QString costText(const analysis::RootCauseCosts& costs, const QString& rootCause) {
    return display::amount(costs.costOf(rootCause).value_or(0.0));
}

// The page's footnote: the impact formula (with users affected when the
// data records them) and how clusters are formed.
QString footnoteText(bool usersAffectedKnown) {
    return RootCausesPage::tr(
               "Impact: %1. Clusters group escalations by similar subject and description text "
               "(TF-IDF, cosine ≥ 0.35); a cluster with no known issue matching half its "
               "escalations, or whose known issue has no knowledge-base article, is a "
               "documentation gap.")
        .arg(analysis::impactFormula(usersAffectedKnown));
}

QString impactText(double impact) {
    return QLocale().toString(impact, 'f', 1);
}

QString changeText(std::int64_t change) {
    if (change > 0) {
        return QStringLiteral("▲ +%1").arg(display::count(change));
    }
    if (change < 0) {
        return QStringLiteral("▼ −%1").arg(display::count(-change));
    }
    return QStringLiteral("0");
}

QWidget* titled(const QString& title, QWidget* body, QWidget* extra, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(parts::sectionTitle(title, box));
    body->setParent(box);
    layout->addWidget(body, 1);
    if (extra) {
        extra->setParent(box);
        layout->addWidget(extra);
    }
    return box;
}

} // namespace

RootCausesPage::RootCausesPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_period(new PeriodPicker(this))
    , m_subtitle(parts::subtitle(this))
    , m_content(new QWidget(this))
    , m_table(new QTableWidget(m_content))
    , m_detail(new QLabel(m_content))
    , m_chart(new AnalysisChart(tr("Escalations by root cause"), QStringLiteral("root-causes"),
                                m_content))
    , m_clusters(new QTableWidget(m_content))
    , m_sentence(new QLabel(m_content))
    , m_tickets(new TicketListPane(m_content)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 12);
    layout->setSpacing(10);
    auto* header = new QHBoxLayout;
    header->addWidget(parts::pageTitle(tr("Root causes"), this));
    header->addStretch();
    header->addWidget(m_period);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);

    m_detail->setObjectName(QStringLiteral("subtitle"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setMinimumHeight(2 * fontMetrics().lineSpacing() + 4);
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_sentence->setObjectName(QStringLiteral("subtitle"));
    m_sentence->setWordWrap(true);
    m_sentence->setTextFormat(Qt::PlainText);
    m_sentence->setMinimumHeight(2 * fontMetrics().lineSpacing() + 4);
    m_sentence->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 4, 0, 0);
    content->setSpacing(8);
    auto* splitter = new QSplitter(Qt::Vertical, m_content);
    splitter->setChildrenCollapsible(false);
    auto* upper = new QSplitter(Qt::Horizontal, splitter);
    upper->setChildrenCollapsible(false);
    upper->addWidget(titled(tr("Ranked root causes"), m_table, m_detail, upper));
    upper->addWidget(m_chart);
    upper->setStretchFactor(0, 1);
    upper->setStretchFactor(1, 0);
    // The table's columns first; the chart takes what is left (it scales).
    upper->setSizes({835, 300});
    m_chart->setMinimumWidth(270);
    auto* lower = new QSplitter(Qt::Horizontal, splitter);
    lower->setChildrenCollapsible(false);
    lower->addWidget(titled(tr("Problem clusters"), m_clusters, m_sentence, lower));
    lower->addWidget(m_tickets);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    lower->setSizes({695, 440});
    splitter->addWidget(upper);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    content->addWidget(splitter, 1);
    m_engineering = new QLabel(m_content);
    m_engineering->setObjectName(QStringLiteral("engineeringTime"));
    m_engineering->setWordWrap(true);
    m_engineering->setTextFormat(Qt::RichText);
    m_engineering->setAccessibleName(tr("Engineering time"));
    content->addWidget(m_engineering);
    m_footnote = parts::footnote(footnoteText(false), m_content);
    content->addWidget(m_footnote);
    layout->addWidget(m_content, 1);

    parts::styleTable(m_table);
    m_table->setColumnCount(ColumnCount);
    // Two-line headers keep nine columns beside the chart.
    m_table->setHorizontalHeaderLabels(
        {tr("#"), tr("Root cause"), tr("Count"), tr("Share"), tr("Change"), tr("Mean\nresolution"),
         tr("Top product area"), tr("Known\nissues"), tr("Impact"), tr("Cost")});
    m_table->setAccessibleName(tr("Ranked root causes"));
    const QList<std::pair<int, int>> widths{
        {RankColumn, 28},         {RootCauseColumn, 156},  {CountColumn, 60},
        {ShareColumn, 56},        {ChangeColumn, 64},      {ResolutionColumn, 80},
        {ProductAreaColumn, 150}, {KnownIssuesColumn, 64}, {ImpactColumn, 66}};
    for (const auto& [column, width] : widths) {
        m_table->setColumnWidth(column, width);
    }
    m_table->horizontalHeader()->setStretchLastSection(true);
    parts::fitColumnsToHeaders(m_table);
    m_table->horizontalHeaderItem(CountColumn)
        ->setToolTip(display::termDefinition(metrics::escalationsTerm));
    m_table->horizontalHeaderItem(ChangeColumn)
        ->setToolTip(tr("Escalations more or fewer than in the period before"));
    m_table->horizontalHeaderItem(KnownIssuesColumn)
        ->setToolTip(tr("Escalations that match a known issue"));
    for (int column : {int(RankColumn), int(CountColumn), int(ShareColumn), int(ChangeColumn),
                       int(ResolutionColumn), int(KnownIssuesColumn), int(ImpactColumn)}) {
        m_table->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }

    parts::styleTable(m_clusters);
    m_clusters->setColumnCount(ClusterColumnCount);
    m_clusters->setHorizontalHeaderLabels({tr("Tickets"), tr("Top terms"), tr("Known issue"),
                                           tr("Duplicates"), tr("Accounts"), tr("Impact")});
    m_clusters->setAccessibleName(tr("Problem clusters"));
    const QList<std::pair<int, int>> clusterWidths{{ClusterSizeColumn, 84},
                                                   {ClusterTermsColumn, 150},
                                                   {ClusterIssueColumn, 140},
                                                   {ClusterDuplicatesColumn, 84},
                                                   {ClusterAccountsColumn, 76}};
    for (const auto& [column, width] : clusterWidths) {
        m_clusters->setColumnWidth(column, width);
    }
    parts::fitColumnsToHeaders(m_clusters);
    // The terms say what a cluster is about: they take the spare width.
    m_clusters->setColumnWidth(ClusterImpactColumn, 76);
    m_clusters->horizontalHeader()->setSectionResizeMode(ClusterTermsColumn, QHeaderView::Stretch);
    m_clusters->horizontalHeaderItem(ClusterSizeColumn)
        ->setToolTip(tr("Escalated tickets in the cluster, of all escalated in the period"));
    for (int column : {int(ClusterSizeColumn), int(ClusterDuplicatesColumn),
                       int(ClusterAccountsColumn), int(ClusterImpactColumn)}) {
        m_clusters->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight |
                                                                   Qt::AlignVCenter);
    }
    m_tickets->clear(tr("Select a root cause or a cluster to list the tickets behind it."));

    connect(m_period, &PeriodPicker::changed, this, &RootCausesPage::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RootCausesPage::rootCauseSelected);
    connect(m_clusters, &QTableWidget::itemSelectionChanged, this,
            &RootCausesPage::clusterSelected);
}

RootCausesPage::~RootCausesPage() {
    m_job.finish();
}

void RootCausesPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    m_stale = true;
    m_job.cancel();
    if (isVisible()) {
        refresh();
    }
}

void RootCausesPage::showEvent(QShowEvent* event) {
    WorkspacePage::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void RootCausesPage::saveSettings(QSettings& settings) const {
    m_period->saveSettings(settings, QStringLiteral("rootCauses"));
}

void RootCausesPage::restoreSettings(QSettings& settings) {
    m_period->restoreSettings(settings, QStringLiteral("rootCauses"));
}

void RootCausesPage::refresh() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const QDate today = parts::today(m_workspace);
    const metrics::DateRange dates = m_period->dates(today);
    const metrics::PeriodPreset preset = m_period->preset();
    if (!m_workspace) {
        m_job.cancel();
        RootCauseFigures none;
        none.dates = dates;
        showFigures(std::move(none));
        return;
    }
    m_subtitle->setText(tr("Calculating…"));
    m_content->setEnabled(false);
    m_job.run<RootCauseFigures>(
        this, m_workspace->path(),
        [preset, dates, today](store::Workspace& workspace) {
            return computeRootCauses(workspace, preset, dates, today);
        },
        [this](RootCauseFigures figures) { showFigures(std::move(figures)); });
}

void RootCausesPage::showFigures(RootCauseFigures figures) {
    m_figures = std::move(figures);
    m_content->setEnabled(true);
    const analysis::RootCauseAnalysis& a = m_figures.rootCauses;
    m_period->showDataEnd(m_figures.period.followsData ? m_figures.period.dataEnd : QDate());
    QString line = parts::periodLine(m_figures.period, m_period->presetText(), m_workspace);
    if (!m_figures.error.isEmpty()) {
        line = m_figures.error;
    } else if (m_workspace && m_figures.dates.isValid() && !a.unavailable.isEmpty()) {
        line = tr("Escalations not measurable: %1 · %2").arg(a.unavailable, line);
    } else if (m_workspace && m_figures.dates.isValid()) {
        line = tr("%1 escalations (previous period %2) · %3 problem clusters · %4")
                   .arg(display::count(a.escalations), display::count(a.previousEscalations))
                   .arg(m_figures.clusters.clusters.size())
                   .arg(line);
    }
    shown::setPlainText(m_subtitle, line);
    // The formula names users affected only when the data has them.
    m_footnote->setText(
        footnoteText(a.usersAffectedKnown || m_figures.clusters.usersAffectedKnown));
    showTable();
    showChart();
    showClusters();
    showEngineering();
    m_tickets->clear(
        !a.unavailable.isEmpty() ? tr("Escalations not measurable: %1.").arg(a.unavailable)
        : a.rows.empty()         ? tr("No escalations in this period.")
                         : tr("Select a root cause or a cluster to list the tickets behind it."));
}

void RootCausesPage::showTable() {
    const analysis::RootCauseAnalysis& a = m_figures.rootCauses;
    const QSignalBlocker block(m_table);
    m_table->clearContents();
    m_table->setRowCount(int(a.rows.size()));
    for (int i = 0; i < int(a.rows.size()); ++i) {
        const analysis::RootCauseRow& row = a.rows[std::size_t(i)];
        m_table->setItem(i, RankColumn, parts::numberItem(QString::number(i + 1)));
        auto* name = parts::textItem(row.rootCause);
        QFont bold = name->font();
        bold.setWeight(QFont::DemiBold);
        name->setFont(bold);
        // The cost reads here and in the detail line: the table keeps its
        // nine columns beside the chart.
        name->setToolTip(shown::toolTip(
            tr("Recommended action: %1\nCost in the period: %2")
                .arg(row.recommendedAction, costText(m_figures.costs, row.rootCause))));
        m_table->setItem(i, RootCauseColumn, name);
        m_table->setItem(i, CountColumn, parts::numberItem(display::count(row.count)));
        m_table->setItem(i, ShareColumn, parts::numberItem(display::percent(row.share)));
        auto* change = parts::numberItem(changeText(row.change()));
        change->setToolTip(tr("%1 in the period before").arg(display::count(row.previousCount)));
        if (row.change() != 0) {
            change->setForeground(row.change() > 0 ? AnalysisChart::badColour()
                                                   : AnalysisChart::goodColour());
        }
        m_table->setItem(i, ChangeColumn, change);
        m_table->setItem(i, ResolutionColumn,
                         parts::numberItem(display::minutes(row.meanResolutionMin)));
        m_table->setItem(i, ProductAreaColumn, parts::textItem(row.topProductArea));
        m_table->setItem(i, KnownIssuesColumn,
                         parts::numberItem(display::count(row.knownIssueMatches)));
        m_table->setItem(i, ImpactColumn, parts::numberItem(impactText(row.impact)));
    }
    // Until one is picked, the top root cause's action reads first.
    showDetail(a.rows.empty() ? -1 : 0);
}

void RootCausesPage::showDetail(int index) {
    const auto& rows = m_figures.rootCauses.rows;
    if (index < 0 || index >= int(rows.size())) {
        m_detail->clear();
        return;
    }
    const analysis::RootCauseRow& row = rows[std::size_t(index)];
    QStringList issues;
    for (const analysis::CountedName& issue : row.knownIssues) {
        issues << QStringLiteral("%1 (%2)").arg(shown::html(issue.name)).arg(issue.count);
    }
    const QString gaps =
        row.documentationGaps > 0
            ? tr(" · <span style='color:#b7791f'>documentation gap: %1 match a known issue without "
                 "a KB article</span>")
                  .arg(display::count(row.documentationGaps))
            : QString();
    m_detail->setText(
        tr("<b>%1</b> — recommended action: %2<br><span style='color:#7b8794'>Known issues: %3 · "
           "%4 accounts, ARR %5 · cost %6</span>%7")
            .arg(shown::html(row.rootCause), shown::html(row.recommendedAction),
                 issues.isEmpty() ? tr("none") : issues.join(QStringLiteral(", ")),
                 display::count(row.affectedAccounts), display::amount(row.affectedArr),
                 costText(m_figures.costs, row.rootCause) + QLatin1Char(' ') +
                     m_figures.ledger.currency,
                 gaps));
}

void RootCausesPage::showChart() {
    const analysis::RootCauseAnalysis& a = m_figures.rootCauses;
    m_chart->clear(a.rows.empty() && m_workspace ? tr("No escalations in this period.")
                                                 : QString());
    if (a.rows.empty()) {
        return;
    }
    const int bars = std::min<int>(chartRootCauses, int(a.rows.size()));
    QStringList labels;
    auto* counts = new QBarSet(tr("Escalations"));
    counts->setColor(AnalysisChart::accentColour());
    counts->setBorderColor(AnalysisChart::accentColour());
    std::int64_t highest = 0;
    // The largest at the top: a horizontal bar chart starts at the bottom.
    for (int i = bars - 1; i >= 0; --i) {
        const analysis::RootCauseRow& row = a.rows[std::size_t(i)];
        labels << row.rootCause;
        counts->append(double(row.count));
        highest = std::max(highest, row.count);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(counts);
    series->setBarWidth(0.62);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    counts->setLabelColor(Qt::white);
    m_chart->addRoundValueAxis(double(highest), 5.0, QStringLiteral("%.0f"), tr("Escalations"),
                               Qt::AlignBottom);
    m_chart->addCategoryAxis(labels, tr("Root cause"), Qt::AlignLeft);
    m_chart->addSeries(series);
    m_chart->chart()->legend()->hide();
    const auto rowOfBar = [bars](int index) {
        return bars - 1 - index;
    };
    connect(series, &QHorizontalBarSeries::hovered, m_chart,
            [this, rowOfBar](bool status, int index, QBarSet*) {
                const int row = rowOfBar(index);
                if (!status || row < 0 || row >= int(m_figures.rootCauses.rows.size())) {
                    m_chart->showToolTip({});
                    return;
                }
                const analysis::RootCauseRow& r = m_figures.rootCauses.rows[std::size_t(row)];
                m_chart->showToolTip(
                    tr("<b>%1</b><br>%2 escalations, %3 of all<br>%4 against the "
                       "period before (%5)<br>Impact %6<br><i>Click to list the tickets</i>")
                        .arg(shown::html(r.rootCause), display::count(r.count),
                             display::percent(r.share), changeText(r.change()),
                             display::count(r.previousCount), impactText(r.impact)));
            });
    connect(series, &QHorizontalBarSeries::clicked, m_chart,
            [this, rowOfBar](int index, QBarSet*) { m_table->selectRow(rowOfBar(index)); });
}

void RootCausesPage::showClusters() {
    const analysis::ClusterAnalysis& c = m_figures.clusters;
    const QSignalBlocker block(m_clusters);
    m_clusters->clearContents();
    m_clusters->setRowCount(int(c.clusters.size()));
    for (int i = 0; i < int(c.clusters.size()); ++i) {
        const analysis::ProblemCluster& cluster = c.clusters[std::size_t(i)];
        auto* size =
            parts::numberItem(tr("%1 of %2")
                                  .arg(display::count(std::int64_t(cluster.members.size())),
                                       display::count(c.escalatedTickets)));
        m_clusters->setItem(i, ClusterSizeColumn, size);
        auto* terms = parts::textItem(cluster.topTerms.join(QStringLiteral(", ")));
        terms->setToolTip(shown::toolTip(m_figures.clusterSentences.value(i)));
        m_clusters->setItem(i, ClusterTermsColumn, terms);
        QTableWidgetItem* issue = nullptr;
        if (cluster.knownIssue && analysis::lacksKnowledgeBaseArticle(*cluster.knownIssue)) {
            issue = parts::textItem(tr("%1 · no KB article").arg(cluster.knownIssue->issueId));
            issue->setForeground(AnalysisChart::watchColour());
            issue->setToolTip(shown::toolTip(tr("%1 — %2 of %3 escalations match; the known issue "
                                                "has no knowledge-base article: a documentation "
                                                "gap.")
                                                 .arg(cluster.knownIssue->title)
                                                 .arg(cluster.knownIssueMatches)
                                                 .arg(cluster.members.size())));
        } else if (cluster.knownIssue) {
            issue = parts::textItem(cluster.knownIssue->issueId);
            issue->setToolTip(shown::toolTip(tr("%1 — %2 of %3 escalations match")
                                                 .arg(cluster.knownIssue->title)
                                                 .arg(cluster.knownIssueMatches)
                                                 .arg(cluster.members.size())));
        } else {
            issue = parts::textItem(tr("Documentation gap"));
            issue->setForeground(AnalysisChart::watchColour());
            issue->setToolTip(tr("No known issue matches half of these escalations: document "
                                 "the problem or file a known issue."));
        }
        m_clusters->setItem(i, ClusterIssueColumn, issue);
        m_clusters->setItem(i, ClusterDuplicatesColumn,
                            parts::numberItem(display::count(cluster.duplicates)));
        m_clusters->setItem(i, ClusterAccountsColumn,
                            parts::numberItem(display::count(cluster.affectedAccounts)));
        m_clusters->setItem(i, ClusterImpactColumn, parts::numberItem(impactText(cluster.impact)));
    }
    m_sentence->setText(c.clusters.empty()
                            ? (m_figures.rootCauses.rows.empty()
                                   ? QString()
                                   : tr("No two escalations of this period read alike."))
                            : tr("Select a cluster to read what it says."));
}

void RootCausesPage::rootCauseSelected() {
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty()) {
        return;
    }
    {
        const QSignalBlocker block(m_clusters);
        m_clusters->clearSelection();
    }
    const int index = selected.first()->row();
    const analysis::RootCauseRow& row = m_figures.rootCauses.rows[std::size_t(index)];
    showDetail(index);
    const auto found = m_figures.rootCauseTickets.find(row.rootCause);
    m_tickets->showTickets(m_workspace, tr("Escalated tickets: %1").arg(row.rootCause),
                           found == m_figures.rootCauseTickets.end() ? std::vector<std::int64_t>{}
                                                                     : found->second);
}

void RootCausesPage::clusterSelected() {
    const QList<QTableWidgetItem*> selected = m_clusters->selectedItems();
    if (selected.isEmpty()) {
        return;
    }
    {
        const QSignalBlocker block(m_table);
        m_table->clearSelection();
    }
    const int index = selected.first()->row();
    shown::setPlainText(m_sentence, m_figures.clusterSentences.value(index));
    const analysis::ProblemCluster& cluster = m_figures.clusters.clusters[std::size_t(index)];
    m_tickets->showTickets(
        m_workspace, tr("Cluster: %1").arg(cluster.topTerms.mid(0, 3).join(QStringLiteral(", "))),
        m_figures.clusterTickets[std::size_t(index)]);
}

void RootCausesPage::showEngineering() {
    const analysis::EngineeringLedger& l = m_figures.ledger;
    if (!m_workspace || !m_figures.dates.isValid() || !m_figures.error.isEmpty()) {
        m_engineering->clear();
        return;
    }
    if (!l.engineeringLevel) {
        m_engineering->setText(
            tr("<b>Engineering time</b> — %1").arg(shown::html(analysis::ledgerSentence(l))));
        return;
    }
    QStringList reasons;
    for (const auto& [reason, figures] : l.byReason) {
        reasons << tr("%1 %2").arg(analysis::avoidableReasonLabel(reason).toLower(),
                                   display::count(figures.escalations));
    }
    QStringList causes;
    for (const auto& [cause, count] : l.avoidableByRootCause) {
        if (causes.size() == 4) {
            break;
        }
        causes << QStringLiteral("%1 (%2)").arg(shown::html(cause), display::count(count));
    }
    m_engineering->setText(
        tr("<b>Engineering time</b> — %1 %4<br><span style='color:#7b8794'>Avoidable by reason "
           "(an escalation may have several): %2.%3</span>")
            .arg(shown::html(analysis::ledgerSentence(l)), reasons.join(QStringLiteral(", ")),
                 causes.isEmpty()
                     ? QString()
                     : tr(" Most avoidable: %1.").arg(causes.join(QStringLiteral(", "))),
                 shown::html(analysis::annualisedSentence(l))));
}

QString RootCausesPage::engineeringText() const {
    return m_engineering->text();
}

QString RootCausesPage::selectedDetailText() const {
    return m_detail->text();
}

QString RootCausesPage::clusterSentenceText() const {
    return m_sentence->text();
}

void RootCausesPage::prepareScreenshot() {
    if (m_clusters->rowCount() > 0) {
        m_clusters->selectRow(0);
    } else if (m_table->rowCount() > 0) {
        m_table->selectRow(0);
    }
}

} // namespace escdesk::ui
