#include "analysis/TextFeatureStore.h"

#include "text/StopWords.h"
#include "text/Words.h"

#include <QCryptographicHash>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace escdesk::analysis {

namespace {

// Drop a ticket's kept row whenever what it was computed from changes,
// whichever program writes. An insert drops one too: a ticket replaced
// under the same row id must not inherit the old ticket's row.
constexpr const char* staleTriggers = R"sql(
CREATE TRIGGER IF NOT EXISTS text_features_after_ticket_insert AFTER INSERT ON tickets BEGIN
    DELETE FROM ticket_text_features WHERE ticket = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS text_features_after_ticket_update
AFTER UPDATE OF id, ticket_id, subject, description, product_area ON tickets BEGIN
    DELETE FROM ticket_text_features WHERE ticket IN (OLD.id, NEW.id);
END;
CREATE TRIGGER IF NOT EXISTS text_features_after_ticket_delete AFTER DELETE ON tickets BEGIN
    DELETE FROM ticket_text_features WHERE ticket = OLD.id;
END;
)sql";

// SQLite limits the number of parameters of a statement: rows are bound
// in chunks.
constexpr std::size_t chunkSize = 500;

std::string inListSql(const char* head, std::size_t count) {
    std::string sql = head;
    sql += " IN (";
    for (std::size_t i = 0; i < count; ++i) {
        sql += i == 0 ? "?" : ", ?";
    }
    sql += ')';
    return sql;
}

// Runs `each` on the rows of `sql` (head of a query ending in a column)
// for every ticket of `rows`, a chunk at a time.
template <typename Each>
void forRowsIn(store::Database& db, const char* head, const std::vector<std::int64_t>& rows,
               Each&& each) {
    std::optional<store::Statement> fullChunk;
    for (std::size_t begin = 0; begin < rows.size(); begin += chunkSize) {
        const std::size_t count = std::min(chunkSize, rows.size() - begin);
        std::optional<store::Statement> partial;
        store::Statement* query = nullptr;
        if (count == chunkSize) {
            if (!fullChunk) {
                fullChunk.emplace(db.prepare(inListSql(head, chunkSize)));
            }
            query = &*fullChunk;
            query->reset();
        } else {
            partial.emplace(db.prepare(inListSql(head, count)));
            query = &*partial;
        }
        for (std::size_t i = 0; i < count; ++i) {
            query->bind(static_cast<int>(i + 1), rows[begin + i]);
        }
        while (query->step()) {
            each(*query);
        }
    }
}

bool hasFeatureTable(store::Database& db) {
    store::Statement query = db.prepare(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ticket_text_features'");
    return query.step();
}

std::string termsOf(const QString& subject, const QString& description) {
    std::string terms;
    for (const QString& word : text::lowerWords(subject + QLatin1Char('\n') + description)) {
        if (!isTermWord(word)) {
            continue;
        }
        if (!terms.empty()) {
            terms += ' ';
        }
        terms += word.toStdString();
    }
    return terms;
}

std::unordered_map<QString, std::size_t> issueIndexes(const KnownIssueMatcher& matcher) {
    std::unordered_map<QString, std::size_t> indexes;
    for (std::size_t i = 0; i < matcher.issues().size(); ++i) {
        indexes.emplace(matcher.issues()[i].issueId, i);
    }
    return indexes;
}

// Keeps computed rows; left to another read when the workspace cannot be
// written now, or when the caller's own transaction is open (its reads
// must not turn into writes it did not ask for).
void keep(store::Database& db, const std::unordered_map<std::int64_t, TicketTextFeatures>& rows,
          const KnownIssueMatcher& matcher, std::int64_t basis) {
    if (rows.empty() || sqlite3_db_readonly(db.handle(), "main") != 0 ||
        sqlite3_get_autocommit(db.handle()) == 0) {
        return;
    }
    try {
        store::Transaction transaction(db);
        db.exec(staleTriggers);
        store::Statement insert =
            db.prepare("INSERT OR REPLACE INTO ticket_text_features "
                       "(ticket, ticket_id, subject, terms, known_issue, basis) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        for (const auto& [row, features] : rows) {
            insert.bindAll(row, features.ticketId, features.subject,
                           std::string_view(features.terms));
            if (features.knownIssue) {
                insert.bind(5, matcher.issues()[*features.knownIssue].issueId);
            } else {
                insert.bindNull(5);
            }
            insert.bind(6, basis);
            insert.run();
        }
        transaction.commit();
    } catch (const store::StoreError& error) {
        if (error.kind() != store::StoreError::Kind::Busy &&
            error.kind() != store::StoreError::Kind::ReadOnly) {
            throw;
        }
    }
}

} // namespace

