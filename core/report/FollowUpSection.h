#pragma once

// Action follow-up in the weekly and monthly reports (review/ActionFollowUp.h):
// for each long-term action aimed at a root cause or cluster, its target's
// weekly escalations and rate before and after the action started, the
// exact test's p and the verdict in words.

#include "report/Report.h"
#include "report/ReportSupport.h"
#include "review/ActionFollowUp.h"

#include <QDate>

namespace escdesk::report {

// The follow-ups the reports show: every action with a root cause or
// cluster that is not dropped and had started by the end of the period
// [.., last] (or by the report's as-of instant, if earlier), evaluated as of
// that instant, so a report of a past week reads the same later on.
std::vector<std::pair<review::Action, review::ActionFollowUp>>
reportedFollowUps(ReportContext& context, const QDate& last);

// "action-follow-up": one row per follow-up above (empty text when none).
Table followUpTable(const std::vector<std::pair<review::Action, review::ActionFollowUp>>& rows);

// Adds the follow-up table (and a line on how it is computed) to `section`;
// nothing when the workspace holds no action at all.
void addFollowUpBlocks(Section& section, ReportContext& context, const QDate& last);

} // namespace escdesk::report
