#pragma once

// The reporting period of the analysis pages, picked as on the dashboard:
// last 7/30/90 days, this or last month, this quarter, or custom dates
// (Trends adds the last 12 weeks and 12 months). A preset follows the data:
// when the workspace's data ends before the preset's period ending today,
// the page computes it up to the data's last day (metrics::choosePeriod) and
// the picker says "to 14 Mar 2025" beside it (the page's period line says
// "Last 30 days of data (to 14 Mar 2025)").

#include "metrics/Period.h"

#include <QDate>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QDateEdit;
class QSettings;

namespace escdesk::ui {

class PeriodPicker : public QWidget {
    Q_OBJECT
public:
    explicit PeriodPicker(QWidget* parent = nullptr);

    metrics::PeriodPreset preset() const;
    void setPreset(metrics::PeriodPreset preset);
    // Adds "Last 12 weeks" and "Last 12 months" (the trend presets).
    void offerTrendPresets();
    // The current preset as the list shows it ("Last 30 days").
    QString presetText() const;
    // Says beside the preset that it ends on `dataEnd`, the last day with
    // data, rather than today; an invalid date says nothing.
    void showDataEnd(const QDate& dataEnd);
    QString dataEndText() const;
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
    QLabel* m_dataEnd;
    QWidget* m_custom;
    QDateEdit* m_from;
    QDateEdit* m_to;
    std::function<QDate()> m_today = [] {
        return QDate::currentDate();
    };
};

} // namespace escdesk::ui
