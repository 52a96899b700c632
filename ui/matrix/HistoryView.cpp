#include "matrix/HistoryView.h"

#include "ShownText.h"
#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixDocument.h"
#include "matrix/MatrixJson.h"
#include "matrix/MatrixStore.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

enum Column { WhenColumn, WhoColumn, SectionColumn, SummaryColumn, ColumnCount };

// Larger sections are diffed as they are, without the quadratic matching.
constexpr int maxDiffLines = 4000;

QStringList prettyLines(const QString& json) {
    if (json.isEmpty()) {
        return {};
    }
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    const QString pretty =
        document.isNull() ? json : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    QStringList lines = pretty.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().isEmpty()) {
        lines.removeLast();
    }
    return lines;
}

QJsonValue parsed(const QString& json) {
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    return document.isArray()    ? QJsonValue(document.array())
           : document.isObject() ? QJsonValue(document.object())
                                 : QJsonValue();
}

QString shown(const QJsonValue& value) {
    constexpr int limit = 60;
    QString text;
    if (value.isString()) {
        text = QStringLiteral("“%1”").arg(value.toString());
    } else if (value.isUndefined() || value.isNull()) {
        text = HistoryView::tr("(none)");
    } else if (value.isArray() || value.isObject()) {
        const QJsonDocument document =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        text = QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    } else {
        text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                   .mid(1)
                   .chopped(1);
    }
    return text.size() > limit ? text.left(limit) + QStringLiteral("…") : text;
}

// An entry of a list by what a reader knows it as: its name ("Tier 2 —
// Technical support"), its policy ("Enterprise × High"), else its position.
QString itemLabel(const QString& path, const QJsonValue& item, qsizetype index) {
    const QJsonObject object = item.toObject();
    QString label;
    if (object.value(QLatin1String("name")).isString()) {
        label = object.value(QLatin1String("name")).toString();
    } else if (object.contains(QLatin1String("customer_tier"))) {
        label =
            QStringLiteral("%1 × %2").arg(object.value(QLatin1String("customer_tier")).toString(),
                                          object.value(QLatin1String("priority")).toString());
    } else if (object.contains(QLatin1String("from_tier"))) {
        label = QStringLiteral("Tier %1 → Tier %2")
                    .arg(object.value(QLatin1String("from_tier")).toInt())
                    .arg(object.value(QLatin1String("to_tier")).toInt());
    } else if (object.value(QLatin1String("text")).isString()) {
        label = object.value(QLatin1String("text")).toString();
    }
    if (label.isEmpty()) {
        return QStringLiteral("%1[%2]").arg(path).arg(index);
    }
    return path.isEmpty() ? label : path + QStringLiteral(" › ") + label;
}

void collectChanges(const QString& path, const QJsonValue& before, const QJsonValue& after,
                    QStringList& lines, int limit) {
    if (lines.size() > limit || before == after) {
        return;
    }
    if (before.isObject() && after.isObject()) {
        const QJsonObject a = before.toObject();
        const QJsonObject b = after.toObject();
        QStringList keys = a.keys() + b.keys();
        keys.removeDuplicates();
        keys.sort();
        for (const QString& key : keys) {
            collectChanges(path.isEmpty() ? key : path + QStringLiteral(" › ") + key, a.value(key),
                           b.value(key), lines, limit);
        }
        return;
    }
    if (before.isArray() && after.isArray()) {
        const QJsonArray a = before.toArray();
        const QJsonArray b = after.toArray();
        for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
            collectChanges(itemLabel(path, i < a.size() ? a.at(i) : b.at(i), i),
                           i < a.size() ? a.at(i) : QJsonValue(QJsonValue::Undefined),
                           i < b.size() ? b.at(i) : QJsonValue(QJsonValue::Undefined), lines,
                           limit);
        }
        return;
    }
    lines << QStringLiteral("%1: %2 → %3").arg(path, shown(before), shown(after));
}

} // namespace

