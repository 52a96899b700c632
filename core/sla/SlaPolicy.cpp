#include "sla/SlaPolicy.h"

namespace escdesk::sla {

QString slaTargetName(SlaTarget target) {
    switch (target) {
    case SlaTarget::FirstResponse:
        return QStringLiteral("first_response");
    case SlaTarget::Resolution:
        return QStringLiteral("resolution");
    case SlaTarget::Claim:
        return QStringLiteral("claim");
    }
    return {};
}

int SlaPolicy::minutesFor(SlaTarget target) const {
    switch (target) {
    case SlaTarget::FirstResponse:
        return firstResponseMin;
    case SlaTarget::Resolution:
        return resolutionMin;
    case SlaTarget::Claim:
        return claimMin;
    }
    return 0;
}

QString SlaPolicy::name() const {
    return customerTier + QStringLiteral(" × ") + priority;
}

} // namespace escdesk::sla