bool isTermWord(const QString& word) {
    const bool shortNumber = word.size() < 3 && std::all_of(word.begin(), word.end(),
                                                            [](QChar c) { return c.isDigit(); });
    return word.size() >= 2 && !text::isStopWord(word) && !shortNumber;
}

std::int64_t textFeatureBasis(const KnownIssueMatcher& matcher) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArray::number(textFeatureSet));
    for (const KnownIssue& issue : matcher.issues()) {
        for (const QString* field : {&issue.issueId, &issue.productArea, &issue.keywords}) {
            hash.addData(QByteArrayView("\x1f", 1));
            hash.addData(field->toUtf8());
        }
        hash.addData(QByteArrayView("\x1e", 1));
    }
    const QByteArray digest = hash.result();
    std::int64_t basis = 0;
    std::memcpy(&basis, digest.constData(), sizeof basis);
    return basis;
}

std::unordered_map<std::int64_t, TicketTextFeatures>
computeTicketTextFeatures(store::Database& db, const std::vector<std::int64_t>& rows,
                          const KnownIssueMatcher& matcher) {
    std::unordered_map<std::int64_t, TicketTextFeatures> features;
    features.reserve(rows.size());
    forRowsIn(db, "SELECT id, ticket_id, subject, description, product_area FROM tickets WHERE id",
              rows, [&](const store::Statement& query) {
                  TicketTextFeatures f;
                  f.ticketId = query.text(1);
                  f.subject = query.text(2);
                  const QString description = query.text(3);
                  f.terms = termsOf(f.subject, description);
                  f.knownIssue = matcher.bestMatch(query.text(4), f.subject, description);
                  features.emplace(query.int64(0), std::move(f));
              });
    return features;
}

std::unordered_map<std::int64_t, TicketTextFeatures>
ticketTextFeatures(store::Database& db, const std::vector<std::int64_t>& rows,
                   const KnownIssueMatcher& matcher) {
    if (!hasFeatureTable(db)) {
        return computeTicketTextFeatures(db, rows, matcher);
    }
    const std::int64_t basis = textFeatureBasis(matcher);
    const auto indexes = issueIndexes(matcher);
    std::unordered_map<std::int64_t, TicketTextFeatures> features;
    features.reserve(rows.size());
    forRowsIn(db,
              "SELECT ticket, ticket_id, subject, terms, known_issue, basis "
              "FROM ticket_text_features WHERE ticket",
              rows, [&](const store::Statement& query) {
                  if (query.int64(5) != basis) {
                      return;
                  }
                  TicketTextFeatures f;
                  f.ticketId = query.text(1);
                  f.subject = query.text(2);
                  f.terms = std::string(query.textView(3));
                  if (!query.isNull(4)) {
                      const auto issue = indexes.find(query.text(4));
                      if (issue == indexes.end()) {
                          return; // cannot be under this basis; computed again
                      }
                      f.knownIssue = issue->second;
                  }
                  features.emplace(query.int64(0), std::move(f));
              });
    std::vector<std::int64_t> missing;
    for (std::int64_t row : rows) {
        if (!features.contains(row)) {
            missing.push_back(row);
        }
    }
    if (missing.empty()) {
        return features;
    }
    auto computed = computeTicketTextFeatures(db, missing, matcher);
    keep(db, computed, matcher, basis);
    features.merge(computed);
    return features;
}

} // namespace escdesk::analysis