QStringList HistoryView::changedValues(const QString& before, const QString& after, int limit) {
    QStringList lines;
    collectChanges(QString(), parsed(before), parsed(after), lines, limit);
    if (lines.size() > limit) {
        lines = lines.mid(0, limit);
        lines << tr("… and more");
    }
    return lines;
}

HistoryView::HistoryView(MatrixDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_chain(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_diff(new QTextBrowser(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    m_chain->setObjectName(QStringLiteral("chainStatus"));
    m_chain->setWordWrap(true);
    m_chain->setTextFormat(Qt::RichText);
    layout->addWidget(m_chain);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    m_table->setAccessibleName(tr("Matrix changes"));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("Section"), tr("Change")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setColumnWidth(WhenColumn, 140);
    m_table->setColumnWidth(WhoColumn, 140);
    m_table->setColumnWidth(SectionColumn, 180);
    splitter->addWidget(m_table);
    m_diff->setAccessibleName(tr("Change details"));
    m_diff->setOpenLinks(false);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
    connect(m_table, &QTableWidget::currentCellChanged, this, &HistoryView::showSelected);
    connect(document, &MatrixDocument::matrixChanged, this, [this] {
        if (isVisible()) {
            reload();
        }
    });
}

void HistoryView::reload() {
    m_table->setRowCount(0);
    m_entries.clear();
    store::Workspace* workspace = m_document->workspace();
    if (!workspace) {
        m_chain->setText(tr("No workspace is open."));
        m_diff->clear();
        return;
    }
    matrix::ChainVerification chain;
    std::vector<matrix::MatrixChange> changes;
    try {
        chain = matrix::verifyChangeChain(workspace->db());
        changes = matrix::readMatrixChanges(workspace->db());
    } catch (const store::StoreError& error) {
        m_chain->setText(shown::html(error.message()));
        m_diff->clear();
        return;
    }
    m_chain->setText(
        chain.intact
            ? tr("<span style='color:#2f855a; font-weight:600'>✔ Change log intact</span> — "
                 "%1 entries, each sealed with the hash of the one before.")
                  .arg(chain.entries)
            : tr("<span style='color:#c53030; font-weight:600'>✖ Change log broken at entry "
                 "%1</span> — %2")
                  .arg(chain.brokenAt.value_or(0))
                  .arg(shown::html(chain.message)));
    std::reverse(changes.begin(), changes.end()); // newest first
    const QTimeZone zone = workspace->reportingTimeZone();
    m_table->setRowCount(int(changes.size()));
    for (int row = 0; row < int(changes.size()); ++row) {
        const matrix::MatrixChange& change = changes[std::size_t(row)];
        const auto section = matrix::sectionOfKey(change.section);
        // A published draft is one entry over every section it changed.
        const QString sectionName = section ? matrix::sectionTitle(*section)
                                    : change.section == matrix::wholeMatrixSection
                                        ? tr("Whole matrix")
                                        : change.section;
        const QString texts[] = {display::dateTime(change.changedAt, zone), change.author,
                                 sectionName, change.summary};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(shown::text(texts[column]));
            item->setToolTip(column == SummaryColumn ? shown::toolTip(change.summary)
                                                     : tr("Entry %1").arg(change.id));
            if (chain.brokenAt && change.id >= *chain.brokenAt) {
                item->setForeground(QColor(0xc5, 0x30, 0x30));
            }
            m_table->setItem(row, column, item);
        }
        m_entries.push_back({change.before, change.after});
    }
    if (m_table->rowCount() > 0) {
        m_table->setCurrentCell(0, SummaryColumn);
    } else {
        m_diff->setHtml(tr("<p>No changes recorded yet.</p>"));
    }
}

void HistoryView::showSelected() {
    const int row = m_table->currentRow();
    if (row < 0 || row >= int(m_entries.size())) {
        m_diff->clear();
        return;
    }
    const Entry& entry = m_entries[std::size_t(row)];
    const QString heading = QStringLiteral("<p style='margin:0 0 6px 0'><b>%1</b> · %2 · %3</p>")
                                .arg(m_table->item(row, SummaryColumn)->text().toHtmlEscaped(),
                                     m_table->item(row, WhoColumn)->text().toHtmlEscaped(),
                                     m_table->item(row, WhenColumn)->text());
    if (entry.before.isEmpty()) {
        m_diff->setHtml(heading + tr("<p>Created the section.</p>") + diffHtml({}, entry.after));
        return;
    }
    // What changed, value by value, then the section's lines around it.
    QString summary = QStringLiteral("<ul style='margin:0 0 8px 0'>");
    for (const QString& line : changedValues(entry.before, entry.after)) {
        summary += QStringLiteral("<li>%1</li>").arg(shown::html(line));
    }
    summary += QStringLiteral("</ul>");
    m_diff->setHtml(heading + summary + diffHtml(entry.before, entry.after));
}

QString HistoryView::diffHtml(const QString& beforeText, const QString& afterText, int context) {
    const QStringList before = prettyLines(beforeText);
    const QStringList after = prettyLines(afterText);
    const int n = int(before.size());
    const int m = int(after.size());
    // ops: ' ' same, '-' removed, '+' added, in order.
    std::vector<std::pair<char, QString>> ops;
    if (n + m > maxDiffLines) {
        for (const QString& line : before) {
            ops.emplace_back('-', line);
        }
        for (const QString& line : after) {
            ops.emplace_back('+', line);
        }
    } else {
        // Longest common subsequence of lines, from the end.
        std::vector<std::vector<int>> lcs(std::size_t(n + 1), std::vector<int>(std::size_t(m + 1)));
        for (int i = n - 1; i >= 0; --i) {
            for (int j = m - 1; j >= 0; --j) {
                lcs[i][j] = before[i] == after[j] ? lcs[i + 1][j + 1] + 1
                                                  : std::max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before[i] == after[j]) {
                ops.emplace_back(' ', before[i++]);
                ++j;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.emplace_back('-', before[i++]); // removals read before additions
            } else {
                ops.emplace_back('+', after[j++]);
            }
        }
    }
    // Keep the changed lines and `context` lines around them.
    std::vector<bool> keep(ops.size(), false);
    for (std::size_t k = 0; k < ops.size(); ++k) {
        if (ops[k].first != ' ') {
            const std::size_t from = k >= std::size_t(context) ? k - std::size_t(context) : 0;
            const std::size_t to = std::min(ops.size(), k + std::size_t(context) + 1);
            for (std::size_t c = from; c < to; ++c) {
                keep[c] = true;
            }
        }
    }
    QString html =
        QStringLiteral("<table width='100%' cellspacing='0' cellpadding='1' "
                       "style='font-family:\"DejaVu Sans Mono\",monospace; font-size:9pt'>");
    bool skipped = false;
    bool any = false;
    for (std::size_t k = 0; k < ops.size(); ++k) {
        if (!keep[k]) {
            skipped = true;
            continue;
        }
        if (skipped && any) {
            html += QStringLiteral("<tr><td style='color:#7b8794'>  ⋯</td></tr>");
        }
        skipped = false;
        any = true;
        const auto& [op, line] = ops[k];
        const QString background = op == '-'   ? QStringLiteral("#fde8e8")
                                   : op == '+' ? QStringLiteral("#e3f6e8")
                                               : QStringLiteral("#ffffff");
        const QString colour = op == '-'   ? QStringLiteral("#9b2c2c")
                               : op == '+' ? QStringLiteral("#276749")
                                           : QStringLiteral("#52606d");
        QString escaped = shown::html(line);
        escaped.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        html += QStringLiteral("<tr><td style='background:%1; color:%2; white-space:pre'>%3 %4</td>"
                               "</tr>")
                    .arg(background, colour, QString(QLatin1Char(op == ' ' ? ' ' : op)), escaped);
    }
    if (!any) {
        html += QStringLiteral("<tr><td>%1</td></tr>").arg(tr("No difference."));
    }
    return html + QStringLiteral("</table>");
}

} // namespace escdesk::ui
