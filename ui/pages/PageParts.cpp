#include "pages/PageParts.h"

#include "ShownText.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>

#include <algorithm>

namespace escdesk::ui::parts {

QLabel* pageTitle(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("pageTitle"));
    return label;
}

QLabel* subtitle(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("subtitle"));
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel* footnote(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("footnote"));
    label->setWordWrap(true);
    return label;
}

QLabel* sectionTitle(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("sectionTitle"));
    return label;
}

void styleTable(QTableWidget* table) {
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 12);
    QHeaderView* header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setMinimumSectionSize(48);
}

void fitColumnsToHeaders(QTableView* table) {
    QHeaderView* header = table->horizontalHeader();
    QFont font = header->font();
    font.setWeight(QFont::DemiBold); // the style sheet's header weight
    const QFontMetrics metrics(font);
    for (int column = 0; column < header->count(); ++column) {
        const QString text =
            table->model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        int widest = 0;
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            widest = std::max(widest, metrics.horizontalAdvance(line));
        }
        // The section's padding (8 px each side) and a little air.
        const int needed = widest + 20;
        if (table->columnWidth(column) < needed) {
            table->setColumnWidth(column, needed);
        }
    }
}

QTableWidgetItem* textItem(const QString& text) {
    auto* item = new QTableWidgetItem(shown::text(text));
    item->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return item;
}

QTableWidgetItem* numberItem(const QString& text) {
    auto* item = new QTableWidgetItem(shown::text(text));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // DejaVu Sans has equal-width digits: right-aligned numbers line up.
    return item;
}

QDate today(store::Workspace* workspace) {
    const QTimeZone zone = workspace ? workspace->reportingTimeZone() : QTimeZone::systemTimeZone();
    return QDateTime::currentDateTime().toTimeZone(zone).date();
}

QString periodLine(const QDate& first, const QDate& last, store::Workspace* workspace) {
    if (!workspace) {
        return QObject::tr("No workspace is open.");
    }
    if (!first.isValid() || !last.isValid() || first > last) {
        return QObject::tr("The first day must not be after the last day.");
    }
    return QObject::tr("%1 (%2 days) · times in %3")
        .arg(display::dateRange(first, last))
        .arg(first.daysTo(last) + 1)
        .arg(QString::fromUtf8(workspace->reportingTimeZone().id()));
}

QString followsDataText(const metrics::ChosenPeriod& period, const QString& presetName) {
    if (!period.followsData) {
        return {};
    }
    return QObject::tr("%1 of data (to %2)")
        .arg(presetName, display::dateRange(period.dataEnd, period.dataEnd));
}

QString periodLine(const metrics::ChosenPeriod& period, const QString& presetName,
                   store::Workspace* workspace) {
    const QString line = periodLine(period.dates.first, period.dates.last, workspace);
    if (!workspace || !period.followsData) {
        return line;
    }
    return followsDataText(period, presetName) + QStringLiteral(" · ") + line;
}

} // namespace escdesk::ui::parts
