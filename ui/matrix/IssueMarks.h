#pragma once

// Validation messages shown beside the field at fault: an icon (error or
// warning) with the messages as its tooltip, on a table cell, inside a line
// edit, or as a badge label next to a field. Issues are found by their path
// in the exchange file ("tiers[1].owner").

#include "matrix/MatrixValidation.h"

#include <QIcon>
#include <QLabel>

#include <utility>
#include <vector>

class QLineEdit;
class QTableWidgetItem;

namespace escdesk::ui {

using IssueList = std::vector<const matrix::ValidationIssue*>;

QIcon issueIcon(matrix::ValidationIssue::Severity severity);

// The issues at `path`; with `inside` also those of the values within it.
IssueList issuesAt(const std::vector<matrix::ValidationIssue>& issues, const QString& path,
                   bool inside = false);

bool hasError(const IssueList& issues);
// The messages as plain text (they quote names from the matrix): shown
// through shown::toolTip().
QString issueTooltip(const IssueList& issues);

// Puts the worst issue's icon and every message on the item; clears both
// when there is none (keeping `plainTooltip`).
void markItem(QTableWidgetItem* item, const IssueList& issues, const QString& plainTooltip = {});
// The same as an icon inside the line edit, at its end.
void markLineEdit(QLineEdit* edit, const IssueList& issues);

// A path split into its parts: "severity_rules[2].conditions[0].value" →
// (severity_rules, 2), (conditions, 0), (value, -1).
std::vector<std::pair<QString, int>> pathParts(const QString& path);

// An icon beside a field that is shown only while the field has an issue.
class IssueBadge : public QLabel {
    Q_OBJECT
public:
    explicit IssueBadge(QWidget* parent = nullptr);
    void setIssues(const IssueList& issues);
};

} // namespace escdesk::ui
