#include "analysis/Impact.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace escdesk::analysis {

QString impactFormula(bool withUsersAffected) {
    if (!withUsersAffected) {
        return QStringLiteral(
            "impact = escalations × (1 + ARR of affected accounts / 1,000,000) × workaround "
            "weight; workaround weight = mean over the escalations of 1.0 (known issue with a "
            "workaround), 1.5 (known issue without one), 2.0 (no known issue)");
    }
    return QStringLiteral(
        "impact = escalations × (1 + ARR of affected accounts / 1,000,000) × workaround weight × "
        "(1 + users affected / 1,000); workaround weight = mean over the escalations of 1.0 "
        "(known issue with a workaround), 1.5 (known issue without one), 2.0 (no known issue); "
        "users affected = the users_affected attribute summed over the escalated tickets "
        "(0 for a ticket without one)");
}

std::optional<double> usersAffectedOf(QStringView attributesJson) {
    // Most tickets carry no attributes, or none of this one: no parse then.
    if (!attributesJson.contains(QLatin1String("users_affected"))) {
        return std::nullopt;
    }
    const QJsonValue value = QJsonDocument::fromJson(attributesJson.toUtf8())
                                 .object()
                                 .value(QLatin1String("users_affected"));
    bool number = value.isDouble();
    double users = value.toDouble();
    if (value.isString()) {
        users = value.toString().trimmed().toDouble(&number);
    }
    if (!number || !std::isfinite(users) || users < 0) {
        return std::nullopt;
    }
    return users;
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

double impactScore(std::int64_t escalations, double arr, double weights, double usersAffected) {
    if (escalations == 0) {
        return 0.0;
    }
    const double meanWeight = weights / static_cast<double>(escalations);
    const double score =
        static_cast<double>(escalations) * (1.0 + arr / impactArrUnit) * meanWeight;
    // Without users affected the score is the product above, bit for bit.
    return usersAffected > 0.0 ? score * (1.0 + usersAffected / impactUsersUnit) : score;
}

namespace {

// Whether the workspace may hold a ticket with users affected: false only
// when the partial index of such tickets (schema version 19) exists and is
// empty, one probe instead of a read of every ticket's attributes. The WHERE
// must be the index's own, word for word, for SQLite to use it.
bool anyTicketMayRecordUsersAffected(store::Database& db) {
    store::Statement index = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND "
                                        "name = 'tickets_with_users_affected'");
    if (!index.step()) {
        return true; // an older file opened as it is: look ticket by ticket
    }
    store::Statement any = db.prepare("SELECT 1 FROM tickets INDEXED BY "
                                      "tickets_with_users_affected WHERE instr(attributes, "
                                      "'users_affected') > 0 LIMIT 1");
    return any.step();
}

} // namespace

std::unordered_map<std::int64_t, double>
usersAffectedOfTickets(store::Database& db, const std::vector<std::int64_t>& rows) {
    std::unordered_map<std::int64_t, double> users;
    if (rows.empty() || !anyTicketMayRecordUsersAffected(db)) {
        return users;
    }
    store::Statement attributes = db.prepare("SELECT attributes FROM tickets WHERE id = ?1");
    for (std::int64_t row : rows) {
        attributes.reset();
        attributes.bind(1, row);
        if (!attributes.step()) {
            continue;
        }
        const std::string_view text = attributes.textView(0);
        if (text.find("users_affected") == std::string_view::npos) {
            continue; // the common case: no parse, no copy
        }
        if (const auto found =
                usersAffectedOf(QString::fromUtf8(text.data(), qsizetype(text.size())))) {
            users.emplace(row, *found);
        }
    }
    return users;
}

void ImpactTally::add(const QString& accountId, double accountArr, const KnownIssue* matchedIssue) {
    ++m_escalations;
    if (!accountId.isEmpty() && !m_accounts.contains(accountId)) {
        m_accounts.insert(accountId);
        m_arr += accountArr;
    }
    m_weights += workaroundWeight(matchedIssue);
}

void ImpactTally::addUsersAffected(double users) {
    m_hasUsers = true;
    m_users += users;
}

double ImpactTally::impact() const {
    return impactScore(m_escalations, m_arr, m_weights, m_users);
}

} // namespace escdesk::analysis
