#pragma once

// The impact score of a root cause or a problem cluster (SPEC §8):
//
//   impact = N × (1 + A / 1,000,000) × W × (1 + U / 1,000)
//
// N is the number of escalations, A the total ARR of the distinct accounts
// affected, and W the mean workaround weight of the escalations: 1.0 when an
// escalation matches a known issue with a workaround, 1.5 a known issue
// without one, 2.0 no known issue at all (an unknown problem hurts most).
// U is the users affected, summed over the distinct escalated tickets from
// their `users_affected` attribute (the field the severity rules read):
// a thousand users weigh like a million of ARR. Where the data has no such
// attribute U is 0 and the score, and the formula shown, are as before.

#include "domain/KnownIssue.h"
#include "store/Database.h"

#include <QSet>
#include <QString>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace escdesk::analysis {

inline constexpr double impactArrUnit = 1'000'000.0;
inline constexpr double impactUsersUnit = 1'000.0;
inline constexpr double weightWithWorkaround = 1.0;
inline constexpr double weightWithoutWorkaround = 1.5;
inline constexpr double weightUnknownProblem = 2.0;

// The formula in words, for reports and the UI; with the users-affected
// term only when the data has users affected.
QString impactFormula(bool withUsersAffected = false);

// The users affected a ticket's attributes (a JSON object) record under
// "users_affected" — a number or a numeric text, at least 0; empty when
// they record none.
std::optional<double> usersAffectedOf(QStringView attributesJson);

// The users affected of the tickets `rows` (their ids in the store) that
// record some, by row; the rows that record none are absent. One look-up per
// row, parsing only attributes that name the key.
std::unordered_map<std::int64_t, double>
usersAffectedOfTickets(store::Database& db, const std::vector<std::int64_t>& rows);

// W's term of one escalation matching `matchedIssue` (none: an unknown problem).
double workaroundWeight(const KnownIssue* matchedIssue);

// The formula for N escalations whose W terms sum to `weights`, A = `arr`,
// U = `usersAffected`.
double impactScore(std::int64_t escalations, double arr, double weights,
                   double usersAffected = 0.0);

// Accumulates the escalations of one group and gives its impact.
class ImpactTally {
public:
    // One escalation of an account (empty: none) with its ARR, and the known
    // issue it matches (none: an unknown problem).
    void add(const QString& accountId, double accountArr, const KnownIssue* matchedIssue);
    // The users affected of one escalated ticket, once per ticket.
    void addUsersAffected(double users);

    std::int64_t escalations() const { return m_escalations; }
    std::int64_t affectedAccounts() const { return static_cast<std::int64_t>(m_accounts.size()); }
    double affectedArr() const { return m_arr; }
    // Whether any ticket recorded its users affected, and their sum.
    bool hasUsersAffected() const { return m_hasUsers; }
    double usersAffected() const { return m_users; }
    double impact() const;

private:
    std::int64_t m_escalations = 0;
    double m_weights = 0.0;
    double m_arr = 0.0;
    double m_users = 0.0;
    bool m_hasUsers = false;
    // A hash: only its size is read, and the ARR is summed in the order
    // accounts are first seen whatever the container.
    QSet<QString> m_accounts;
};

} // namespace escdesk::analysis
