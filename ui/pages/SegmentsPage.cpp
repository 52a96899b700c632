#include "pages/SegmentsPage.h"

#include "ShownText.h"
#include "models/DisplayText.h"
#include "pages/PageParts.h"
#include "report/output/WorkspaceSettings.h"
#include "widgets/AnalysisChart.h"
#include "widgets/PeriodPicker.h"
#include "widgets/TicketListPane.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace escdesk::ui {

using metrics::SegmentField;

namespace {

// Bars in the chart: the table lists every segment. Ten leave each bar
// room for its label in the chart's height; with more, Qt Charts shortens
// every label to "...".
constexpr int chartSegments = 10;

// The renewal window of the segments: N days after the period's end, N the
// workspace setting, as `escdesk segments` reads it.
metrics::RenewalWindow renewalWindowOf(store::Workspace& workspace,
                                       const metrics::DateRange& dates) {
    return {dates.last.addDays(1), report::renewalWindowDays(workspace)};
}

SegmentFigures computeSegments(store::Workspace& workspace, metrics::PeriodPreset preset,
                               const metrics::DateRange& picked, const QDate& today,
                               SegmentField field) {
    SegmentFigures figures;
    figures.period =
        metrics::choosePeriod(workspace.db(), preset, picked, today, workspace.reportingTimeZone());
    const metrics::DateRange dates = figures.period.dates;
    figures.dates = dates;
    if (!dates.isValid()) {
        return figures;
    }
    figures.field = field;
    // The kept counts per hour and segment (metrics/SegmentRollup.h), as
    // `escdesk segments` reads them: the same figures, without reading
    // every ticket of the period.
    figures.analysis = analysis::analyseSegments(
        workspace.db(), metrics::windowOf(dates, workspace.reportingTimeZone()), field,
        renewalWindowOf(workspace, dates));
    return figures;
}

SegmentTicketRows computeSegmentTickets(store::Workspace& workspace,
                                        const metrics::DateRange& dates, SegmentField field,
                                        const QString& value) {
    const Window window = metrics::windowOf(dates, workspace.reportingTimeZone());
    return {value,
            analysis::segmentTicketRows(workspace.db(), window, field, value,
                                        renewalWindowOf(workspace, dates)),
            {}};
}

// Whether two segment values are the same segment (a null value is none).
bool sameSegment(const QString& a, const QString& b) {
    return a.isNull() == b.isNull() && a == b;
}

} // namespace

