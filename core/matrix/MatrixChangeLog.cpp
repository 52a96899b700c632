#include "matrix/MatrixChangeLog.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace escdesk::matrix {

namespace {

QJsonValue nullable(const QString& text) {
    return text.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QString changeHash(const MatrixChange& change) {
    const QJsonArray content{
        qint64(change.id), qint64(change.changedAt), change.author,          change.section,
        change.summary,    nullable(change.before),  nullable(change.after), change.previousHash};
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(content).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex());
}

MatrixChange appendMatrixChange(store::Database& db, MatrixChange change) {
    store::Statement last =
        db.prepare("SELECT id, hash FROM matrix_changes ORDER BY id DESC LIMIT 1");
    if (last.step()) {
        change.id = last.int64(0) + 1;
        change.previousHash = last.text(1);
    } else {
        change.id = 1;
        change.previousHash = genesisHash;
    }
    change.hash = changeHash(change);
    db.prepare("INSERT INTO matrix_changes(id, changed_at, author, section, summary, before_json, "
               "after_json, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(change.id, change.changedAt, change.author, change.section, change.summary,
                 change.before, change.after, change.previousHash, change.hash)
        .run();
    return change;
}

std::vector<MatrixChange> readMatrixChanges(store::Database& db) {
    std::vector<MatrixChange> changes;
    store::Statement query =
        db.prepare("SELECT id, changed_at, author, section, summary, before_json, after_json, "
                   "previous_hash, hash FROM matrix_changes ORDER BY id");
    while (query.step()) {
        MatrixChange change;
        change.id = query.int64(0);
        change.changedAt = query.int64(1);
        change.author = query.text(2);
        change.section = query.text(3);
        change.summary = query.text(4);
        change.before = query.isNull(5) ? QString() : query.text(5);
        change.after = query.isNull(6) ? QString() : query.text(6);
        change.previousHash = query.text(7);
        change.hash = query.text(8);
        changes.push_back(std::move(change));
    }
    return changes;
}

ChainVerification verifyChangeChain(store::Database& db) {
    ChainVerification result;
    QString expectedPrevious = genesisHash;
    std::int64_t expectedId = 1;
    for (const MatrixChange& change : readMatrixChanges(db)) {
        ++result.entries;
        QString problem;
        if (change.id != expectedId) {
            problem = QStringLiteral("entries before #%1 are missing").arg(change.id);
        } else if (change.previousHash != expectedPrevious) {
            problem = QStringLiteral("entry #%1 does not follow the entry before it (its link "
                                     "to the previous entry does not match)")
                          .arg(change.id);
        } else if (changeHash(change) != change.hash) {
            problem = QStringLiteral("entry #%1 (%2, by %3) was altered after it was written")
                          .arg(change.id)
                          .arg(toIsoUtc(change.changedAt), change.author);
        }
        if (!problem.isEmpty() && result.intact) {
            result.intact = false;
            result.brokenAt = change.id;
            result.message = QStringLiteral("The matrix change log is broken: %1.").arg(problem);
        }
        expectedPrevious = change.hash;
        expectedId = change.id + 1;
    }
    if (result.intact) {
        result.message =
            QStringLiteral("The matrix change log is intact (%1 entries).").arg(result.entries);
    }
    return result;
}

} // namespace escdesk::matrix
