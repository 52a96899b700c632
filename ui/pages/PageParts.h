#pragma once

// Pieces the analysis pages share: the title, subtitle and footnote labels,
// table cells (numbers right-aligned in a fixed-width figure font), and the
// local date the period presets count from.

#include "metrics/DataEnd.h"

#include <QDate>
#include <QString>

class QLabel;
class QTableView;
class QTableWidget;
class QTableWidgetItem;
class QWidget;

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui::parts {

QLabel* pageTitle(const QString& text, QWidget* parent);
// A plain-text label: set its text with shown::setPlainText().
QLabel* subtitle(QWidget* parent);
QLabel* footnote(const QString& text, QWidget* parent);
QLabel* sectionTitle(const QString& text, QWidget* parent);

// A read-only, row-selecting table in the application's style.
void styleTable(QTableWidget* table);
// Widens every column of `table` that is narrower than its header text.
void fitColumnsToHeaders(QTableView* table);
// Cells show their text as shown::text() does (ShownText.h): imported
// values are inert.
QTableWidgetItem* textItem(const QString& text);
QTableWidgetItem* numberItem(const QString& text);

// Today in the workspace's reporting time zone (the system's without one).
QDate today(store::Workspace* workspace);

// The period and zone line under a page title.
QString periodLine(const QDate& first, const QDate& last, store::Workspace* workspace);
// The same, first saying when the preset follows the data rather than
// today: "Last 30 days of data (to 14 Mar 2025) · 13 Feb – 14 Mar 2025 …".
QString periodLine(const metrics::ChosenPeriod& period, const QString& presetName,
                   store::Workspace* workspace);
// "Last 30 days of data (to 14 Mar 2025)"; empty when the period does not
// follow the data.
QString followsDataText(const metrics::ChosenPeriod& period, const QString& presetName);

} // namespace escdesk::ui::parts
