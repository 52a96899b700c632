#include "pages/AtRiskPage.h"

#include "ShownText.h"
#include "metrics/DataEnd.h"
#include "models/DisplayText.h"
#include "pages/PageParts.h"
#include "risk/RiskModelStore.h"
#include "risk/RiskValidation.h"
#include "widgets/KpiCard.h"
#include "widgets/TicketDetailPane.h"
#include "widgets/TicketRiskPanel.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace escdesk::ui {

namespace {

AtRiskFigures computeAtRisk(store::Workspace& workspace, bool everyOpenTicket) {
    AtRiskFigures figures;
    risk::AtRiskOptions options;
    options.everyOpenTicket = everyOpenTicket;
    options.saveModel = false; // a read-only connection: kept by risk::keepRiskModel
    risk::keepRiskModel(workspace.db());
    const QTimeZone zone = workspace.reportingTimeZone();
    const QStringList keywords = risk::workspaceKeywords(workspace.db());
    // Tickets open now in last year's export are not open now: the queue
    // is taken where such data ends, with the tickets open then. The queue
    // reads the open tickets' kept features only, not every ticket.
    const metrics::ChosenInstant asOf =
        metrics::asOfFollowingData(workspace.db(), QDateTime::currentSecsSinceEpoch());
    figures.asOfFollowsData = asOf.followsData;
    figures.queue = risk::buildAtRiskQueue(workspace.db(), asOf.asOf, options);
    // How the model does on the latest months it has not seen: kept per
    // data version, so a view without new data trains nothing.
    if (const auto e = risk::keptHeldOutSummary(workspace.db(), keywords, zone)) {
        figures.heldOutAuc = e->auc;
        figures.heldOutBaseRate = e->baseRate;
        if (e->aucLow && e->aucHigh) {
            figures.heldOutInterval =
                QStringLiteral(" (95 % CI %1–%2)")
                    .arg(QString::number(*e->aucLow, 'f', 2), QString::number(*e->aucHigh, 'f', 2));
        }
        const QDate first = toDateTime(e->testFrom, zone).date();
        const QDate last = toDateTime(e->newestCreated, zone).date();
        const QLocale locale;
        figures.heldOutMonths = QStringLiteral("%1–%2 %3")
                                    .arg(locale.monthName(first.month(), QLocale::ShortFormat),
                                         locale.monthName(last.month(), QLocale::ShortFormat))
                                    .arg(last.year());
    }
    return figures;
}

QColor bandColour(risk::RiskBand band) {
    switch (band) {
    case risk::RiskBand::Flag:
        return {0xc5, 0x30, 0x30};
    case risk::RiskBand::Review:
        return {0xb7, 0x79, 0x1f};
    case risk::RiskBand::Low:
        break;
    }
    return {0x4a, 0x55, 0x68};
}

// The short form of a reason for the table; the full text is its tooltip.
QString shortReason(const risk::AtRiskReason& reason, const risk::AtRiskEntry& entry) {
    switch (reason.kind) {
    case risk::AtRiskReason::Kind::EscalationRisk: {
        // With the feature that pushes the risk up most.
        QString driver;
        for (const risk::FeatureContribution& c : entry.risk.contributions) {
            if (c.contribution > 0 && !c.feature.contains(QStringLiteral(" ≠ "))) {
                driver = c.feature;
                break;
            }
        }
        const QString text = entry.risk.band == risk::RiskBand::Flag
                                 ? AtRiskPage::tr("Likely to escalate")
                                 : AtRiskPage::tr("Review: may escalate");
        return driver.isEmpty() ? text : AtRiskPage::tr("%1 (%2)").arg(text, driver);
    }
    case risk::AtRiskReason::Kind::SlaClock:
        return reason.text.section(QLatin1Char(','), 0, 0);
    case risk::AtRiskReason::Kind::AccountSurge:
        return AtRiskPage::tr("Account surge: %1 tickets this week").arg(entry.surge->lastWeek);
    }
    return reason.text;
}

} // namespace

