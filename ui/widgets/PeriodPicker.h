#pragma once

// The reporting period of the analysis pages, picked as on the dashboard:
// last 7/30/90 days, this or last month, this quarter, or custom dates.

#include "metrics/Period.h"

#include <QDate>
#include <QWidget>

#include <functional>

class QComboBox;
class QDateEdit;
class QSettings;

namespace escdesk::ui {

class PeriodPicker : public QWidget {
    Q_OBJECT
public:
    explicit PeriodPicker(QWidget* parent = nullptr);

    metrics::PeriodPreset preset() const;
    void setPreset(metrics::PeriodPreset preset);
    void setCustomRange(const QDate& first, const QDate& last);
    // Where "today" comes from when Custom is first chosen (default: the
    // system date); pages pass the workspace's reporting zone's date.
    void setTodayProvider(std::function<QDate()> today) { m_today = std::move(today); }
    // The dates picked when the local date is `today`.
    metrics::DateRange dates(const QDate& today) const;

    void saveSettings(QSettings& settings, const QString& prefix) const;
    void restoreSettings(QSettings& settings, const QString& prefix);

signals:
    void changed();

private:
    void presetChanged();

    QComboBox* m_period;
    QWidget* m_custom;
    QDateEdit* m_from;
    QDateEdit* m_to;
    std::function<QDate()> m_today = [] {
        return QDate::currentDate();
    };
};

} // namespace escdesk::ui
