#pragma once

// A history import's preview (HistoryPreview.h) as the mapping editor shows
// it: a summary line; the derived tickets, each with its events beneath it;
// the rows the import would reject or warn about.

#include "import/HistoryPreview.h"

#include <QWidget>

class QLabel;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace escdesk::ui {

class HistoryPreviewView : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPreviewView(QWidget* parent = nullptr);

    void showPreview(const import::HistoryPreview& preview, const QString& zoneName);
    // Nothing to show, and why (a refused file, a mapping still incomplete),
    // or that it is being read.
    void showMessage(const QString& message, bool problem);

    QTreeWidget* tickets() const { return m_tickets; }
    QTableWidget* problems() const { return m_problems; }
    QString summaryText() const;

private:
    void fillTickets(const import::HistoryPreview& preview);
    void fillProblems(const import::HistoryPreview& preview);

    QLabel* m_summary;
    QTabWidget* m_tabs;
    QTreeWidget* m_tickets;
    QTableWidget* m_problems;
};

} // namespace escdesk::ui
