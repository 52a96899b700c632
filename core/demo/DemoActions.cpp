#include "demo/DemoActions.h"

#include "review/ReviewRecord.h"

#include <QDateTime>
#include <QTime>

namespace escdesk::demo {

namespace {

// 10:30 on `day` in the team's zone: when the weekly review agreed it.
UtcSeconds reviewTime(const QDate& day, const QTimeZone& zone) {
    return QDateTime(day, QTime(10, 30), zone).toSecsSinceEpoch();
}

review::Action demoAction(const char* title, review::ActionSubject kind, const char* subject,
                          const char* owner, const QDate& started, int daysToDeadline,
                          const QTimeZone& zone) {
    review::Action action;
    action.title = QString::fromUtf8(title);
    action.subjectKind = kind;
    action.subject = QString::fromUtf8(subject);
    action.owner = QString::fromUtf8(owner);
    action.createdAt = reviewTime(started, zone);
    action.deadline = started.addDays(daysToDeadline);
    return action;
}

} // namespace

void writeDemoActions(store::Database& db, const DemoCalendar& calendar) {
    const QDate afterIncident = calendar.spikeWeek.addDays(7);
    review::Action integration =
        demoAction("Verify webhook signatures against the raw body; alert on retry storms",
                   review::ActionSubject::RootCause, "Integration Issue", "Dana Whitfield",
                   afterIncident, 14, calendar.zone);
    integration.status = review::ActionStatus::Done;
    integration.closedAt = reviewTime(afterIncident.addDays(12), calendar.zone);
    integration.note = QStringLiteral("Agreed at the review after the integration incident.");
    review::addAction(db, integration);

    const QDate lastMonday = calendar.endDate.addDays(1 - calendar.endDate.dayOfWeek());
    review::addAction(db, demoAction("Fix the SCIM group filter that drops role mappings",
                                     review::ActionSubject::Cluster, "KI-1057", "Marco Benedetti",
                                     lastMonday.addDays(-14), 28, calendar.zone));
    review::addAction(db, demoAction("Add the export regression suite to the release checklist",
                                     review::ActionSubject::RootCause, "Product Bug", "Aisha Karim",
                                     calendar.endDate.addDays(-4), 21, calendar.zone));
}

} // namespace escdesk::demo
