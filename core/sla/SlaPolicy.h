#pragma once

// An SLA policy: the targets that apply to tickets of one customer tier and
// priority, in business minutes of a named calendar (SPEC §5).

#include <QString>
#include <QStringList>

namespace escdesk::sla {

enum class SlaTarget { FirstResponse, Resolution, Claim };

// "first_response", "resolution", "claim" — the names of SPEC §10.
QString slaTargetName(SlaTarget target);

struct SlaPolicy {
    QString customerTier;        // Enterprise, Mid-Market, SMB
    QString priority;            // Critical, High, Medium, Low
    int firstResponseMin = 0;    // business minutes
    int resolutionMin = 0;       // business minutes
    int claimMin = 0;            // escalation handoff: escalated → claimed
    QString calendar;            // the name of a BusinessCalendar
    QStringList pausingStatuses; // ticket statuses that stop the clock
    friend bool operator==(const SlaPolicy&, const SlaPolicy&) = default;

    int minutesFor(SlaTarget target) const;
    // "Enterprise × Critical".
    QString name() const;
};

} // namespace escdesk::sla
