#include "analysis/Impact.h"

#include <algorithm>

namespace escdesk::analysis {

QString impactFormula() {
    return QStringLiteral(
        "impact = escalations × (1 + ARR of affected accounts / 1,000,000) × workaround weight; "
        "workaround weight = mean over the escalations of 1.0 (known issue with a workaround), "
        "1.5 (known issue without one), 2.0 (no known issue)");
}

void ImpactTally::add(const QString& accountId, double accountArr, const KnownIssue* matchedIssue) {
    ++m_escalations;
    if (!accountId.isEmpty() && !m_accounts.contains(accountId)) {
        m_accounts.insert(accountId);
        m_arr += accountArr;
    }
    if (!matchedIssue) {
        m_weights += weightUnknownProblem;
    } else {
        // trimmed().isEmpty() without a copy per escalation.
        const QString& workaround = matchedIssue->workaround;
        const bool blank =
            std::all_of(workaround.begin(), workaround.end(), [](QChar c) { return c.isSpace(); });
        m_weights += blank ? weightWithoutWorkaround : weightWithWorkaround;
    }
}

double ImpactTally::impact() const {
    if (m_escalations == 0) {
        return 0.0;
    }
    const double meanWeight = m_weights / static_cast<double>(m_escalations);
    return static_cast<double>(m_escalations) * (1.0 + m_arr / impactArrUnit) * meanWeight;
}

} // namespace escdesk::analysis
