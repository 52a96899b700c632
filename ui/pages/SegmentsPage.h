#pragma once

// Segments: the escalation rate of each account tier, segment, priority,
// product area, root cause or group against the overall rate, with the
// segments significantly above it highlighted (SPEC §8) and the tickets
// behind a segment one click away.

#include "analysis/DrillDown.h"
#include "analysis/SegmentAnalysis.h"
#include "metrics/DataEnd.h"
#include "metrics/Period.h"
#include "pages/BackgroundJob.h"
#include "pages/WorkspacePage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace escdesk::ui {

class AnalysisChart;
class PeriodPicker;
class TicketListPane;

struct SegmentFigures {
    metrics::DateRange dates;
    metrics::ChosenPeriod period; // how the dates were chosen (following the data?)
    metrics::SegmentField field = metrics::SegmentField::Priority;
    analysis::SegmentAnalysis analysis;
    QString error;
};

// The tickets behind one segment's counts, read when the segment is
// selected: that segment's tickets only, as the store finds them, rather
// than every ticket's facts of the period (half a gigabyte on a million
// tickets) for the one list shown.
struct SegmentTicketRows {
    QString value; // the segment's (null: the tickets without a value)
    analysis::SegmentTickets tickets;
    QString error;
};

class SegmentsPage : public WorkspacePage {
    Q_OBJECT
public:
    enum Column {
        SegmentColumn,
        TicketsColumn,
        EscalatedColumn,
        RateColumn,
        DeviationColumn,
        PValueColumn,
        FlagColumn,
        ColumnCount
    };

    explicit SegmentsPage(QWidget* parent = nullptr);
    ~SegmentsPage() override;

    void setAsynchronous(bool asynchronous) {
        m_job.setAsynchronous(asynchronous);
        m_ticketsJob.setAsynchronous(asynchronous);
    }
    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("segments"); }
    void prepareScreenshot() override;
    bool isBusy() const override { return m_job.isRunning() || m_ticketsJob.isRunning(); }
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(QSettings& settings) override;

    void setField(metrics::SegmentField field);
    PeriodPicker* periodPicker() const { return m_period; }
    const SegmentFigures& figures() const { return m_figures; }
    QTableWidget* table() const { return m_table; }
    AnalysisChart* chart() const { return m_chart; }
    TicketListPane* tickets() const { return m_tickets; }
    QCheckBox* escalatedOnly() const { return m_escalatedOnly; }
    // Selects the table row of the segment (a null value: no value).
    bool selectSegment(const QString& value);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void showFigures(SegmentFigures figures);
    void showChart();
    void showTable();
    void showSelectedTickets();
    void loadSegmentTickets(const QString& value);
    void selectFlagged();
    QString segmentLabel(const QString& value) const;

    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    bool m_selectFlaggedWhenShown = false;
    BackgroundJob m_job;
    SegmentFigures m_figures;
    BackgroundJob m_ticketsJob;
    std::optional<SegmentTicketRows> m_segmentTickets; // of m_figures, the last segment read
    QComboBox* m_field;
    PeriodPicker* m_period;
    QLabel* m_subtitle;
    QWidget* m_content;
    AnalysisChart* m_chart;
    QTableWidget* m_table;
    TicketListPane* m_tickets;
    QCheckBox* m_escalatedOnly;
};

} // namespace escdesk::ui
