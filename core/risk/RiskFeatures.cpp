#include "risk/RiskFeatures.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace escdesk::risk {

namespace {

// Words of an attribute key that name an outcome: what is known only once
// the ticket has lived on.
const QStringList outcomeWords{
    "status",     "resolved",  "resolution", "resolve",      "solved",       "closed",
    "close",      "closure",   "csat",       "satisfaction", "reassignment", "reassignments",
    "reassigned", "reopen",    "reopened",   "reopens",      "reopening",    "sla",
    "breach",     "breached",  "escalated",  "escalation",   "escalations",  "duration",
    "handle",     "handling",  "outcome",    "cause",        "fix",          "fixed",
    "response",   "responded", "updated",    "update",       "final",        "last",
    "current",    "hops",      "touches",    "worknotes",    "age",          "elapsed",
};

// Words naming state that changes over a ticket's life.
const QStringList changingWords{
    "tier",  "level", "group", "team",  "assignee", "assigned",
    "owner", "queue", "agent", "stage", "state",    "phase",
};

// Words saying a value is the one the ticket started with.
const QStringList startWords{
    "first",    "initial", "start",  "starting", "started",
    "original", "opening", "opened", "created",  "creation",
};

QStringList wordsOfKey(const QString& key) {
    static const QRegularExpression notAlphanumeric(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList words = key.toLower().split(notAlphanumeric, Qt::SkipEmptyParts);
    return words;
}

bool anyIn(const QStringList& words, const QStringList& vocabulary) {
    return std::any_of(words.begin(), words.end(),
                       [&](const QString& w) { return vocabulary.contains(w); });
}

} // namespace

std::optional<QString> whyKnownOnlyAfterCreation(const QString& attributeKey) {
    const QStringList words = wordsOfKey(attributeKey);
    if (anyIn(words, outcomeWords)) {
        return QStringLiteral("known only after creation");
    }
    if (anyIn(words, changingWords) && !anyIn(words, startWords)) {
        return QStringLiteral("known only after creation: may change after it, and the value "
                              "kept is the latest");
    }
    return std::nullopt;
}

std::vector<std::pair<QString, QString>> parseAttributes(std::string_view json) {
    std::vector<std::pair<QString, QString>> pairs;
    if (json.empty()) {
        return pairs;
    }
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(json.data(), static_cast<qsizetype>(json.size())));
    if (!document.isObject()) {
        return pairs;
    }
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        QString value;
        switch (it.value().type()) {
        case QJsonValue::String:
            value = it.value().toString().trimmed();
            break;
        case QJsonValue::Double:
            value = QString::number(it.value().toDouble(), 'g', 15);
            break;
        case QJsonValue::Bool:
            value = it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false");
            break;
        default:
            break;
        }
        if (!value.isEmpty()) {
            pairs.emplace_back(it.key(), value);
        }
    }
    return pairs;
}

ZoneClock::ZoneClock(QTimeZone zone)
    : m_zone(std::move(zone)) {}

std::pair<int, int> ZoneClock::hourAndWeekday(UtcSeconds at) {
    // Zone offsets change on whole hours of UTC in every zone in use.
    const std::int64_t hour = at >= 0 ? at / 3600 : (at - 3599) / 3600;
    auto it = m_offsetOfHour.find(hour);
    if (it == m_offsetOfHour.end()) {
        const int offset =
            m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(hour * 3600, QTimeZone::utc()));
        it = m_offsetOfHour.emplace(hour, offset).first;
    }
    const std::int64_t local = at + it->second;
    const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const int hourOfDay = static_cast<int>((local - days * 86400) / 3600);
    // 1970-01-01 was a Thursday (ISO 4).
    const int weekday = static_cast<int>(((days + 3) % 7 + 7) % 7) + 1;
    return {hourOfDay, weekday};
}

QTimeZone reportingZone(store::Database& db) {
    store::Statement query = db.prepare("SELECT value FROM settings WHERE key = 'reporting_tz'");
    const QByteArray name = query.step() ? query.text(0).toUtf8() : QByteArray();
    if (!name.isEmpty() && QTimeZone::isTimeZoneIdAvailable(name)) {
        return QTimeZone(name);
    }
    return QTimeZone::systemTimeZone();
}

QString hourBandName(int hour) {
    const int first = hour / hourBandHours * hourBandHours;
    return QStringLiteral("%1–%2")
        .arg(first, 2, 10, QLatin1Char('0'))
        .arg(first + hourBandHours - 1, 2, 10, QLatin1Char('0'));
}

QString weekdayName(int isoWeekday) {
    static const char* const names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return QString::fromLatin1(names[std::clamp(isoWeekday, 1, 7) - 1]);
}

AccountHistory accountHistoryAt(const std::vector<AccountTicketTimes>& history, UtcSeconds at) {
    const auto byCreation = [](const AccountTicketTimes& t, UtcSeconds v) {
        return t.createdAt < v;
    };
    const auto end = std::lower_bound(history.begin(), history.end(), at, byCreation);
    const auto begin =
        std::lower_bound(history.begin(), end, at - accountHistorySeconds, byCreation);
    AccountHistory result;
    result.priorTickets = static_cast<int>(end - begin);
    for (auto it = begin; it != end; ++it) {
        if (it->escalatedAt && *it->escalatedAt < at) {
            ++result.priorEscalated;
        }
    }
    return result;
}

} // namespace escdesk::risk