SegmentsPage::SegmentsPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_field(new QComboBox(this))
    , m_period(new PeriodPicker(this))
    , m_subtitle(parts::subtitle(this))
    , m_content(new QWidget(this))
    , m_chart(new AnalysisChart(tr("Escalation rate by segment"), QStringLiteral("segments"),
                                m_content))
    , m_table(new QTableWidget(m_content))
    , m_tickets(new TicketListPane(m_content))
    , m_escalatedOnly(new QCheckBox(tr("&Escalated only"), m_content)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 12);
    layout->setSpacing(10);
    auto* header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(parts::pageTitle(tr("Segments"), this));
    header->addStretch();
    auto* fieldLabel = new QLabel(tr("Segment &by:"), this);
    fieldLabel->setBuddy(m_field);
    header->addWidget(fieldLabel);
    m_field->setAccessibleName(tr("Segment by"));
    m_field->addItem(tr("Account tier"), int(SegmentField::AccountTier));
    m_field->addItem(tr("Account segment"), int(SegmentField::AccountSegment));
    m_field->addItem(tr("Priority"), int(SegmentField::Priority));
    m_field->addItem(tr("Product area"), int(SegmentField::ProductArea));
    m_field->addItem(tr("Root cause"), int(SegmentField::RootCause));
    m_field->addItem(tr("Group"), int(SegmentField::Group));
    m_field->addItem(tr("Assignee"), int(SegmentField::Assignee));
    m_field->addItem(tr("Channel"), int(SegmentField::Channel));
    m_field->addItem(tr("Region"), int(SegmentField::Region));
    m_field->addItem(tr("ARR band"), int(SegmentField::ArrBand));
    m_field->addItem(tr("Renewal window"), int(SegmentField::RenewalWindow));
    m_field->setItemData(
        m_field->count() - 2,
        tr("The account's ARR: %1").arg(metrics::arrBandNames().join(QStringLiteral(", "))),
        Qt::ToolTipRole);
    m_field->setItemData(m_field->count() - 1,
                         tr("Whether the account renews within N days after the period's end "
                            "(N: Edit › Preferences, default %1)")
                             .arg(report::defaultRenewalWindowDays),
                         Qt::ToolTipRole);
    header->addWidget(m_field);
    header->addSpacing(12);
    header->addWidget(m_period);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);

    auto* content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 4, 0, 0);
    content->setSpacing(10);
    auto* splitter = new QSplitter(Qt::Vertical, m_content);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_chart);
    auto* lower = new QSplitter(Qt::Horizontal, splitter);
    lower->setChildrenCollapsible(false);
    auto* tableBox = new QWidget(lower);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(6);
    tableLayout->addWidget(parts::sectionTitle(tr("Rate per segment"), tableBox));
    tableLayout->addWidget(m_table, 1);
    lower->addWidget(tableBox);
    lower->addWidget(m_tickets);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    lower->setSizes({745, 385});
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    // Room for a dozen bars with readable labels.
    splitter->setSizes({340, 330});
    m_chart->setMinimumHeight(260);
    content->addWidget(splitter, 1);
    content->addWidget(parts::footnote(
        tr("Deviation: the segment’s rate minus the overall rate, in percentage points. "
           "Significantly above: the segment escalates more than all other tickets together "
           "with p < 0.05 (two-sided; two-proportion z-test, or Fisher’s exact test where an "
           "expected count is below 5) and has at least %1 tickets. Tickets: created in the "
           "period.")
            .arg(analysis::smallestSegmentToCall),
        m_content));
    layout->addWidget(m_content, 1);

    parts::styleTable(m_table);
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Segment"), tr("Tickets"), tr("Escalated"), tr("Rate"),
                                        tr("Deviation"), tr("p-value"), tr("Significance")});
    m_table->setAccessibleName(tr("Escalation rate per segment"));
    const QList<std::pair<int, int>> widths{{SegmentColumn, 140},  {TicketsColumn, 76},
                                            {EscalatedColumn, 90}, {RateColumn, 64},
                                            {DeviationColumn, 86}, {PValueColumn, 72}};
    for (const auto& [column, width] : widths) {
        m_table->setColumnWidth(column, width);
    }
    m_table->horizontalHeader()->setStretchLastSection(true);
    parts::fitColumnsToHeaders(m_table);
    for (int column : {int(TicketsColumn), int(EscalatedColumn), int(RateColumn),
                       int(DeviationColumn), int(PValueColumn)}) {
        m_table->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    m_table->horizontalHeaderItem(EscalatedColumn)
        ->setToolTip(display::termDefinition(metrics::escalatedTicketsTerm));
    m_table->horizontalHeaderItem(RateColumn)
        ->setToolTip(display::termDefinition(metrics::escalationRateTerm));
    m_escalatedOnly->setChecked(true);
    m_escalatedOnly->setAccessibleName(tr("List escalated tickets only"));
    m_tickets->addHeaderWidget(m_escalatedOnly);
    m_tickets->clear(tr("Select a segment to list its tickets."));

    connect(m_field, &QComboBox::currentIndexChanged, this, &SegmentsPage::refresh);
    connect(m_period, &PeriodPicker::changed, this, &SegmentsPage::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SegmentsPage::showSelectedTickets);
    connect(m_escalatedOnly, &QCheckBox::toggled, this, &SegmentsPage::showSelectedTickets);
}

SegmentsPage::~SegmentsPage() {
    m_job.finish();
    m_ticketsJob.finish();
}

void SegmentsPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    m_stale = true;
    m_job.cancel();
    m_ticketsJob.cancel();
    if (isVisible()) {
        refresh();
    }
}

