#pragma once

// The matrix change log: who changed what and when, the change itself as a
// readable before/after diff, and whether the tamper-evident hash chain is
// intact (or from which entry it is broken).

#include <QWidget>

class QLabel;
class QTableWidget;
class QTextBrowser;

namespace escdesk::ui {

class MatrixDocument;

class HistoryView : public QWidget {
    Q_OBJECT
public:
    explicit HistoryView(MatrixDocument* document, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QLabel* chainStatus() const { return m_chain; }
    QTextBrowser* diff() const { return m_diff; }
    // Rereads the change log (newest first).
    void reload();

    // A unified line diff of two texts with `context` lines around each
    // change, as HTML.
    static QString diffHtml(const QString& before, const QString& after, int context = 3);
    // The values that differ between two JSON documents, one line each:
    // "[1].owner: “Technical support lead” → “Priya”"; at most `limit`.
    static QStringList changedValues(const QString& before, const QString& after, int limit = 12);

private:
    void showSelected();

    MatrixDocument* m_document;
    QLabel* m_chain;
    QTableWidget* m_table;
    QTextBrowser* m_diff;
    struct Entry {
        QString before;
        QString after;
    };
    std::vector<Entry> m_entries;
};

} // namespace escdesk::ui
