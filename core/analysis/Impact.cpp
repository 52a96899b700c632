#include "analysis/Impact.h"

#include <algorithm>

namespace escdesk::analysis {

QString impactFormula() {
    return QStringLiteral(
        "impact = escalations × (1 + ARR of affected accounts / 1,000,000) × workaround weight; "
        "workaround weight = mean over the escalations of 1.0 (known issue with a workaround), "
        "1.5 (known issue without one), 2.0 (no known issue)");
}

double workaroundWeight(const KnownIssue* matchedIssue) {
    if (!matchedIssue) {
        return weightUnknownProblem;
    }
    // trimmed().isEmpty() without a copy per escalation.
    const QString& workaround = matchedIssue->workaround;
    const bool blank =
        std::all_of(workaround.begin(), workaround.end(), [](QChar c) { return c.isSpace(); });
    return blank ? weightWithoutWorkaround : weightWithWorkaround;
}

double impactScore(std::int64_t escalations, double arr, double weights) {
    if (escalations == 0) {
        return 0.0;
    }
    const double meanWeight = weights / static_cast<double>(escalations);
    return static_cast<double>(escalations) * (1.0 + arr / impactArrUnit) * meanWeight;
}

void ImpactTally::add(const QString& accountId, double accountArr, const KnownIssue* matchedIssue) {
    ++m_escalations;
    if (!accountId.isEmpty() && !m_accounts.contains(accountId)) {
        m_accounts.insert(accountId);
        m_arr += accountArr;
    }
    m_weights += workaroundWeight(matchedIssue);
}

double ImpactTally::impact() const {
    return impactScore(m_escalations, m_arr, m_weights);
}

} // namespace escdesk::analysis
