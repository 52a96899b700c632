#include "matrix/DraftDiffView.h"

#include "Appearance.h"
#include "ShownText.h"
#include "matrix/MatrixDiff.h"
#include "matrix/MatrixDocument.h"
#include "matrix/MatrixJson.h"
#include "models/DisplayText.h"
#include "pages/PageParts.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

using Kind = matrix::MatrixDifference::Kind;

QString kindText(const matrix::MatrixDifference& difference) {
    switch (difference.kind) {
    case Kind::Added:
        return DraftDiffView::tr("added");
    case Kind::Removed:
        return DraftDiffView::tr("removed");
    case Kind::Changed:
        break;
    }
    return difference.what;
}

QString sectionHeading(matrix::MatrixSection section, int count) {
    return count == 1 ? DraftDiffView::tr("%1 — 1 difference").arg(matrix::sectionTitle(section))
                      : DraftDiffView::tr("%1 — %2 differences")
                            .arg(matrix::sectionTitle(section))
                            .arg(count);
}

} // namespace

DraftDiffView::DraftDiffView(MatrixDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_heading(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy as Text"), this))
    , m_tree(new QTreeWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(8);
    auto* header = new QHBoxLayout;
    m_heading->setObjectName(QStringLiteral("sectionTitle"));
    m_heading->setWordWrap(true);
    header->addWidget(m_heading, 1);
    m_copy->setToolTip(tr("Copy the differences as text, e.g. to ask for a review"));
    header->addWidget(m_copy);
    layout->addLayout(header);

    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Item"), tr("Change"), tr("Published"), tr("Draft")});
    m_tree->setAccessibleName(tr("Differences between the published matrix and the draft"));
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setItemDelegate(new shown::ItemDelegate(m_tree));
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(ItemColumn, 300);
    m_tree->setColumnWidth(WhatColumn, 170);
    m_tree->setColumnWidth(PublishedColumn, 280);
    layout->addWidget(m_tree, 1);
    layout->addWidget(parts::footnote(
        tr("Rules are matched by name, SLA policies by customer tier × priority, tiers by level, "
           "calendars by name and checklists by transition. Double-click a difference to edit "
           "it."),
        this));

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(matrix::diffText(
            matrix::diffMatrices(m_document->publishedMatrix(), m_document->matrix())));
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString key = item->data(ItemColumn, Qt::UserRole).toString();
        if (!key.isEmpty()) {
            emit sectionActivated(key);
        }
    });
}

void DraftDiffView::refresh() {
    m_stale = true;
    if (isVisible()) {
        rebuild();
    }
}

void DraftDiffView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) {
        rebuild();
    }
}

void DraftDiffView::rebuild() {
    m_stale = false;
    m_tree->clear();
    const std::vector<matrix::MatrixDifference> differences =
        m_document->isEditingDraft()
            ? matrix::diffMatrices(m_document->publishedMatrix(), m_document->matrix())
            : std::vector<matrix::MatrixDifference>{};
    m_copy->setEnabled(!differences.empty());
    if (!m_document->isEditingDraft()) {
        m_heading->setText(tr("There is no draft: start one to compare it with the published "
                              "matrix."));
        return;
    }
    m_heading->setText(differences.empty() ? tr("The draft equals the published matrix.")
                       : differences.size() == 1
                           ? tr("1 difference between the published matrix and the draft")
                           : tr("%1 differences between the published matrix and the draft")
                                 .arg(display::count(std::int64_t(differences.size()))));
    const ThemeColours& colours = themeColours();
    QTreeWidgetItem* group = nullptr;
    int inGroup = 0;
    for (const matrix::MatrixDifference& difference : differences) {
        if (!group || group->data(ItemColumn, Qt::UserRole).toString() !=
                          matrix::sectionKey(difference.section)) {
            group = new QTreeWidgetItem(m_tree);
            group->setFirstColumnSpanned(true);
            group->setData(ItemColumn, Qt::UserRole, matrix::sectionKey(difference.section));
            QFont bold = group->font(ItemColumn);
            bold.setWeight(QFont::DemiBold);
            group->setFont(ItemColumn, bold);
            group->setForeground(ItemColumn, colours.strongText);
            inGroup = 0;
        }
        ++inGroup;
        group->setText(ItemColumn, sectionHeading(difference.section, inGroup));
        auto* row = new QTreeWidgetItem(group);
        row->setData(ItemColumn, Qt::UserRole, matrix::sectionKey(difference.section));
        const QStringList texts{difference.item, kindText(difference), difference.before,
                                difference.after};
        for (int column = 0; column < ColumnCount; ++column) {
            row->setText(column, texts[column]);
            row->setToolTip(column, shown::toolTip(matrix::differenceText(difference)));
        }
        if (difference.kind == Kind::Removed) {
            row->setForeground(WhatColumn, colours.bad);
        } else if (difference.kind == Kind::Added) {
            row->setForeground(WhatColumn, colours.good);
        }
        row->setForeground(PublishedColumn, colours.mutedText);
    }
    m_tree->expandAll();
}

} // namespace escdesk::ui