void SegmentsPage::showEvent(QShowEvent* event) {
    WorkspacePage::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void SegmentsPage::saveSettings(QSettings& settings) const {
    settings.setValue(QStringLiteral("segments/field"), m_field->currentData());
    m_period->saveSettings(settings, QStringLiteral("segments"));
}

void SegmentsPage::restoreSettings(QSettings& settings) {
    m_period->restoreSettings(settings, QStringLiteral("segments"));
    const int index = m_field->findData(settings.value(QStringLiteral("segments/field")));
    if (index >= 0) {
        m_field->setCurrentIndex(index);
    }
}

void SegmentsPage::setField(SegmentField field) {
    m_field->setCurrentIndex(m_field->findData(int(field)));
}

void SegmentsPage::refresh() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_ticketsJob.cancel(); // of the figures about to be replaced
    const QDate today = parts::today(m_workspace);
    const metrics::DateRange dates = m_period->dates(today);
    const metrics::PeriodPreset preset = m_period->preset();
    const auto field = static_cast<SegmentField>(m_field->currentData().toInt());
    if (!m_workspace) {
        m_job.cancel();
        SegmentFigures none;
        none.dates = dates;
        showFigures(std::move(none));
        return;
    }
    m_subtitle->setText(tr("Calculating…"));
    m_content->setEnabled(false);
    m_job.run<SegmentFigures>(
        this, m_workspace->path(),
        [preset, dates, today, field](store::Workspace& workspace) {
            return computeSegments(workspace, preset, dates, today, field);
        },
        [this](SegmentFigures figures) { showFigures(std::move(figures)); });
}

void SegmentsPage::showFigures(SegmentFigures figures) {
    m_figures = std::move(figures);
    m_segmentTickets.reset();
    m_content->setEnabled(true);
    const analysis::SegmentAnalysis& a = m_figures.analysis;
    m_period->showDataEnd(m_figures.period.followsData ? m_figures.period.dataEnd : QDate());
    QString line = parts::periodLine(m_figures.period, m_period->presetText(), m_workspace);
    if (!m_figures.error.isEmpty()) {
        line = m_figures.error;
    } else if (m_workspace && m_figures.dates.isValid() && !a.unavailable.isEmpty()) {
        line = tr("%1 tickets · escalation rate not measurable: %2 · %3")
                   .arg(display::count(a.tickets), a.unavailable, line);
    } else if (m_workspace && m_figures.dates.isValid()) {
        line = tr("%1 of %2 tickets escalated (%3 overall) · %4")
                   .arg(display::count(a.escalated), display::count(a.tickets),
                        display::percent(a.overallRate), line);
    }
    shown::setPlainText(m_subtitle, line);
    showChart();
    showTable();
    if (m_selectFlaggedWhenShown) {
        selectFlagged();
    }
}

QString SegmentsPage::segmentLabel(const QString& value) const {
    return value.isNull() ? tr("(no value)") : value;
}

