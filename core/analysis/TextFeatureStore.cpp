#include "analysis/TextFeatureStore.h"

#include "store/StringPool.h"
#include "text/StopWords.h"
#include "text/Words.h"

#include <QCryptographicHash>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace escdesk::analysis {

namespace {

// Drop a ticket's kept row whenever what it was computed from changes,
// whichever program writes: any column, as the row keeps several of the
// ticket's fields (and schema version 14 dropped the older trigger that
// listed the text columns only). An insert drops one too: a ticket replaced
// under the same row id must not inherit the old ticket's row.
constexpr const char* staleTriggers = R"sql(
CREATE TRIGGER IF NOT EXISTS text_features_after_ticket_insert AFTER INSERT ON tickets BEGIN
    DELETE FROM ticket_text_features WHERE ticket = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS text_features_after_ticket_update AFTER UPDATE ON tickets BEGIN
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

// The table with the columns of schema version 14 (the ticket's fields).
bool hasFeatureTable(store::Database& db) {
    store::Statement query = db.prepare("SELECT 1 FROM pragma_table_info('ticket_text_features') "
                                        "WHERE name = 'account_id'");
    return query.step();
}

// Reads the ticket's fields from `first` on: created_at, resolved_at,
// root_cause, product_area, account_id.
// root_cause, product_area, account_id; their few distinct values shared
// through `pool`.
EscalatedTicketFields fieldsOf(const store::Statement& row, int first, store::StringPool& pool) {
    EscalatedTicketFields fields;
    fields.createdAt = row.int64(first);
    fields.resolvedAt = row.optionalInt64(first + 1);
    fields.rootCause = pool.get(row, first + 2);
    fields.productArea = pool.get(row, first + 3);
    if (!row.isNull(first + 4)) {
        fields.accountId = pool.get(row, first + 4);
    }
    return fields;
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
                       "(ticket, ticket_id, subject, terms, known_issue, basis, created_at, "
                       "resolved_at, root_cause, product_area, account_id) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        for (const auto& [row, features] : rows) {
            insert.bindAll(row, features.ticketId, features.subject,
                           std::string_view(features.terms));
            if (features.knownIssue) {
                insert.bind(5, matcher.issues()[*features.knownIssue].issueId);
            } else {
                insert.bindNull(5);
            }
            insert.bind(6, basis);
            const EscalatedTicketFields& fields = features.fields;
            insert.bind(7, fields.createdAt).bind(8, fields.resolvedAt);
            insert.bind(9, fields.rootCause)
                .bind(10, fields.productArea)
                .bind(11, fields.accountId);
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
    store::StringPool pool;
    forRowsIn(db,
              "SELECT id, ticket_id, subject, description, product_area, created_at, "
              "resolved_at, root_cause, product_area, account_id FROM tickets WHERE id",
              rows, [&](const store::Statement& query) {
                  TicketTextFeatures f;
                  f.fields = fieldsOf(query, 5, pool);
                  f.ticketId = query.text(1);
                  f.subject = query.text(2);
                  const QString description = query.text(3);
                  f.terms = termsOf(f.subject, description);
                  f.knownIssue = matcher.bestMatch(query.text(4), f.subject, description);
                  features.emplace(query.int64(0), std::move(f));
              });
    return features;
}

bool hasKeptTextFeatures(store::Database& db) {
    return hasFeatureTable(db);
}

KeptTextFeatureReader::KeptTextFeatureReader(const KnownIssueMatcher& matcher)
    : m_basis(textFeatureBasis(matcher)) {
    // By the id's UTF-8 bytes, so a kept row's is looked up without a copy.
    for (const auto& [id, index] : issueIndexes(matcher)) {
        m_issueIndexes.emplace(id.toStdString(), index);
    }
}

std::string keptTextFeatureColumns(std::string_view table, bool withText) {
    std::string columns;
    for (const char* column : {"basis", "ticket_id", "known_issue", "created_at", "resolved_at",
                               "root_cause", "product_area", "account_id", "subject", "terms"}) {
        if (!withText && std::string_view(column) == "subject") {
            break;
        }
        if (!columns.empty()) {
            columns += ", ";
        }
        columns += table;
        columns += '.';
        columns += column;
    }
    return columns;
}

KeptMatch KeptTextFeatureReader::match(const store::Statement& row, int firstColumn) const {
    // No row (NULL basis), another basis, or no fields kept (a row kept
    // before schema version 14).
    if (row.isNull(firstColumn + keptBasis) || row.int64(firstColumn + keptBasis) != m_basis ||
        row.isNull(firstColumn + keptCreatedAt)) {
        return {};
    }
    KeptMatch kept{true, std::nullopt};
    if (!row.isNull(firstColumn + keptKnownIssue)) {
        const auto issue = m_issueIndexes.find(row.textView(firstColumn + keptKnownIssue));
        if (issue == m_issueIndexes.end()) {
            return {}; // cannot be under this basis; computed again
        }
        kept.knownIssue = issue->second;
    }
    return kept;
}

std::optional<TicketTextFeatures> KeptTextFeatureReader::read(const store::Statement& row,
                                                              int firstColumn, bool withText) {
    const KeptMatch kept = match(row, firstColumn);
    if (!kept.usable) {
        return std::nullopt;
    }
    TicketTextFeatures f;
    f.ticketId = row.text(firstColumn + keptTicketId);
    f.knownIssue = kept.knownIssue;
    f.fields = fieldsOf(row, firstColumn + keptCreatedAt, m_pool);
    if (withText) {
        f.subject = row.text(firstColumn + keptSubject);
        f.terms = std::string(row.textView(firstColumn + keptTerms));
    }
    return f;
}

std::unordered_map<std::int64_t, TicketTextFeatures>
ticketTextFeatures(store::Database& db, const std::vector<std::int64_t>& rows,
                   const KnownIssueMatcher& matcher) {
    if (!hasFeatureTable(db)) {
        return computeTicketTextFeatures(db, rows, matcher);
    }
    KeptTextFeatureReader reader(matcher);
    std::unordered_map<std::int64_t, TicketTextFeatures> features;
    features.reserve(rows.size());
    std::string keptRowsHead = "SELECT f.ticket, ";
    keptRowsHead += keptTextFeatureColumns("f", true);
    keptRowsHead += " FROM ticket_text_features f WHERE f.ticket";
    forRowsIn(db, keptRowsHead.c_str(), rows, [&](const store::Statement& query) {
        if (auto kept = reader.read(query, 1, true)) {
            features.emplace(query.int64(0), std::move(*kept));
        }
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
    keep(db, computed, matcher, textFeatureBasis(matcher));
    features.merge(computed);
    return features;
}

} // namespace escdesk::analysis
