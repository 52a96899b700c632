#pragma once

// The rejected rows and warnings of one import batch (line, outcome,
// column, value, reason) in a table, with an Export button that writes them
// as CSV for fixing at the source.

#include <QWidget>

#include <cstdint>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace escdesk::store {
class Database;
}
namespace escdesk::import {
struct RejectedRow;
}

namespace escdesk::ui {

class RejectedRowsPane : public QWidget {
    Q_OBJECT
public:
    explicit RejectedRowsPane(QWidget* parent = nullptr);

    // Shows the batch's rejected rows and warnings (batch 0: none).
    void showBatch(store::Database* db, std::int64_t batch, const QString& fileName);
    int rowCount() const;
    QTableWidget* table() const { return m_table; }
    // Writes the rows as CSV to `path`; returns an error message or empty.
    QString exportTo(const QString& path);

private:
    void chooseExportFile();
    QString titleOf(const std::vector<import::RejectedRow>& rows, std::int64_t batch,
                    const QString& fileName) const;

    store::Database* m_db = nullptr;
    std::int64_t m_batch = 0;
    QString m_fileName;
    QLabel* m_title;
    QTableWidget* m_table;
    QPushButton* m_export;
};

} // namespace escdesk::ui