void SegmentsPage::showChart() {
    const analysis::SegmentAnalysis& a = m_figures.analysis;
    const bool empty = a.rows.empty();
    const bool measured = a.unavailable.isEmpty();
    m_chart->clear(empty      ? (m_workspace ? tr("No tickets in this period.") : QString())
                   : measured ? QString()
                              : tr("Escalation rate not measurable: %1.").arg(a.unavailable));
    if (empty || !measured) {
        return;
    }
    // Highest rate at the top: a horizontal bar chart draws its first
    // category at the bottom.
    const int barCount = std::min<int>(chartSegments, int(a.rows.size()));
    QStringList labels;
    auto* above = new QBarSet(tr("Significantly above average"));
    auto* other = new QBarSet(tr("Not significantly above"));
    above->setColor(AnalysisChart::badColour());
    above->setBorderColor(AnalysisChart::badColour());
    other->setColor(AnalysisChart::accentColour());
    other->setBorderColor(AnalysisChart::accentColour());
    double highest = a.overallRate.value_or(0.0) * 100.0;
    for (int i = barCount - 1; i >= 0; --i) {
        const analysis::SegmentRow& row = a.rows[std::size_t(i)];
        labels << segmentLabel(row.value);
        const double percent = row.rate.value_or(0.0) * 100.0;
        above->append(row.significantlyAbove ? percent : 0.0);
        other->append(row.significantlyAbove ? 0.0 : percent);
        highest = std::max(highest, percent);
    }
    auto* bars = new QHorizontalStackedBarSeries;
    bars->append(above);
    bars->append(other);
    bars->setBarWidth(0.62);

    m_chart->addRoundValueAxis(highest, 5.0, QStringLiteral("%g%%"), tr("Escalation rate (%)"),
                               Qt::AlignBottom);
    m_chart->addCategoryAxis(labels, m_field->currentText(), Qt::AlignLeft);
    m_chart->addSeries(bars);
    if (a.overallRate) {
        auto* average = new QLineSeries;
        average->setName(tr("Overall %1").arg(display::percent(a.overallRate)));
        average->append(*a.overallRate * 100.0, -0.5);
        average->append(*a.overallRate * 100.0, barCount - 0.5);
        average->setPen(QPen(QColor(0x3e, 0x4c, 0x59), 1.5, Qt::DashLine));
        m_chart->addSeries(average);
    }
    // Tooltips and clicks name the segment's row in the table.
    const auto rowOfBar = [barCount](int index) {
        return barCount - 1 - index;
    };
    connect(bars, &QHorizontalStackedBarSeries::hovered, m_chart,
            [this, rowOfBar](bool status, int index, QBarSet*) {
                const int row = rowOfBar(index);
                if (!status || row < 0 || row >= int(m_figures.analysis.rows.size())) {
                    m_chart->showToolTip({});
                    return;
                }
                const analysis::SegmentRow& r = m_figures.analysis.rows[std::size_t(row)];
                m_chart->showToolTip(
                    tr("<b>%1</b><br>%2 of %3 tickets escalated: %4<br>%5 against the overall "
                       "%6 · p = %7%8<br><i>Click to list the tickets</i>")
                        .arg(shown::html(segmentLabel(r.value)), display::count(r.escalated),
                             display::count(r.tickets), display::percent(r.rate),
                             r.deviationPts ? display::signedPointValue(*r.deviationPts)
                                            : QStringLiteral("—"),
                             display::percent(m_figures.analysis.overallRate),
                             display::pValue(r.pValue),
                             r.significantlyAbove ? tr("<br><b>Significantly above average</b>")
                                                  : QString()));
            });
    connect(bars, &QHorizontalStackedBarSeries::clicked, m_chart,
            [this, rowOfBar](int index, QBarSet*) { m_table->selectRow(rowOfBar(index)); });
}

void SegmentsPage::showTable() {
    const analysis::SegmentAnalysis& a = m_figures.analysis;
    const QSignalBlocker block(m_table);
    m_table->clearContents();
    m_table->setRowCount(int(a.rows.size()));
    const QColor flagColour = AnalysisChart::badColour();
    for (int i = 0; i < int(a.rows.size()); ++i) {
        const analysis::SegmentRow& row = a.rows[std::size_t(i)];
        m_table->setItem(i, SegmentColumn, parts::textItem(segmentLabel(row.value)));
        m_table->setItem(i, TicketsColumn, parts::numberItem(display::count(row.tickets)));
        m_table->setItem(i, EscalatedColumn,
                         parts::numberItem(a.unavailable.isEmpty() ? display::count(row.escalated)
                                                                   : QStringLiteral("—")));
        m_table->setItem(i, RateColumn, parts::numberItem(display::percent(row.rate)));
        m_table->setItem(i, DeviationColumn,
                         parts::numberItem(row.deviationPts
                                               ? display::signedPointValue(*row.deviationPts)
                                               : QStringLiteral("—")));
        m_table->setItem(i, PValueColumn, parts::numberItem(display::pValue(row.pValue)));
        const bool tooSmall = row.tickets < analysis::smallestSegmentToCall;
        auto* flag = parts::textItem(!a.unavailable.isEmpty()  ? tr("Not measurable")
                                     : row.significantlyAbove  ? tr("▲ Significantly above")
                                     : !row.pValue || tooSmall ? tr("Too few to test")
                                                               : tr("Not above"));
        if (!a.unavailable.isEmpty()) {
            flag->setToolTip(a.unavailable);
        } else if (row.pValue) {
            flag->setToolTip(
                (row.test == analysis::ProportionTestKind::FisherExact
                     ? tr("Fisher's exact test against all other tickets (an expected count is "
                          "below 5)")
                     : tr("Two-proportion z-test against all other tickets")) +
                (tooSmall ? tr("; fewer than %1 tickets are never called significant")
                                .arg(analysis::smallestSegmentToCall)
                          : QString()));
        }
        if (row.significantlyAbove) {
            flag->setForeground(flagColour);
            QFont bold = flag->font();
            bold.setWeight(QFont::DemiBold);
            m_table->item(i, SegmentColumn)->setFont(bold);
        } else {
            flag->setForeground(AnalysisChart::mutedColour());
        }
        m_table->setItem(i, FlagColumn, flag);
        m_table->item(i, SegmentColumn)->setData(Qt::UserRole, row.value);
    }
    m_tickets->clear(a.rows.empty() ? tr("No tickets in this period.")
                                    : tr("Select a segment to list its tickets."));
}

