#pragma once

// The SLA policies as a customer tier × priority grid: each cell shows the
// first-response, resolution and claim (handoff) targets and the calendar
// they run on; the selected cell is edited below the grid.

#include "matrix/MatrixEditor.h"

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace escdesk::ui {

class SlaEditor : public MatrixEditor {
    Q_OBJECT
public:
    explicit SlaEditor(MatrixDocument* document, QWidget* parent = nullptr);

    QStringList sections() const override { return {QStringLiteral("sla_policies")}; }
    bool reveal(const QString& path) override;

    QTableWidget* grid() const { return m_grid; }
    QSpinBox* firstResponse() const { return m_firstResponse; }
    QSpinBox* resolution() const { return m_resolution; }
    QSpinBox* claim() const { return m_claim; }
    QComboBox* calendar() const { return m_calendar; }
    IssueBadge* firstResponseBadge() const { return m_firstResponseBadge; }
    IssueBadge* resolutionBadge() const { return m_resolutionBadge; }
    void selectCell(const QString& customerTier, const QString& priority);

    // "15 min", "2 h", "1 h 30 min".
    static QString minutesText(int minutes);

protected:
    void refresh() override;

private:
    int selectedPolicy() const;
    void showSelected();
    void commitMinutes(QSpinBox* box);
    void commitCalendar();
    void commitPausing();
    void createPolicy();

    QTableWidget* m_grid;
    QLabel* m_cellTitle;
    QSpinBox* m_firstResponse;
    QSpinBox* m_resolution;
    QSpinBox* m_claim;
    IssueBadge* m_firstResponseBadge;
    IssueBadge* m_resolutionBadge;
    IssueBadge* m_claimBadge;
    QComboBox* m_calendar;
    IssueBadge* m_calendarBadge;
    QLineEdit* m_pausing;
    QPushButton* m_create;
    QWidget* m_form;
};

} // namespace escdesk::ui
