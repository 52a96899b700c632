#pragma once

// What the draft would have done: a past period's tickets run through the
// published matrix and the draft side by side (core's analysis/MatrixReplay)
// on a worker thread, with progress and cancel. Shows the SLA results under
// each (met, breached, breach rate per target), the engineering load under
// each, the tickets whose priority or target tier changes per pair of rules
// — the tickets behind a count listed beside it, as on the analysis pages —
// the tickets the draft moves between met and breached per SLA target, and
// the tickets the draft's rules flag earlier.

#include "analysis/MatrixReplay.h"
#include "metrics/DataEnd.h"
#include "pages/BackgroundJob.h"

#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace escdesk::ui {

class MatrixDocument;
class PeriodPicker;
class TicketListPane;

struct ReplayFigures {
    metrics::ChosenPeriod period;
    analysis::MatrixReplay replay;
    bool ran = false;       // a period with dates was replayed
    bool cancelled = false; // stopped early: the figures are partial
    QString error;
};

class ReplayPanel : public QWidget {
    Q_OBJECT
public:
    enum SlaColumn {
        TargetColumn,
        PublishedMetColumn,
        PublishedBreachedColumn,
        PublishedRateColumn,
        DraftMetColumn,
        DraftBreachedColumn,
        DraftRateColumn,
        SlaColumnCount
    };
    enum LoadRow { EngineeringEscalationsRow, EngineerHoursRow, LoadRowCount };
    enum LoadColumn { MeasureColumn, PublishedLoadColumn, DraftLoadColumn, LoadColumnCount };
    enum ShiftColumn { PublishedRuleColumn, DraftRuleColumn, TicketsColumn, ShiftColumnCount };

    explicit ReplayPanel(MatrixDocument* document, QWidget* parent = nullptr);
    ~ReplayPanel() override;

    void setAsynchronous(bool asynchronous) { m_job.setAsynchronous(asynchronous); }
    // The instant SLA clocks are read at (default: now); tests pin it.
    void setClock(std::function<UtcSeconds()> clock) { m_clock = std::move(clock); }
    bool isBusy() const { return m_job.isRunning(); }

    PeriodPicker* periodPicker() const { return m_period; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progress() const { return m_progress; }
    QLabel* summary() const { return m_summary; }
    QTableWidget* slaTable() const { return m_sla; }
    QTableWidget* loadTable() const { return m_load; }
    QTableWidget* shiftsTable() const { return m_shifts; }
    QPushButton* flaggedEarlierButton() const { return m_flagged; }
    TicketListPane* tickets() const { return m_tickets; }
    const ReplayFigures& figures() const { return m_figures; }
    // Whether figures are shown for the draft as it is now.
    bool isCurrent() const { return m_figures.ran && !m_outdated; }

    // Replays the picked period through the published matrix and the draft.
    void run();
    // Stops the running replay; nothing of it is shown.
    void cancel();
    // Forgets the figures (another workspace, or the draft is gone).
    void clear();
    // The draft was edited: the figures shown are of an earlier draft.
    void markOutdated();

private:
    void showFigures(ReplayFigures figures);
    void showRunning(bool running);
    void showSla();
    void showLoad();
    void showShifts();
    void showShiftTickets();
    // The tickets whose verdict on the selected SLA target differs.
    void showSlaTickets();
    void showFlaggedEarlier();

    MatrixDocument* m_document;
    BackgroundJob m_job;
    std::shared_ptr<std::atomic<bool>> m_stop;
    std::function<UtcSeconds()> m_clock;
    ReplayFigures m_figures;
    bool m_outdated = false;
    PeriodPicker* m_period;
    QPushButton* m_run;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_summary;
    QWidget* m_results;
    QTableWidget* m_sla;
    QTableWidget* m_load;
    QPushButton* m_flagged;
    QLabel* m_flaggedNote;
    QTableWidget* m_shifts;
    TicketListPane* m_tickets;
};

} // namespace escdesk::ui
