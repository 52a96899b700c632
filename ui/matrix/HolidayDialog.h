#pragma once

// The holiday rule builder: a fixed date, a date every year, the nth weekday
// of a month ("fourth Thursday of November") or its last weekday ("last
// Monday of May"), with a preview of the next dates it falls on.

#include "sla/BusinessCalendar.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace escdesk::ui {

class HolidayDialog : public QDialog {
    Q_OBJECT
public:
    explicit HolidayDialog(const sla::Holiday& holiday, QWidget* parent = nullptr);

    sla::Holiday holiday() const;

private:
    void updatePreview();

    QLineEdit* m_name;
    QComboBox* m_kind;
    QStackedWidget* m_pages;
    QDateEdit* m_date;
    QComboBox* m_yearlyMonth;
    QSpinBox* m_yearlyDay;
    QComboBox* m_nth;
    QComboBox* m_weekday;
    QComboBox* m_month;
    QLabel* m_preview;
};

} // namespace escdesk::ui