AtRiskPage::AtRiskPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_subtitle(parts::subtitle(this))
    , m_everyOpen(new QCheckBox(tr("&All open tickets"), this))
    , m_content(new QWidget(this))
    , m_flagged(new KpiCard(tr("Likely to escalate"), m_content))
    , m_review(new KpiCard(tr("Human review"), m_content))
    , m_sla(new KpiCard(tr("SLA ≥ 90% consumed"), m_content))
    , m_surges(new KpiCard(tr("Account surges"), m_content))
    , m_table(new QTableWidget(m_content))
    , m_detail(new TicketDetailPane(m_content))
    , m_footnote(parts::footnote(QString(), m_content)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 12);
    layout->setSpacing(10);
    auto* header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(parts::pageTitle(tr("At risk"), this));
    header->addStretch();
    m_everyOpen->setToolTip(tr("Also list open tickets without a reason for attention"));
    header->addWidget(m_everyOpen);
    auto* refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setToolTip(tr("Recompute the queue (SLA clocks run on)"));
    header->addWidget(refreshButton);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);

    auto* content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 4, 0, 0);
    content->setSpacing(10);
    auto* cards = new QHBoxLayout;
    cards->setSpacing(12);
    for (KpiCard* card : {m_flagged, m_review, m_sla, m_surges}) {
        card->setCompact(true);
        cards->addWidget(card, 1);
    }
    content->addLayout(cards);
    auto* splitter = new QSplitter(Qt::Vertical, m_content);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({380, 300});
    content->addWidget(splitter, 1);
    m_footnote->setWordWrap(true);
    content->addWidget(m_footnote);
    layout->addWidget(m_content, 1);

    parts::styleTable(m_table);
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Risk"), tr("Ticket"), tr("Priority"), tr("Account"),
                                        tr("Subject"), tr("SLA"), tr("Why")});
    m_table->setAccessibleName(tr("Open tickets at risk"));
    // SLA fits a clock breached long ago ("30,962%"), as open tickets of an
    // old export have.
    const QList<std::pair<int, int>> widths{{RiskColumn, 56},     {TicketColumn, 104},
                                            {PriorityColumn, 72}, {AccountColumn, 150},
                                            {SubjectColumn, 300}, {SlaColumn, 72}};
    for (const auto& [column, width] : widths) {
        m_table->setColumnWidth(column, width);
    }
    m_table->horizontalHeader()->setStretchLastSection(true);
    parts::fitColumnsToHeaders(m_table);
    for (int column : {int(RiskColumn), int(SlaColumn)}) {
        m_table->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    m_detail->setEmptyText(tr("Select a ticket to see why it is at risk."));

    connect(m_everyOpen, &QCheckBox::toggled, this, &AtRiskPage::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &AtRiskPage::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AtRiskPage::showSelectedTicket);
}

AtRiskPage::~AtRiskPage() {
    m_job.finish();
}

bool AtRiskPage::isBusy() const {
    return m_job.isRunning() || m_detail->riskPanel()->isBusy();
}

void AtRiskPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    m_stale = true;
    m_job.cancel();
    m_detail->showTicket(nullptr, -1);
    if (isVisible()) {
        refresh();
    }
}

void AtRiskPage::showEvent(QShowEvent* event) {
    WorkspacePage::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void AtRiskPage::saveSettings(QSettings& settings) const {
    settings.setValue(QStringLiteral("atRisk/everyOpenTicket"), m_everyOpen->isChecked());
}

void AtRiskPage::restoreSettings(QSettings& settings) {
    m_everyOpen->setChecked(settings.value(QStringLiteral("atRisk/everyOpenTicket")).toBool());
}

void AtRiskPage::prepareScreenshot() {
    if (m_table->rowCount() > 0) {
        m_table->selectRow(0);
        m_detail->showRiskTab();
    }
}

void AtRiskPage::refresh() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    if (!m_workspace) {
        m_job.cancel();
        showFigures({});
        return;
    }
    m_subtitle->setText(tr("Scoring open tickets…"));
    m_content->setEnabled(false);
    const bool everyOpen = m_everyOpen->isChecked();
    m_job.run<AtRiskFigures>(
        this, m_workspace->path(),
        [everyOpen](store::Workspace& workspace) { return computeAtRisk(workspace, everyOpen); },
        [this](AtRiskFigures figures) { showFigures(std::move(figures)); });
}

