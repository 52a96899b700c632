#pragma once

// Business calendars: weekly opening hours (several intervals a day) in an
// IANA time zone, or 24×7, and the holidays — fixed dates and rules built in
// HolidayDialog.

#include "matrix/MatrixEditor.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QTableWidget;
class QToolButton;

namespace escdesk::ui {

class CalendarsEditor : public MatrixEditor {
    Q_OBJECT
public:
    explicit CalendarsEditor(MatrixDocument* document, QWidget* parent = nullptr);

    QStringList sections() const override { return {QStringLiteral("calendars")}; }
    bool reveal(const QString& path) override;

    QListWidget* calendarList() const { return m_calendars; }
    QTableWidget* weekTable() const { return m_week; }
    QTableWidget* holidayTable() const { return m_holidays; }
    QCheckBox* roundTheClock() const { return m_roundTheClock; }
    QComboBox* timeZone() const { return m_zone; }

    // "09:00–12:00, 13:00–17:00" ↔ opening hours; none when the text is not
    // a list of intervals. "Closed" or nothing is a closed day.
    static std::optional<std::vector<sla::OpeningHours>> parseHours(const QString& text);
    static QString hoursText(const std::vector<sla::OpeningHours>& hours);

    // Adds `holiday` to the selected calendar (the dialog's result).
    void addHoliday(const sla::Holiday& holiday);

protected:
    void refresh() override;

private:
    int selectedCalendar() const;
    void showSelected();
    void commitName();
    void commitZone();
    void commitRoundTheClock(bool on);
    void weekEdited(int row, int column);
    void addCalendar();
    void removeCalendar();
    void chooseHoliday(int row);
    void removeHoliday();

    QListWidget* m_calendars;
    QLineEdit* m_name;
    QComboBox* m_zone;
    IssueBadge* m_zoneBadge;
    QCheckBox* m_roundTheClock;
    QTableWidget* m_week;
    IssueBadge* m_weekBadge;
    QLabel* m_weekProblem;
    QTableWidget* m_holidays;
    QLabel* m_noHolidays;
    QToolButton* m_addCalendar;
    QToolButton* m_removeCalendar;
    QToolButton* m_addHoliday;
    QToolButton* m_removeHoliday;
    QWidget* m_detail;
};

} // namespace escdesk::ui
