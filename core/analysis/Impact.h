#pragma once

// The impact score of a root cause or a problem cluster (SPEC §8):
//
//   impact = N × (1 + A / 1,000,000) × W
//
// N is the number of escalations, A the total ARR of the distinct accounts
// affected, and W the mean workaround weight of the escalations: 1.0 when an
// escalation matches a known issue with a workaround, 1.5 a known issue
// without one, 2.0 no known issue at all (an unknown problem hurts most).

#include "domain/KnownIssue.h"

#include <QSet>
#include <QString>

#include <cstdint>

namespace escdesk::analysis {

inline constexpr double impactArrUnit = 1'000'000.0;
inline constexpr double weightWithWorkaround = 1.0;
inline constexpr double weightWithoutWorkaround = 1.5;
inline constexpr double weightUnknownProblem = 2.0;

// The formula in words, for reports and the UI.
QString impactFormula();

// W's term of one escalation matching `matchedIssue` (none: an unknown problem).
double workaroundWeight(const KnownIssue* matchedIssue);

// The formula for N escalations whose W terms sum to `weights`, A = `arr`.
double impactScore(std::int64_t escalations, double arr, double weights);

// Accumulates the escalations of one group and gives its impact.
class ImpactTally {
public:
    // One escalation of an account (empty: none) with its ARR, and the known
    // issue it matches (none: an unknown problem).
    void add(const QString& accountId, double accountArr, const KnownIssue* matchedIssue);

    std::int64_t escalations() const { return m_escalations; }
    std::int64_t affectedAccounts() const { return static_cast<std::int64_t>(m_accounts.size()); }
    double affectedArr() const { return m_arr; }
    double impact() const;

private:
    std::int64_t m_escalations = 0;
    double m_weights = 0.0;
    double m_arr = 0.0;
    // A hash: only its size is read, and the ARR is summed in the order
    // accounts are first seen whatever the container.
    QSet<QString> m_accounts;
};

} // namespace escdesk::analysis
