#include "matrix/ReplayPanel.h"

#include "Appearance.h"
#include "ShownText.h"
#include "matrix/MatrixDocument.h"
#include "models/DisplayText.h"
#include "pages/PageParts.h"
#include "widgets/PeriodPicker.h"
#include "widgets/TicketListPane.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace escdesk::ui {

namespace {

constexpr sla::SlaTarget slaTargets[] = {sla::SlaTarget::FirstResponse, sla::SlaTarget::Resolution,
                                         sla::SlaTarget::Claim};

QString targetLabel(sla::SlaTarget target) {
    switch (target) {
    case sla::SlaTarget::FirstResponse:
        return ReplayPanel::tr("First response");
    case sla::SlaTarget::Resolution:
        return ReplayPanel::tr("Resolution");
    case sla::SlaTarget::Claim:
        return ReplayPanel::tr("Claim (handoff)");
    }
    return {};
}

QString ruleLabel(const QString& rule) {
    return rule.isEmpty() ? ReplayPanel::tr("(no rule)") : rule;
}

// "High → Critical · Tier 2 → Tier 3": what the draft changes for a ticket.
QString changeText(const analysis::ReplayChangedTicket& ticket) {
    const auto priority = [](const QString& value) {
        return value.isEmpty() ? ReplayPanel::tr("none") : value;
    };
    const auto tier = [](const std::optional<int>& value) {
        return value ? display::tier(value) : ReplayPanel::tr("none");
    };
    QStringList parts;
    if (ticket.priorityPublished != ticket.priorityDraft) {
        parts << QStringLiteral("%1 → %2").arg(priority(ticket.priorityPublished),
                                               priority(ticket.priorityDraft));
    }
    if (ticket.tierPublished != ticket.tierDraft) {
        parts << QStringLiteral("%1 → %2").arg(tier(ticket.tierPublished), tier(ticket.tierDraft));
    }
    return parts.join(QStringLiteral(" · "));
}

// Marks a draft figure that differs from the published one: the colour
// says which way is worse (`higherIsWorse`).
template <typename Value>
void markDifference(QTableWidgetItem* item, const Value& published, const Value& draft,
                    bool higherIsWorse) {
    if (published == draft) {
        return;
    }
    QFont bold = item->font();
    bold.setWeight(QFont::DemiBold);
    item->setFont(bold);
    item->setForeground((draft > published) == higherIsWorse ? themeColours().bad
                                                             : themeColours().good);
}

ReplayFigures computeReplay(store::Workspace& workspace, metrics::PeriodPreset preset,
                            const metrics::DateRange& picked, const QDate& today,
                            const matrix::Matrix& published, const matrix::Matrix& draft,
                            UtcSeconds asOf, const std::shared_ptr<std::atomic<bool>>& stop) {
    ReplayFigures figures;
    const QTimeZone zone = workspace.reportingTimeZone();
    figures.period = metrics::choosePeriod(workspace.db(), preset, picked, today, zone);
    if (!figures.period.dates.isValid()) {
        return figures;
    }
    analysis::ReplayOptions options;
    options.window = metrics::windowOf(figures.period.dates, zone);
    options.asOf = asOf;
    options.cancelled = [stop] {
        return stop->load();
    };
    figures.replay = analysis::replayMatrix(workspace.db(), published, draft, options);
    figures.ran = true;
    figures.cancelled = stop->load();
    return figures;
}

} // namespace