void AtRiskPage::showFigures(AtRiskFigures figures) {
    m_figures = std::move(figures);
    m_content->setEnabled(true);
    const risk::AtRiskQueue& q = m_figures.queue;
    int flagged = 0;
    int review = 0;
    int sla = 0;
    QSet<QString> surgingAccounts;
    for (const risk::AtRiskEntry& e : q.entries) {
        flagged += e.risk.band == risk::RiskBand::Flag;
        review += e.risk.band == risk::RiskBand::Review;
        sla += e.slaAtRisk.empty() ? 0 : 1;
        if (e.surge) {
            surgingAccounts.insert(e.accountId);
        }
    }
    if (!m_figures.error.isEmpty()) {
        shown::setPlainText(m_subtitle, m_figures.error);
    } else if (!m_workspace) {
        m_subtitle->setText(tr("No workspace is open. Use File › Open Workspace."));
    } else {
        const QTimeZone zone = m_workspace->reportingTimeZone();
        m_subtitle->setText(
            (m_figures.asOfFollowsData
                 ? tr("%1 of %2 tickets open then need attention · as of %3, where the "
                      "workspace’s data ends (its newest ticket or event)")
                 : tr("%1 of %2 open tickets need attention · as of %3"))
                .arg(display::count(std::int64_t(q.entries.size())), display::count(q.openTickets),
                     display::dateTime(q.asOf, zone)));
    }
    m_flagged->setValue(display::count(flagged));
    m_flagged->setBand(flagged ? KpiCard::Tone::Bad : KpiCard::Tone::Good,
                       tr("risk ≥ %1").arg(display::percent(q.flagFrom, 0)));
    m_review->setValue(display::count(review));
    m_review->setBand(review ? KpiCard::Tone::Watch : KpiCard::Tone::Good,
                      tr("%1–%2, uncertain")
                          .arg(display::percent(q.reviewFrom, 0), display::percent(q.flagFrom, 0)));
    if (!q.riskUnavailable.isEmpty()) {
        // No model, no risk bands: "—" with the reason, not "risk ≥ 0%".
        for (KpiCard* card : {m_flagged, m_review}) {
            card->setValue(QStringLiteral("—"));
            card->setBand(KpiCard::Tone::Neutral, tr("No risk scores"), q.riskUnavailable);
        }
    }
    m_sla->setValue(display::count(sla));
    m_sla->setBand(sla ? KpiCard::Tone::Bad : KpiCard::Tone::Good,
                   tr("at risk or breached, still open"));
    m_surges->setValue(display::count(surgingAccounts.size()));
    m_surges->setBand(surgingAccounts.isEmpty() ? KpiCard::Tone::Good : KpiCard::Tone::Watch,
                      tr("> 3× weekly median"));

    const QSignalBlocker block(m_table);
    m_table->clearContents();
    m_table->setRowCount(int(q.entries.size()));
    for (int row = 0; row < int(q.entries.size()); ++row) {
        const risk::AtRiskEntry& e = q.entries[std::size_t(row)];
        auto* risk =
            parts::numberItem(q.riskUnavailable.isEmpty() ? QStringLiteral("%1%").arg(e.risk.score)
                                                          : QStringLiteral("—"));
        risk->setForeground(bandColour(e.risk.band));
        QFont bold = risk->font();
        bold.setWeight(QFont::DemiBold);
        risk->setFont(bold);
        risk->setData(Qt::UserRole, QVariant::fromValue<qint64>(e.row));
        risk->setToolTip(q.riskUnavailable.isEmpty() ? risk::riskBandName(e.risk.band)
                                                     : q.riskUnavailable);
        m_table->setItem(row, RiskColumn, risk);
        m_table->setItem(row, TicketColumn, parts::textItem(e.ticketId));
        auto* priority = parts::textItem(e.priority);
        priority->setForeground(display::priorityColour(e.priority));
        m_table->setItem(row, PriorityColumn, priority);
        m_table->setItem(row, AccountColumn,
                         parts::textItem(e.accountName.isEmpty() ? e.accountId : e.accountName));
        auto* subject = parts::textItem(e.subject);
        subject->setToolTip(shown::toolTip(e.subject));
        m_table->setItem(row, SubjectColumn, subject);
        auto* slaItem = parts::numberItem(e.slaConsumed > 0 ? display::percent(e.slaConsumed, 0)
                                                            : QStringLiteral("—"));
        if (!e.slaAtRisk.empty()) {
            slaItem->setForeground(QColor(0xc5, 0x30, 0x30));
        }
        m_table->setItem(row, SlaColumn, slaItem);
        QStringList shortReasons;
        QStringList fullReasons;
        for (const risk::AtRiskReason& reason : e.reasons) {
            shortReasons.append(shortReason(reason, e));
            fullReasons.append(reason.text);
        }
        auto* reasons = parts::textItem(shortReasons.join(QStringLiteral(" · ")));
        reasons->setToolTip(shown::toolTip(fullReasons.join(QLatin1Char('\n'))));
        m_table->setItem(row, ReasonsColumn, reasons);
    }

    QString model = tr("Risk: the chance a ticket escalates, from a logistic regression trained "
                       "on this workspace's own history; flagged from %1, %2–%1 goes to human "
                       "review.")
                        .arg(display::percent(q.flagFrom, 0), display::percent(q.reviewFrom, 0));
    if (!q.riskUnavailable.isEmpty()) {
        model = tr("Risk: not shown — %1.").arg(q.riskUnavailable);
    } else if (m_figures.heldOutAuc) {
        model += tr(" On %1, which it did not learn from, it ranks escalations with ROC AUC "
                    "%2%4 (0.5 is chance; base rate %3).")
                     .arg(m_figures.heldOutMonths, QString::number(*m_figures.heldOutAuc, 'f', 2),
                          display::percent(m_figures.heldOutBaseRate), m_figures.heldOutInterval);
    }
    m_footnote->setText(model + tr(" SLA: the most consumed clock still counting; flagged from "
                                   "90%, breached clocks of open tickets included. Account "
                                   "surge: more than 3× the account's median week of the 8 weeks "
                                   "before, and at least 3 tickets."));
    if (q.entries.empty()) {
        m_detail->showTicket(nullptr, -1);
        m_detail->setEmptyText(m_workspace ? tr("No open ticket needs attention right now.")
                                           : QString());
    } else {
        m_detail->setEmptyText(tr("Select a ticket to see why it is at risk."));
    }
}

void AtRiskPage::showSelectedTicket() {
    const auto selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty() || !m_workspace) {
        m_detail->showTicket(m_workspace, -1);
        return;
    }
    const QTableWidgetItem* item = m_table->item(selected.front().row(), RiskColumn);
    m_detail->showTicket(m_workspace, item->data(Qt::UserRole).toLongLong());
    if (item->data(Qt::UserRole).isValid()) {
        emit statusMessage(tr("%1 — %2").arg(
            m_table->item(selected.front().row(), TicketColumn)->text(), item->toolTip()));
    }
}

} // namespace escdesk::ui