bool SegmentsPage::selectSegment(const QString& value) {
    for (int i = 0; i < m_table->rowCount(); ++i) {
        const QVariant data = m_table->item(i, SegmentColumn)->data(Qt::UserRole);
        if (data.toString() == value && data.toString().isNull() == value.isNull()) {
            m_table->selectRow(i);
            return true;
        }
    }
    return false;
}

void SegmentsPage::showSelectedTickets() {
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty()) {
        m_tickets->clear(tr("Select a segment to list its tickets."));
        return;
    }
    const int row = selected.first()->row();
    const QString value = m_table->item(row, SegmentColumn)->data(Qt::UserRole).toString();
    if (!m_segmentTickets || !sameSegment(m_segmentTickets->value, value)) {
        loadSegmentTickets(value);
        return;
    }
    if (!m_segmentTickets->error.isEmpty()) {
        m_tickets->clear(m_segmentTickets->error);
        return;
    }
    const analysis::SegmentTickets& listed = m_segmentTickets->tickets;
    std::vector<std::int64_t> rows = m_escalatedOnly->isChecked() ? listed.escalated : listed.all;
    m_tickets->setEscalatedColumnVisible(!m_escalatedOnly->isChecked());
    m_tickets->showTickets(m_workspace,
                           m_escalatedOnly->isChecked()
                               ? tr("Escalated tickets of “%1”").arg(segmentLabel(value))
                               : tr("Tickets of “%1”").arg(segmentLabel(value)),
                           std::move(rows));
}

void SegmentsPage::loadSegmentTickets(const QString& value) {
    if (!m_workspace || !m_figures.dates.isValid()) {
        m_segmentTickets = SegmentTicketRows{value, {}, {}};
        showSelectedTickets();
        return;
    }
    m_tickets->clear(tr("Listing the tickets…"));
    const metrics::DateRange dates = m_figures.dates;
    const SegmentField field = m_figures.field;
    m_ticketsJob.run<SegmentTicketRows>(
        this, m_workspace->path(),
        [dates, field, value](store::Workspace& workspace) {
            return computeSegmentTickets(workspace, dates, field, value);
        },
        [this, value](SegmentTicketRows rows) {
            rows.value = value; // a failed read too, so that its error shows once
            m_segmentTickets = std::move(rows);
            showSelectedTickets();
        });
}

void SegmentsPage::prepareScreenshot() {
    // Account segments, where a support lead looks first for customers
    // who escalate more; the first segment significantly above is selected
    // when the figures arrive.
    m_selectFlaggedWhenShown = true;
    if (m_field->currentData().toInt() != int(SegmentField::AccountSegment)) {
        setField(SegmentField::AccountSegment);
        return;
    }
    selectFlagged();
}

void SegmentsPage::selectFlagged() {
    m_selectFlaggedWhenShown = false;
    // The first significantly-above segment, else the highest rate.
    const auto& rows = m_figures.analysis.rows;
    const auto flagged = std::find_if(rows.begin(), rows.end(), [](const analysis::SegmentRow& r) {
        return r.significantlyAbove;
    });
    if (flagged != rows.end()) {
        m_table->selectRow(int(flagged - rows.begin()));
    } else if (!rows.empty()) {
        m_table->selectRow(0);
    }
}

} // namespace escdesk::ui
