#pragma once

// The draft compared with the published matrix, as core's MatrixDiff words
// it: one group per section (tiers, rules, SLA policies, …), one row per
// difference — the item, what of it changed, its published value and its
// value in the draft. Activating a row shows the section's editor.

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace escdesk::ui {

class MatrixDocument;

class DraftDiffView : public QWidget {
    Q_OBJECT
public:
    enum Column { ItemColumn, WhatColumn, PublishedColumn, DraftColumn, ColumnCount };

    explicit DraftDiffView(MatrixDocument* document, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    QLabel* heading() const { return m_heading; }
    // Compares again (when shown; otherwise when next shown).
    void refresh();

signals:
    // A difference of the section with this key ("severity_rules") was
    // activated.
    void sectionActivated(const QString& sectionKey);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void rebuild();

    MatrixDocument* m_document;
    bool m_stale = true;
    QLabel* m_heading;
    QPushButton* m_copy;
    QTreeWidget* m_tree;
};

} // namespace escdesk::ui