ReplayPanel::ReplayPanel(MatrixDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
    , m_period(new PeriodPicker(this))
    , m_run(new QPushButton(tr("Ru&n Replay"), this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_summary(parts::subtitle(this))
    , m_results(new QWidget(this))
    , m_sla(new QTableWidget(m_results))
    , m_load(new QTableWidget(m_results))
    , m_flagged(new QPushButton(m_results))
    , m_flaggedNote(parts::subtitle(m_results))
    , m_shifts(new QTableWidget(m_results))
    , m_tickets(new TicketListPane(m_results)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->setSpacing(8);
    auto* bar = new QHBoxLayout;
    bar->setSpacing(8);
    m_period->setPreset(metrics::PeriodPreset::Last90Days);
    bar->addWidget(m_period);
    m_run->setToolTip(tr("Run the period's tickets through the published matrix and the draft"));
    bar->addWidget(m_run);
    m_progress->setRange(0, 0); // the replay does not report how far it is
    m_progress->setAccessibleName(tr("Replay progress"));
    m_progress->setMaximumWidth(160);
    m_progress->setMaximumHeight(10);
    m_progress->setTextVisible(false);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    bar->addStretch();
    layout->addLayout(bar);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    // Above: the SLA results and the engineering load, each figure of the
    // published matrix beside the draft's. Below: the rule changes and the
    // tickets behind the one selected.
    auto* figures = new QHBoxLayout;
    figures->setSpacing(16);
    auto* slaBox = new QVBoxLayout;
    slaBox->setSpacing(6);
    slaBox->addWidget(parts::sectionTitle(tr("SLA results"), m_results));
    parts::styleTable(m_sla);
    m_sla->setAccessibleName(tr("SLA results under the published matrix and the draft"));
    m_sla->setColumnCount(SlaColumnCount);
    m_sla->setHorizontalHeaderLabels({tr("Target"), tr("Met\npublished"), tr("Breached\npublished"),
                                      tr("Breach rate\npublished"), tr("Met\ndraft"),
                                      tr("Breached\ndraft"), tr("Breach rate\ndraft")});
    m_sla->setRowCount(int(std::size(slaTargets)));
    m_sla->setToolTip(tr("Select a target to list the tickets the draft moves between met and "
                         "breached"));
    slaBox->addWidget(m_sla);
    slaBox->addStretch();
    figures->addLayout(slaBox);
    auto* loadBox = new QVBoxLayout;
    loadBox->setSpacing(6);
    loadBox->addWidget(parts::sectionTitle(tr("Engineering load"), m_results));
    parts::styleTable(m_load);
    m_load->setAccessibleName(tr("Engineering load under the published matrix and the draft"));
    m_load->setColumnCount(LoadColumnCount);
    m_load->setHorizontalHeaderLabels({tr("Measure"), tr("Published"), tr("Draft")});
    m_load->setRowCount(LoadRowCount);
    loadBox->addWidget(m_load);
    auto* flaggedRow = new QHBoxLayout;
    flaggedRow->addWidget(parts::sectionTitle(tr("Flagged earlier by the draft:"), m_results));
    m_flagged->setAccessibleName(tr("Tickets flagged earlier"));
    m_flagged->setToolTip(tr("List the tickets the draft's rules flag earlier, and by how much"));
    flaggedRow->addWidget(m_flagged);
    m_flaggedNote->setWordWrap(true);
    flaggedRow->addWidget(m_flaggedNote, 1);
    loadBox->addLayout(flaggedRow);
    loadBox->addStretch();
    figures->addLayout(loadBox, 1);
    for (QTableWidget* table : {m_sla, m_load}) {
        table->horizontalHeader()->setStretchLastSection(true);
        table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
        table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }
    // Every SLA column shows, as wide as its header: the table takes their
    // width, the engineering load the rest.
    m_sla->setColumnWidth(TargetColumn, 120);
    for (int column = PublishedMetColumn; column < SlaColumnCount; ++column) {
        m_sla->setColumnWidth(column, 64);
    }
    parts::fitColumnsToHeaders(m_sla);
    int slaWidth = 2 * m_sla->frameWidth();
    for (int column = 0; column < SlaColumnCount; ++column) {
        slaWidth += m_sla->columnWidth(column);
    }
    m_sla->setFixedWidth(slaWidth);
    m_load->setColumnWidth(MeasureColumn, 190);
    m_load->setColumnWidth(PublishedLoadColumn, 90);

    auto* lower = new QSplitter(Qt::Horizontal, m_results);
    lower->setChildrenCollapsible(false);
    auto* shiftsBox = new QWidget(lower);
    auto* shiftsLayout = new QVBoxLayout(shiftsBox);
    shiftsLayout->setContentsMargins(0, 0, 0, 0);
    shiftsLayout->setSpacing(6);
    shiftsLayout->addWidget(
        parts::sectionTitle(tr("Tickets whose priority or tier changes, per rule"), shiftsBox));
    parts::styleTable(m_shifts);
    m_shifts->setAccessibleName(tr("Tickets whose priority or target tier changes, per rule"));
    m_shifts->setColumnCount(ShiftColumnCount);
    m_shifts->setHorizontalHeaderLabels(
        {tr("Rule (published)"), tr("Rule (draft)"), tr("Tickets")});
    m_shifts->horizontalHeaderItem(TicketsColumn)
        ->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_shifts->setColumnWidth(PublishedRuleColumn, 160);
    m_shifts->setColumnWidth(DraftRuleColumn, 160);
    m_shifts->horizontalHeader()->setStretchLastSection(true);
    shiftsLayout->addWidget(m_shifts, 1);
    lower->addWidget(shiftsBox);
    lower->addWidget(m_tickets);
    lower->setStretchFactor(0, 2);
    lower->setStretchFactor(1, 3);
    lower->setSizes({440, 680});
    auto* resultsLayout = new QVBoxLayout(m_results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->setSpacing(10);
    resultsLayout->addLayout(figures);
    resultsLayout->addWidget(lower, 1);
    layout->addWidget(m_results, 1);
    parts::fitColumnsToHeaders(m_shifts);

    connect(m_run, &QPushButton::clicked, this, &ReplayPanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &ReplayPanel::cancel);
    connect(m_shifts, &QTableWidget::itemSelectionChanged, this, &ReplayPanel::showShiftTickets);
    connect(m_sla, &QTableWidget::itemSelectionChanged, this, &ReplayPanel::showSlaTickets);
    connect(m_flagged, &QPushButton::clicked, this, &ReplayPanel::showFlaggedEarlier);
    showRunning(false);
    clear();
}

ReplayPanel::~ReplayPanel() {
    if (m_stop) {
        m_stop->store(true);
    }
    m_job.finish();
}

void ReplayPanel::run() {
    store::Workspace* workspace = m_document->workspace();
    if (!workspace || !m_document->isEditingDraft()) {
        return;
    }
    if (m_stop) {
        m_stop->store(true); // an earlier run still going
    }
    m_stop = std::make_shared<std::atomic<bool>>(false);
    const QDate today = parts::today(workspace);
    const metrics::DateRange picked = m_period->dates(today);
    const metrics::PeriodPreset preset = m_period->preset();
    const UtcSeconds asOf = m_clock();
    const matrix::Matrix published = m_document->publishedMatrix();
    const matrix::Matrix draft = m_document->matrix();
    showRunning(true);
    shown::setPlainText(m_summary, tr("Replaying the period's tickets through both matrices…"));
    m_job.run<ReplayFigures>(
        this, workspace->path(),
        [=, stop = m_stop](store::Workspace& opened) {
            return computeReplay(opened, preset, picked, today, published, draft, asOf, stop);
        },
        [this](ReplayFigures figures) { showFigures(std::move(figures)); });
}

void ReplayPanel::cancel() {
    if (!m_job.isRunning()) {
        return;
    }
    if (m_stop) {
        m_stop->store(true);
    }
    m_job.cancel();
    showRunning(false);
    shown::setPlainText(m_summary, m_figures.ran ? tr("Replay cancelled; the figures below are "
                                                      "of the replay before.")
                                                 : tr("Replay cancelled."));
}

void ReplayPanel::clear() {
    cancel();
    m_figures = {};
    m_outdated = false;
    shown::setPlainText(m_summary, tr("Pick a period and run the replay: its tickets go through "
                                      "the published matrix and the draft, side by side."));
    m_results->setEnabled(false);
    showSla();
    showLoad();
    showShifts();
}

void ReplayPanel::markOutdated() {
    if (!m_figures.ran || m_outdated) {
        return;
    }
    m_outdated = true;
    shown::setPlainText(m_summary, m_summary->text() + QStringLiteral(" · ") +
                                       tr("The draft changed since: run the replay again."));
}

void ReplayPanel::showRunning(bool running) {
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_run->setEnabled(!running);
}

void ReplayPanel::showFigures(ReplayFigures figures) {
    showRunning(false);
    m_figures = std::move(figures);
    m_outdated = false;
    store::Workspace* workspace = m_document->workspace();
    QString line;
    if (!m_figures.error.isEmpty()) {
        line = m_figures.error;
    } else if (!m_figures.ran) {
        line = tr("The workspace has no tickets to replay in this period.");
    } else {
        m_period->showDataEnd(m_figures.period.followsData ? m_figures.period.dataEnd : QDate());
        line = tr("%1 tickets created in the period, run through the published matrix and the "
                  "draft · %2")
                   .arg(display::count(m_figures.replay.tickets),
                        parts::periodLine(m_figures.period, m_period->presetText(), workspace));
        if (m_figures.cancelled) {
            line = tr("Stopped early: the figures are partial · %1").arg(line);
        }
    }
    shown::setPlainText(m_summary, line);
    m_results->setEnabled(m_figures.ran);
    showSla();
    showLoad();
    showShifts();
}

void ReplayPanel::showSla() {
    const analysis::MatrixReplay& replay = m_figures.replay;
    for (int row = 0; row < int(std::size(slaTargets)); ++row) {
        const sla::SlaTarget target = slaTargets[row];
        const analysis::ReplaySlaCounts& published = replay.published.slaOf(target);
        const analysis::ReplaySlaCounts& draft = replay.draft.slaOf(target);
        m_sla->setItem(row, TargetColumn, parts::textItem(targetLabel(target)));
        const auto figure = [this](const QString& text) {
            return parts::numberItem(m_figures.ran ? text : QStringLiteral("—"));
        };
        m_sla->setItem(row, PublishedMetColumn, figure(display::count(published.met)));
        m_sla->setItem(row, PublishedBreachedColumn, figure(display::count(published.breached)));
        m_sla->setItem(row, PublishedRateColumn, figure(display::percent(published.breachRate())));
        auto* met = figure(display::count(draft.met));
        auto* breached = figure(display::count(draft.breached));
        auto* rate = figure(display::percent(draft.breachRate()));
        markDifference(met, published.met, draft.met, false);
        markDifference(breached, published.breached, draft.breached, true);
        markDifference(rate, published.breachRate(), draft.breachRate(), true);
        m_sla->setItem(row, DraftMetColumn, met);
        m_sla->setItem(row, DraftBreachedColumn, breached);
        m_sla->setItem(row, DraftRateColumn, rate);
    }
    const int height = m_sla->horizontalHeader()->sizeHint().height() +
                       m_sla->rowCount() * m_sla->verticalHeader()->defaultSectionSize() + 4;
    m_sla->setFixedHeight(height);
}

void ReplayPanel::showLoad() {
    const analysis::ReplaySide& published = m_figures.replay.published;
    const analysis::ReplaySide& draft = m_figures.replay.draft;
    const auto figure = [this](const QString& text) {
        return parts::numberItem(m_figures.ran ? text : QStringLiteral("—"));
    };
    m_load->setItem(EngineeringEscalationsRow, MeasureColumn,
                    parts::textItem(tr("Escalations to engineering")));
    m_load->item(EngineeringEscalationsRow, MeasureColumn)
        ->setToolTip(tr("Escalations reaching the tiers each matrix marks as engineering"));
    m_load->setItem(EngineeringEscalationsRow, PublishedLoadColumn,
                    figure(display::count(published.engineeringEscalations)));
    auto* escalations = figure(display::count(draft.engineeringEscalations));
    markDifference(escalations, published.engineeringEscalations, draft.engineeringEscalations,
                   true);
    m_load->setItem(EngineeringEscalationsRow, DraftLoadColumn, escalations);
    m_load->setItem(EngineerHoursRow, MeasureColumn, parts::textItem(tr("Engineer hours")));
    m_load->setItem(EngineerHoursRow, PublishedLoadColumn,
                    figure(display::hours(published.engineerHours)));
    auto* hours = figure(display::hours(draft.engineerHours));
    if (display::hours(published.engineerHours) != display::hours(draft.engineerHours)) {
        markDifference(hours, published.engineerHours, draft.engineerHours, true);
    }
    m_load->setItem(EngineerHoursRow, DraftLoadColumn, hours);
    m_load->item(EngineerHoursRow, MeasureColumn)
        ->setToolTip(tr("The engineer time the cost model (Root causes & cost) gives the "
                        "escalations reaching engineering"));
    const int height = m_load->horizontalHeader()->sizeHint().height() +
                       m_load->rowCount() * m_load->verticalHeader()->defaultSectionSize() + 4;
    m_load->setFixedHeight(height);
}

void ReplayPanel::showShifts() {
    const QSignalBlocker block(m_shifts);
    const auto& shifts = m_figures.replay.ruleShifts;
    m_shifts->clearContents();
    m_shifts->setRowCount(int(shifts.size()));
    for (int row = 0; row < int(shifts.size()); ++row) {
        const analysis::ReplayRuleShift& shift = shifts[std::size_t(row)];
        m_shifts->setItem(row, PublishedRuleColumn,
                          parts::textItem(ruleLabel(shift.rulePublished)));
        m_shifts->setItem(row, DraftRuleColumn, parts::textItem(ruleLabel(shift.ruleDraft)));
        m_shifts->setItem(row, TicketsColumn, parts::numberItem(display::count(shift.count())));
    }
    const auto& flagged = m_figures.replay.flaggedEarlier;
    m_flagged->setVisible(flagged.has_value() && !flagged->empty());
    if (flagged && !flagged->empty()) {
        m_flagged->setText(
            flagged->size() == 1
                ? tr("1 ticket")
                : tr("%1 tickets").arg(display::count(std::int64_t(flagged->size()))));
        shown::setPlainText(m_flaggedNote, tr("flagged by the draft's rules before the published "
                                              "ones flag them, or before they were escalated."));
    } else if (flagged) {
        shown::setPlainText(m_flaggedNote, m_figures.ran
                                               ? tr("No ticket is flagged earlier by the draft.")
                                               : QString());
    } else {
        shown::setPlainText(m_flaggedNote,
                            m_figures.ran ? tr("Not measured by this replay.") : QString());
    }
    if (!m_figures.ran) {
        m_tickets->clear(tr("Run the replay to see which tickets the draft treats differently."));
    } else if (shifts.empty()) {
        m_tickets->clear(tr("The draft gives every ticket of the period the same priority and "
                            "tier as the published matrix."));
    } else {
        m_shifts->selectRow(0);
        showShiftTickets();
    }
}

void ReplayPanel::showShiftTickets() {
    const int row = m_shifts->currentRow();
    const auto& shifts = m_figures.replay.ruleShifts;
    if (row < 0 || row >= int(shifts.size())) {
        return;
    }
    const analysis::ReplayRuleShift& shift = shifts[std::size_t(row)];
    {
        const QSignalBlocker block(m_sla);
        m_sla->clearSelection();
    }
    std::map<std::int64_t, const analysis::ReplayChangedTicket*> changed;
    for (const analysis::ReplayChangedTicket& ticket : m_figures.replay.changedTickets) {
        changed.emplace(ticket.row, &ticket);
    }
    QStringList values;
    for (std::int64_t ticket : shift.rows) {
        const auto found = changed.find(ticket);
        values << (found == changed.end() ? QString() : changeText(*found->second));
    }
    m_tickets->showTickets(m_document->workspace(),
                           tr("Tickets moved from “%1” to “%2”")
                               .arg(ruleLabel(shift.rulePublished), ruleLabel(shift.ruleDraft)),
                           shift.rows);
    m_tickets->showValues(tr("Published → draft"), values);
}

void ReplayPanel::showSlaTickets() {
    const int row = m_sla->currentRow();
    if (!m_figures.ran || row < 0 || row >= int(std::size(slaTargets))) {
        return;
    }
    {
        const QSignalBlocker block(m_shifts);
        m_shifts->clearSelection();
    }
    const sla::SlaTarget target = slaTargets[row];
    const analysis::ReplaySlaShift& shift =
        m_figures.replay.slaShifts[static_cast<std::size_t>(target)];
    std::vector<std::int64_t> rows = shift.metToBreached;
    QStringList values;
    for (std::size_t i = 0; i < shift.metToBreached.size(); ++i) {
        values << tr("Met → breached");
    }
    for (std::int64_t ticket : shift.breachedToMet) {
        rows.push_back(ticket);
        values << tr("Breached → met");
    }
    m_tickets->showTickets(
        m_document->workspace(),
        tr("%1: tickets the draft moves between met and breached").arg(targetLabel(target)),
        std::move(rows));
    m_tickets->showValues(tr("Published → draft"), values);
}

void ReplayPanel::showFlaggedEarlier() {
    const auto& flagged = m_figures.replay.flaggedEarlier;
    if (!flagged) {
        return;
    }
    std::vector<std::int64_t> rows;
    QStringList values;
    for (const analysis::ReplayFlaggedEarlier& ticket : *flagged) {
        rows.push_back(ticket.row);
        values << tr("%1 earlier").arg(display::minutes(ticket.minutesEarlier));
    }
    for (QTableWidget* table : {m_shifts, m_sla}) {
        const QSignalBlocker block(table);
        table->clearSelection();
    }
    m_tickets->showTickets(m_document->workspace(), tr("Tickets the draft flags earlier"),
                           std::move(rows));
    m_tickets->showValues(tr("Flagged"), values);
}

} // namespace escdesk::ui
