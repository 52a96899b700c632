#include "matrix/SuggestedRulesPanel.h"

#include "ShownText.h"
#include "matrix/MatrixDocument.h"
#include "models/DisplayText.h"
#include "widgets/TicketListPane.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

QTableWidgetItem* numberItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

SuggestedRulesPanel::SuggestedRulesPanel(MatrixDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_holdout(new QSpinBox(this))
    , m_find(new QPushButton(tr("Find suggestions"), this))
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_adopt(new QPushButton(tr("Adopt into draft"), this))
    , m_tickets(new TicketListPane(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(8);
    auto* help = new QLabel(
        tr("Conditions that preceded escalation in this workspace, alone and in pairs. Each is "
           "fitted on the earlier months and measured on the latest months held out: "
           "<b>precision</b> — of the tickets it matches, the share that escalated; "
           "<b>recall</b> — of the escalated tickets, the share it matches. Conditions the "
           "published rules already cover are left out."),
        this);
    help->setObjectName(QStringLiteral("inlineHelp"));
    help->setWordWrap(true);
    help->setTextFormat(Qt::RichText);
    layout->addWidget(help);

    auto* bar = new QHBoxLayout;
    auto* holdoutLabel = new QLabel(tr("Months held out:"), this);
    m_holdout->setRange(1, 12);
    m_holdout->setValue(analysis::SuggestionOptions{}.holdoutMonths);
    m_holdout->setAccessibleName(tr("Months held out"));
    holdoutLabel->setBuddy(m_holdout);
    bar->addWidget(holdoutLabel);
    bar->addWidget(m_holdout);
    bar->addWidget(m_find);
    bar->addSpacing(12);
    m_summary->setWordWrap(true);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_adopt);
    layout->addLayout(bar);

    m_table->setHorizontalHeaderLabels({tr("Conditions"), tr("Target tier"), tr("Priority"),
                                        tr("Precision"), tr("Recall"), tr("Support"),
                                        tr("Already covered")});
    m_table->horizontalHeaderItem(SupportColumn)
        ->setToolTip(tr("Held-out tickets the rule matches"));
    m_table->horizontalHeaderItem(OverlapColumn)
        ->setToolTip(tr("Share of its held-out tickets the published rules already send to "
                        "that tier or higher"));
    m_table->setAccessibleName(tr("Suggested rules"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(RuleColumn, QHeaderView::Stretch);
    for (int column = TierColumn; column < ColumnCount; ++column) {
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    m_tickets->setEscalatedColumnVisible(true);
    m_tickets->clear(tr("Select a suggestion to see the held-out tickets it matches."));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_tickets);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 200}); // room for a few of the tickets below
    layout->addWidget(splitter, 1);
    m_adopt->setEnabled(false);
    m_adopt->setToolTip(tr("Add the selected rule to the draft (started from the published "
                           "matrix when there is none), before the rule that matches every "
                           "ticket; can be undone"));

    connect(m_find, &QPushButton::clicked, this, [this] { refresh(true); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SuggestedRulesPanel::showSelected);
    connect(m_adopt, &QPushButton::clicked, this, &SuggestedRulesPanel::adoptSelected);
    reset();
}

SuggestedRulesPanel::~SuggestedRulesPanel() {
    m_job.finish();
}

void SuggestedRulesPanel::reset() {
    m_job.cancel();
    m_computedFor.clear();
    m_figures = {};
    m_table->setRowCount(0);
    m_summary->setText(m_document->workspace() ? tr("Not computed yet.")
                                               : tr("No workspace is open."));
    m_tickets->clear(tr("Select a suggestion to see the held-out tickets it matches."));
    m_adopt->setEnabled(false);
}

void SuggestedRulesPanel::refresh(bool force) {
    store::Workspace* workspace = m_document->workspace();
    if (!workspace || (!force && m_computedFor == workspace->path())) {
        return;
    }
    m_computedFor = workspace->path();
    analysis::SuggestionOptions options = m_options;
    options.holdoutMonths = m_holdout->value();
    const matrix::Matrix published = m_document->publishedMatrix();
    m_summary->setText(tr("Reading the history…"));
    m_find->setEnabled(false);
    m_job.run<SuggestionFigures>(
        this, workspace->path(),
        [published, options](store::Workspace& opened) {
            return SuggestionFigures{
                analysis::suggestRules(opened.db(), published, opened.reportingTimeZone(), options),
                {}};
        },
        [this](SuggestionFigures figures) { showFigures(std::move(figures)); });
}

void SuggestedRulesPanel::showFigures(SuggestionFigures figures) {
    m_figures = std::move(figures);
    m_find->setEnabled(true);
    m_table->setRowCount(0);
    m_tickets->clear(tr("Select a suggestion to see the held-out tickets it matches."));
    const analysis::RuleSuggestions& found = m_figures.suggestions;
    if (!m_figures.error.isEmpty() || !found.problem.isEmpty()) {
        m_summary->setText(
            shown::text(m_figures.error.isEmpty() ? found.problem : m_figures.error));
        m_adopt->setEnabled(false);
        return;
    }
    const QDate heldOutMonth = QDate::fromString(found.heldOutFrom, QStringLiteral("yyyy-MM"));
    m_summary->setText(
        tr("Held out: tickets from %1 on — %2, of which %3 escalated (%4). Fitted on the %5 "
           "before; %6 left out as already covered.")
            .arg(QLocale().toString(heldOutMonth, QStringLiteral("MMMM yyyy")),
                 display::count(found.heldOutTickets), display::count(found.heldOutEscalated),
                 display::percent(found.heldOutRate()), display::count(found.trainingTickets),
                 display::count(static_cast<std::int64_t>(found.droppedCovered.size()))));
    if (found.rules.empty()) {
        m_summary->setText(tr("No condition matched %1 or more of the %2 earlier tickets and "
                              "escalated more often than they did.")
                               .arg(found.minSupport)
                               .arg(display::count(found.trainingTickets)));
    }
    m_table->setRowCount(static_cast<int>(found.rules.size()));
    for (int row = 0; row < static_cast<int>(found.rules.size()); ++row) {
        const analysis::SuggestedRule& suggestion = found.rules[static_cast<std::size_t>(row)];
        auto* rule = new QTableWidgetItem(shown::text(suggestion.rule.name));
        rule->setToolTip(shown::toolTip(suggestion.rule.action));
        m_table->setItem(row, RuleColumn, rule);
        m_table->setItem(row, TierColumn,
                         new QTableWidgetItem(display::tier(suggestion.rule.targetTier)));
        m_table->setItem(row, PriorityColumn, new QTableWidgetItem(suggestion.rule.priority));
        m_table->setItem(row, PrecisionColumn,
                         numberItem(display::percent(suggestion.heldOut.precision())));
        m_table->setItem(row, RecallColumn,
                         numberItem(display::percent(suggestion.heldOut.recall())));
        m_table->setItem(row, SupportColumn,
                         numberItem(display::count(suggestion.heldOut.matched)));
        m_table->setItem(row, OverlapColumn, numberItem(display::percent(suggestion.overlap)));
    }
    if (!found.rules.empty()) {
        m_table->selectRow(0);
    }
    m_adopt->setEnabled(!found.rules.empty() && m_document->readOnlyExplanation().isEmpty());
}

int SuggestedRulesPanel::selectedIndex() const {
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    if (ranges.isEmpty()) {
        return -1;
    }
    const int row = ranges.first().topRow();
    return row < static_cast<int>(m_figures.suggestions.rules.size()) ? row : -1;
}

void SuggestedRulesPanel::showSelected() {
    const int index = selectedIndex();
    if (index < 0) {
        m_tickets->clear(tr("Select a suggestion to see the held-out tickets it matches."));
        return;
    }
    const analysis::SuggestedRule& suggestion =
        m_figures.suggestions.rules[static_cast<std::size_t>(index)];
    m_tickets->showTickets(m_document->workspace(),
                           tr("Held-out tickets matching “%1”").arg(suggestion.rule.name),
                           suggestion.heldOutRows);
}

void SuggestedRulesPanel::adoptSelected() {
    const int index = selectedIndex();
    if (index >= 0) {
        emit adoptRequested(m_figures.suggestions.rules[static_cast<std::size_t>(index)].rule);
    }
}

} // namespace escdesk::ui
