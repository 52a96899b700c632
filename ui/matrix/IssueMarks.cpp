#include "matrix/IssueMarks.h"

#include "ShownText.h"

#include <QAction>
#include <QLineEdit>
#include <QPainter>
#include <QRegularExpression>
#include <QTableWidgetItem>

#include <algorithm>

namespace escdesk::ui {

namespace {

using Severity = matrix::ValidationIssue::Severity;

// A round badge with an exclamation mark, drawn so it is crisp at any size.
QIcon badgeIcon(const QColor& colour) {
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        const qreal inset = size / 16.0;
        painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset));
        painter.setBrush(Qt::white);
        const qreal unit = size / 16.0;
        painter.drawRoundedRect(QRectF(7 * unit, 3.5 * unit, 2 * unit, 6 * unit), unit, unit);
        painter.drawEllipse(QRectF(7 * unit, 10.5 * unit, 2 * unit, 2 * unit));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

bool within(const QString& path, const QString& prefix) {
    return path.size() > prefix.size() && path.startsWith(prefix) &&
           (path.at(prefix.size()) == QLatin1Char('.') ||
            path.at(prefix.size()) == QLatin1Char('['));
}

} // namespace

QIcon issueIcon(Severity severity) {
    static const QIcon error = badgeIcon(QColor(0xd6, 0x45, 0x45));
    static const QIcon warning = badgeIcon(QColor(0xe8, 0x9b, 0x1c));
    return severity == Severity::Error ? error : warning;
}

IssueList issuesAt(const std::vector<matrix::ValidationIssue>& issues, const QString& path,
                   bool inside) {
    IssueList found;
    for (const matrix::ValidationIssue& issue : issues) {
        if (issue.path == path || (inside && within(issue.path, path))) {
            found.push_back(&issue);
        }
    }
    return found;
}

bool hasError(const IssueList& issues) {
    return std::any_of(issues.begin(), issues.end(),
                       [](const auto* issue) { return issue->severity == Severity::Error; });
}

QString issueTooltip(const IssueList& issues) {
    QStringList lines;
    for (const matrix::ValidationIssue* issue : issues) {
        lines << (issue->severity == Severity::Error ? QStringLiteral("Error: ")
                                                     : QStringLiteral("Warning: ")) +
                     issue->message;
    }
    return lines.join(QLatin1Char('\n'));
}

void markItem(QTableWidgetItem* item, const IssueList& issues, const QString& plainTooltip) {
    if (issues.empty()) {
        item->setIcon(QIcon());
        item->setToolTip(shown::toolTip(plainTooltip));
        return;
    }
    item->setIcon(issueIcon(hasError(issues) ? Severity::Error : Severity::Warning));
    item->setToolTip(shown::toolTip(issueTooltip(issues)));
}

void markLineEdit(QLineEdit* edit, const IssueList& issues) {
    auto* action = edit->findChild<QAction*>(QStringLiteral("issueMark"));
    if (!action) {
        action = new QAction(edit);
        action->setObjectName(QStringLiteral("issueMark"));
        edit->addAction(action, QLineEdit::TrailingPosition);
    }
    action->setVisible(!issues.empty());
    if (!issues.empty()) {
        action->setIcon(issueIcon(hasError(issues) ? Severity::Error : Severity::Warning));
        action->setToolTip(shown::toolTip(issueTooltip(issues)));
    }
    edit->setToolTip(shown::toolTip(issueTooltip(issues)));
}

std::vector<std::pair<QString, int>> pathParts(const QString& path) {
    static const QRegularExpression part(QStringLiteral("([a-z_]+)(?:\\[(\\d+)\\])?"));
    std::vector<std::pair<QString, int>> parts;
    for (const QString& piece : path.split(QLatin1Char('.'))) {
        const QRegularExpressionMatch match = part.match(piece);
        if (match.hasMatch()) {
            parts.emplace_back(match.captured(1),
                               match.captured(2).isEmpty() ? -1 : match.captured(2).toInt());
        }
    }
    return parts;
}

IssueBadge::IssueBadge(QWidget* parent)
    : QLabel(parent) {
    setFixedSize(18, 18);
    hide();
}

void IssueBadge::setIssues(const IssueList& issues) {
    setVisible(!issues.empty());
    if (!issues.empty()) {
        setPixmap(issueIcon(hasError(issues) ? Severity::Error : Severity::Warning).pixmap(16, 16));
        setToolTip(shown::toolTip(issueTooltip(issues)));
        setAccessibleName(issueTooltip(issues));
    }
}

} // namespace escdesk::ui
