#include "import/MappingFile.h"

#include "import/HistoryImporter.h"
#include "import/TableWriter.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <vector>

namespace escdesk::import {

namespace {

QString quoted(const QString& text) {
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// "did you mean "a"?", "did you mean "a" or "b"?"
QString didYouMean(const QStringList& names) {
    QStringList quotedNames;
    for (const QString& name : names) {
        quotedNames << quoted(name);
    }
    const QString last = quotedNames.isEmpty() ? QString() : quotedNames.takeLast();
    return QStringLiteral("did you mean %1?")
        .arg(quotedNames.isEmpty()
                 ? last
                 : quotedNames.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last);
}

// "a, b and c"
QString listed(const QStringList& names) {
    if (names.size() < 2) {
        return names.join(QString());
    }
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") +
           names.last();
}

QString typeName(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// Edit distance with adjacent transpositions (optimal string alignment).
int editDistance(const QString& a, const QString& b) {
    const auto n = a.size();
    const auto m = b.size();
    std::vector<std::vector<int>> d(static_cast<std::size_t>(n + 1),
                                    std::vector<int>(static_cast<std::size_t>(m + 1)));
    const auto at = [&d](qsizetype i, qsizetype j) -> int& {
        return d[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    };
    for (qsizetype i = 0; i <= n; ++i) {
        at(i, 0) = static_cast<int>(i);
    }
    for (qsizetype j = 0; j <= m; ++j) {
        at(0, j) = static_cast<int>(j);
    }
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
            }
        }
    }
    return at(n, m);
}

// The forms a mapping file's "format" can name.
const std::pair<const char*, TimestampForm> namedForms[] = {
    {"iso", TimestampForm::Iso8601},
    {"mdy", TimestampForm::SlashMonthFirst},
    {"dmy", TimestampForm::SlashDayFirst},
    {"dotted", TimestampForm::Dotted},
    {"jira", TimestampForm::Jira},
    {"epoch", TimestampForm::EpochSeconds},
    {"epoch_ms", TimestampForm::EpochMillis},
};

std::optional<TimestampForm> formNamed(const QString& name) {
    for (const auto& [formName, form] : namedForms) {
        if (name == QLatin1String(formName)) {
            return form;
        }
    }
    return std::nullopt;
}

QString nameOfForm(TimestampForm wanted) {
    for (const auto& [formName, form] : namedForms) {
        if (form == wanted) {
            return QString::fromLatin1(formName);
        }
    }
    return {};
}

// A mapping file parsed, with the positions of its keys and values; every
// problem found in it is thrown as a MappingError naming line and column.
class MappingDocument {
public:
    explicit MappingDocument(const QString& path)
        : m_path(path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            throw MappingError(QStringLiteral("Cannot read the mapping file %1: %2")
                                   .arg(path, file.errorString()));
        }
        const QByteArray text = file.readAll();
        m_positions.emplace(text);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
        if (document.isNull()) {
            if (const auto& error = m_positions->syntaxError()) {
                fail(error->at, QStringLiteral("not valid JSON: ") + error->reason);
            }
            fail(m_positions->positionOf(parseError.offset),
                 QStringLiteral("not valid JSON: ") + parseError.errorString());
        }
        if (!document.isObject()) {
            fail(valueAt({}), QStringLiteral("a mapping file holds one JSON object ({ … }), not "
                                             "a list"));
        }
        if (!m_positions->duplicates().empty()) {
            const auto& twice = m_positions->duplicates().front();
            fail(twice.again, QStringLiteral("the key %1 is given twice in this object (first at "
                                             "line %2, column %3)")
                                  .arg(quoted(twice.path.last()), QString::number(twice.first.line),
                                       QString::number(twice.first.column)));
        }
        m_root = document.object();
    }

    const QString& path() const { return m_path; }
    const QJsonObject& root() const { return m_root; }
    TextPosition valueAt(const QStringList& path) const { return m_positions->value(path); }
    TextPosition keyAt(const QStringList& path) const { return m_positions->key(path); }
    // The keys of the object at `path` in the order the file gives them.
    QStringList keys(const QStringList& path) const { return m_positions->keysInOrder(path); }

    [[noreturn]] void fail(TextPosition at, const QString& reason) const {
        throw MappingError(m_path, at, reason);
    }

    // The value of the key at `path` (its last element) must be a string.
    QString string(const QJsonValue& value, const QStringList& path) const {
        if (!value.isString()) {
            fail(valueAt(path), QStringLiteral("%1 must be a string, not %2")
                                    .arg(quoted(path.last()), typeName(value)));
        }
        return value.toString();
    }

    // A list of strings (each an `itemName`, several `itemNames`); none may be blank.
    QStringList strings(const QJsonValue& value, const QStringList& path, const QString& itemName,
                        const QString& itemNames) const {
        if (!value.isArray()) {
            fail(valueAt(path), QStringLiteral("%1 must be a list of %2 ([\"…\", \"…\"]), not %3")
                                    .arg(quoted(path.last()), itemNames, typeName(value)));
        }
        QStringList strings;
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QStringList itemPath = path + QStringList{QString::number(i)};
            if (!items[i].isString()) {
                fail(valueAt(itemPath),
                     QStringLiteral("each item of %1 must be a %2 in double "
                                    "quotes, not %3")
                         .arg(quoted(path.last()), itemName, typeName(items[i])));
            }
            if (items[i].toString().trimmed().isEmpty()) {
                fail(valueAt(itemPath), QStringLiteral("a %1 cannot be blank").arg(itemName));
            }
            strings << items[i].toString();
        }
        return strings;
    }

    // An unknown key of the object at `path`: refused, with the closest
    // valid key when it looks like a slip.
    [[noreturn]] void unknownKey(const QStringList& keyPath, const QStringList& valid,
                                 const QString& context) const {
        const QString key = keyPath.last();
        const QStringList closest = closestNames(key, valid);
        fail(keyAt(keyPath),
             QStringLiteral("unknown key %1; %2")
                 .arg(quoted(key), closest.isEmpty() ? context : didYouMean(closest)));
    }

private:
    QString m_path;
    std::optional<JsonPositions> m_positions;
    QJsonObject m_root;
};

QString kindList() {
    return QStringLiteral("tickets, events, accounts, known-issues, decisions, actions or "
                          "checklist-runs");
}

DateOrder readDateOrder(const MappingDocument& file, const QStringList& path) {
    const QString order = file.string(file.root().value(path.last()), path);
    if (order.compare(QLatin1String("dmy"), Qt::CaseInsensitive) == 0) {
        return DateOrder::DayFirst;
    }
    if (order.compare(QLatin1String("mdy"), Qt::CaseInsensitive) == 0) {
        return DateOrder::MonthFirst;
    }
    file.fail(file.valueAt(path),
              QStringLiteral("\"date_order\" is %1; use \"dmy\" or \"mdy\"").arg(quoted(order)));
}

// "patterns": a list of {"match": regular expression, "value": value},
// each expression checked here so that a slip is refused at its line.
std::vector<ValuePattern> readPatterns(const MappingDocument& file, const QStringList& path,
                                       const QJsonValue& value) {
    const QString form = QStringLiteral("[{\"match\": \" 2nd$\", \"value\": \"2\"}, …]");
    if (!value.isArray()) {
        file.fail(file.valueAt(path), QStringLiteral("\"patterns\" must be a list of {\"match\", "
                                                     "\"value\"} objects (%1), not %2")
                                          .arg(form, typeName(value)));
    }
    std::vector<ValuePattern> patterns;
    const QJsonArray items = value.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QStringList itemPath = path + QStringList{QString::number(i)};
        if (!items[i].isObject()) {
            file.fail(file.valueAt(itemPath),
                      QStringLiteral("each item of \"patterns\" must be an object (%1), not %2")
                          .arg(form, typeName(items[i])));
        }
        const QJsonObject item = items[i].toObject();
        const QStringList valid{QStringLiteral("match"), QStringLiteral("value")};
        for (const QString& key : file.keys(itemPath)) {
            if (!valid.contains(key)) {
                file.unknownKey(itemPath + QStringList{key}, valid,
                                QStringLiteral("a pattern has \"match\" and \"value\""));
            }
        }
        for (const QString& key : valid) {
            if (!item.contains(key)) {
                file.fail(file.valueAt(itemPath),
                          QStringLiteral("the pattern needs %1").arg(quoted(key)));
            }
        }
        ValuePattern pattern;
        const QStringList matchPath = itemPath + QStringList{valid[0]};
        pattern.match = file.string(item.value(valid[0]), matchPath);
        pattern.value =
            file.string(item.value(valid[1]), itemPath + QStringList{valid[1]}).toStdString();
        pattern.compiled =
            QRegularExpression(pattern.match, QRegularExpression::CaseInsensitiveOption);
        if (pattern.match.isEmpty() || !pattern.compiled.isValid()) {
            file.fail(file.valueAt(matchPath),
                      QStringLiteral("%1 is not a regular expression: %2")
                          .arg(quoted(pattern.match), pattern.match.isEmpty()
                                                          ? QStringLiteral("it is empty")
                                                          : pattern.compiled.errorString()));
        }
        patterns.push_back(std::move(pattern));
    }
    return patterns;
}

// One column entry: a column name, a list of names, or an object with
// "column"/"columns", "format" (when `timeField`), "values", "nulls" and
// (in a history mapping, when `withPatterns`) "patterns".
// `field` is the canonical field; path.last() is the key as written.
FieldSource readFieldSource(const MappingDocument& file, const QStringList& path,
                            const QJsonValue& spec, const QString& field, bool timeField,
                            bool withPatterns = false) {
    FieldSource source;
    source.field = field;
    const auto columnName = [&file](const QJsonValue& value, const QStringList& at) {
        if (value.toString().trimmed().isEmpty()) {
            file.fail(file.valueAt(at), QStringLiteral("a column name cannot be blank"));
        }
        return value.toString();
    };
    const auto columnList = [&](const QJsonValue& value, const QStringList& at) {
        QStringList names =
            file.strings(value, at, QStringLiteral("column name"), QStringLiteral("column names"));
        if (names.isEmpty()) {
            file.fail(file.valueAt(at),
                      QStringLiteral("%1 names no column").arg(quoted(at.last())));
        }
        return names;
    };
    if (spec.isString()) {
        source.columns << columnName(spec, path);
        source.at = file.valueAt(path);
        return source;
    }
    if (spec.isArray()) {
        source.columns = columnList(spec, path);
        source.at = file.valueAt(path);
        return source;
    }
    if (!spec.isObject()) {
        file.fail(file.valueAt(path), QStringLiteral("%1 must be a column name, a list of column "
                                                     "names or an object, not %2")
                                          .arg(quoted(path.last()), typeName(spec)));
    }
    const QJsonObject object = spec.toObject();
    QStringList valid{QStringLiteral("column"), QStringLiteral("columns"), QStringLiteral("values"),
                      QStringLiteral("nulls")};
    if (timeField) {
        valid.insert(2, QStringLiteral("format"));
    }
    if (withPatterns) {
        valid << QStringLiteral("patterns");
    }
    for (const QString& key : file.keys(path)) {
        const QStringList keyPath = path + QStringList{key};
        const QJsonValue value = object.value(key);
        if (key == QLatin1String("column")) {
            if (!value.isString()) {
                file.string(value, keyPath); // refuses, naming the type
            }
            source.columns.prepend(columnName(value, keyPath));
            source.at = file.valueAt(keyPath);
        } else if (key == QLatin1String("columns")) {
            source.columns += columnList(value, keyPath);
            if (!object.contains(QStringLiteral("column"))) {
                source.at = file.valueAt(keyPath);
            }
        } else if (key == QLatin1String("format") && timeField) {
            const QString format = file.string(value, keyPath);
            source.form = formNamed(format.trimmed().toLower());
            if (!source.form) {
                file.fail(file.valueAt(keyPath),
                          QStringLiteral("\"format\" is %1; use iso, mdy, dmy, dotted, jira, epoch "
                                         "or epoch_ms")
                              .arg(quoted(format)));
            }
        } else if (key == QLatin1String("format")) {
            file.fail(file.keyAt(keyPath),
                      QStringLiteral("\"format\" is for time fields; %1 is not one").arg(field));
        } else if (key == QLatin1String("values")) {
            if (!value.isObject()) {
                file.fail(file.valueAt(keyPath),
                          QStringLiteral("\"values\" must be an object of source value → value "
                                         "to store ({\"Urgent\": \"Critical\"}), not %1")
                              .arg(typeName(value)));
            }
            const QJsonObject values = value.toObject();
            std::map<QString, QStringList> seen; // lower-case source value → its path
            for (const QString& from : file.keys(keyPath)) {
                const QStringList fromPath = keyPath + QStringList{from};
                const QString to = file.string(values.value(from), fromPath);
                const QString lower = from.trimmed().toLower();
                if (const auto [first, added] = seen.emplace(lower, fromPath); !added) {
                    const TextPosition was = file.keyAt(first->second);
                    file.fail(file.keyAt(fromPath),
                              QStringLiteral("%1 is mapped twice in \"values\" (also at line %2, "
                                             "column %3); values compare ignoring case")
                                  .arg(quoted(from), QString::number(was.line),
                                       QString::number(was.column)));
                }
                source.values.emplace(lower.toStdString(), to.toStdString());
            }
        } else if (key == QLatin1String("nulls")) {
            source.nulls = file.strings(value, keyPath, QStringLiteral("null token"),
                                        QStringLiteral("null tokens"));
        } else if (key == QLatin1String("patterns") && withPatterns) {
            source.patterns = readPatterns(file, keyPath, value);
        } else {
            file.unknownKey(keyPath, valid,
                            QStringLiteral("a column entry has %1").arg(listed(valid)));
        }
    }
    if (source.columns.isEmpty()) {
        file.fail(file.valueAt(path), QStringLiteral("%1 names no column: give \"column\" or "
                                                     "\"columns\"")
                                          .arg(quoted(path.last())));
    }
    return source;
}

QString headerOf(const ColumnSpec& spec) {
    return QString::fromUtf8(spec.header.data(), static_cast<qsizetype>(spec.header.size()));
}

QStringList canonicalFields(ImportKind kind) {
    QStringList fields;
    for (const ColumnSpec& spec : layoutOf(kind).columns) {
        if (!spec.header.empty()) {
            fields << headerOf(spec);
        }
    }
    return fields;
}

bool isTimeField(ImportKind kind, const QString& field) {
    const auto& columns = layoutOf(kind).columns;
    return std::any_of(columns.begin(), columns.end(), [&field](const ColumnSpec& spec) {
        return spec.type == FieldType::Timestamp && headerOf(spec) == field;
    });
}

} // namespace

QStringList closestNames(const QString& wanted, const QStringList& names) {
    const QString w = wanted.trimmed().toLower();
    QStringList best;
    int bestDistance = 0;
    for (const QString& name : names) {
        const QString n = name.trimmed().toLower();
        const auto shorter = std::min(w.size(), n.size());
        int distance = editDistance(w, n);
        const bool close = distance <= std::max<qsizetype>(1, std::min<qsizetype>(3, shorter / 3));
        // "created" for created_at, "number" for "SR Number"
        const bool part = shorter >= 4 && (w.contains(n) || n.contains(w));
        if (!close && !part) {
            continue;
        }
        if (best.isEmpty() || distance < bestDistance) {
            best = QStringList{name};
            bestDistance = distance;
        } else if (distance == bestDistance && !best.contains(name)) {
            best << name;
        }
    }
    return best;
}

QString closestName(const QString& wanted, const QStringList& names) {
    const QStringList closest = closestNames(wanted, names);
    return closest.isEmpty() ? QString() : closest.first();
}

QString missingColumnReason(const FieldSource& source, const QString& fileName,
                            std::int64_t headerLine, const QStringList& header) {
    QStringList names;
    for (const QString& column : source.columns) {
        names << quoted(column);
    }
    QString reason =
        source.columns.size() == 1
            ? QStringLiteral("the column %1 (%2) is not in the header row of %3 (line %4)")
                  .arg(names.first(), source.field, fileName, QString::number(headerLine))
            : QStringLiteral("none of the columns %1 (%2) is in the header row of %3 (line %4)")
                  .arg(names.join(QStringLiteral(", ")), source.field, fileName,
                       QString::number(headerLine));
    for (const QString& column : source.columns) {
        const QStringList closest = closestNames(column, header);
        if (!closest.isEmpty()) {
            return reason + QStringLiteral("; ") + didYouMean(closest);
        }
    }
    return reason;
}

// ---- Mappings of tickets, events, accounts, known issues ---------------------

ColumnMapping readMappingFile(const QString& path) {
    const MappingDocument file(path);
    const QJsonObject& root = file.root();
    const QStringList kindPath{QStringLiteral("kind")};
    if (!root.contains(kindPath.last())) {
        file.fail(file.valueAt({}),
                  QStringLiteral("the mapping needs \"kind\": %1").arg(kindList()));
    }
    const QString kindName = file.string(root.value(kindPath.last()), kindPath);
    const auto kind = parseImportKind(kindName);
    if (kind == ImportKind::History) {
        file.fail(file.valueAt(kindPath), QStringLiteral("\"kind\" is \"history\": a history "
                                                         "mapping is imported with the kind "
                                                         "history (--kind history)"));
    }
    if (!kind) {
        file.fail(file.valueAt(kindPath),
                  QStringLiteral("\"kind\" is %1; use %2").arg(quoted(kindName), kindList()));
    }
    ColumnMapping mapping;
    mapping.kind = *kind;
    mapping.path = path;
    const QStringList fields = canonicalFields(*kind);
    const QStringList valid{QStringLiteral("name"), QStringLiteral("kind"),
                            QStringLiteral("date_order"), QStringLiteral("nulls"),
                            QStringLiteral("fields")};
    for (const QString& key : file.keys({})) {
        const QStringList keyPath{key};
        const QJsonValue value = root.value(key);
        if (key == QLatin1String("name")) {
            mapping.name = file.string(value, keyPath);
        } else if (key == QLatin1String("kind")) {
            continue; // read above
        } else if (key == QLatin1String("date_order")) {
            mapping.dateOrder = readDateOrder(file, keyPath);
        } else if (key == QLatin1String("nulls")) {
            mapping.nulls = file.strings(value, keyPath, QStringLiteral("null token"),
                                         QStringLiteral("null tokens"));
        } else if (key == QLatin1String("fields")) {
            if (!value.isObject()) {
                file.fail(file.valueAt(keyPath),
                          QStringLiteral("\"fields\" must be an object of field → column, not %1")
                              .arg(typeName(value)));
            }
            const QJsonObject entries = value.toObject();
            std::map<QString, QStringList> seen; // canonical field → its path
            for (const QString& name : file.keys(keyPath)) {
                const QStringList fieldPath = keyPath + QStringList{name};
                const QString field = name.trimmed().toLower();
                if (!fields.contains(field)) {
                    const QStringList closest = closestNames(name, fields);
                    file.fail(file.keyAt(fieldPath),
                              QStringLiteral("%1 is not a field of %2 files; %3")
                                  .arg(quoted(name), importKindName(*kind),
                                       closest.isEmpty() ? QStringLiteral("the fields are ") +
                                                               fields.join(QStringLiteral(", "))
                                                         : didYouMean(closest)));
                }
                if (const auto [first, added] = seen.emplace(field, fieldPath); !added) {
                    const TextPosition was = file.keyAt(first->second);
                    file.fail(
                        file.keyAt(fieldPath),
                        QStringLiteral("the field %1 is mapped twice (also at line %2, "
                                       "column %3)")
                            .arg(field, QString::number(was.line), QString::number(was.column)));
                }
                mapping.fields.push_back(readFieldSource(file, fieldPath, entries.value(name),
                                                         field, isTimeField(*kind, field)));
            }
            if (mapping.fields.empty()) {
                file.fail(file.valueAt(keyPath), QStringLiteral("\"fields\" maps no field"));
            }
        } else if (fields.contains(key.trimmed().toLower())) {
            file.fail(
                file.keyAt(keyPath),
                QStringLiteral("unknown key %1: map fields inside \"fields\"").arg(quoted(key)));
        } else {
            file.unknownKey(keyPath, valid, QStringLiteral("a mapping has %1").arg(listed(valid)));
        }
    }
    if (!root.contains(QStringLiteral("fields"))) {
        file.fail(file.valueAt({}), QStringLiteral("the mapping needs \"fields\": an object of "
                                                   "field → column"));
    }
    if (mapping.name.isEmpty()) {
        mapping.name = QFileInfo(path).fileName();
    }
    return mapping;
}

// ---- History mappings --------------------------------------------------------

QStringList historyTicketFields() {
    return {QStringLiteral("channel"),
            QStringLiteral("account_id"),
            QStringLiteral("product_area"),
            QStringLiteral("root_cause"),
            QStringLiteral("reason_code"),
            QStringLiteral("subject"),
            QStringLiteral("description"),
            QStringLiteral("assignee"),
            QStringLiteral("resolution_type"),
            QStringLiteral("resolution_notes"),
            QStringLiteral("tags")};
}

namespace {

// "attributes": a list of columns, each a name or an entry object
// ({"column", "values", "nulls", "patterns"}); refuses a column given twice
// and a column named as a key the import derives itself.
std::vector<FieldSource> readAttributeSources(const MappingDocument& file, const QStringList& path,
                                              const QJsonValue& value) {
    if (!value.isArray()) {
        file.fail(file.valueAt(path),
                  QStringLiteral("\"attributes\" must be a list of columns ([\"Product\", "
                                 "{\"column\": \"Country\", \"nulls\": [\"-\"]}]), not %1")
                      .arg(typeName(value)));
    }
    std::vector<FieldSource> sources;
    std::map<QString, QStringList> seen; // lower-case column name → its path
    const QJsonArray items = value.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QStringList itemPath = path + QStringList{QString::number(i)};
        if (!items[i].isString() && !items[i].isObject()) {
            file.fail(file.valueAt(itemPath),
                      QStringLiteral("each item of \"attributes\" must be a column name or a "
                                     "column entry object, not %1")
                          .arg(typeName(items[i])));
        }
        const QJsonObject entry = items[i].toObject();
        if (items[i].isObject() && !entry.contains(QStringLiteral("column")) &&
            !entry.contains(QStringLiteral("columns"))) {
            file.fail(file.valueAt(itemPath), QStringLiteral("an item of \"attributes\" names no "
                                                             "column: give \"column\" or "
                                                             "\"columns\""));
        }
        FieldSource source =
            readFieldSource(file, itemPath, items[i], QStringLiteral("attributes"), false, true);
        for (const QString& column : source.columns) {
            const QString lower = column.trimmed().toLower();
            if (historyDerivedAttributes().contains(lower)) {
                file.fail(source.at, QStringLiteral("the attribute name %1 is taken: the import "
                                                    "keeps the first group and support level "
                                                    "under first_group and first_tier")
                                         .arg(quoted(column)));
            }
            if (const auto [first, added] = seen.emplace(lower, itemPath); !added) {
                const TextPosition was = file.valueAt(first->second);
                file.fail(source.at, QStringLiteral("the column %1 is kept twice in "
                                                    "\"attributes\" (also at line %2, column %3)")
                                         .arg(quoted(column), QString::number(was.line),
                                              QString::number(was.column)));
            }
        }
        sources.push_back(std::move(source));
    }
    return sources;
}

} // namespace

QStringList historyDerivedAttributes() {
    return {QStringLiteral("first_group"), QStringLiteral("first_tier")};
}

HistoryMapping readHistoryMappingFile(const QString& path) {
    const MappingDocument file(path);
    const QJsonObject& root = file.root();
    const QStringList kindPath{QStringLiteral("kind")};
    if (!root.contains(kindPath.last())) {
        file.fail(file.valueAt({}),
                  QStringLiteral("not a history mapping: it needs \"kind\": \"history\""));
    }
    if (const QString kind = file.string(root.value(kindPath.last()), kindPath);
        kind.trimmed().toLower() != QLatin1String("history")) {
        file.fail(file.valueAt(kindPath),
                  QStringLiteral("not a history mapping: \"kind\" is %1, not \"history\"")
                      .arg(quoted(kind)));
    }
    HistoryMapping mapping;
    mapping.path = path;
    const QStringList ticketFields = historyTicketFields();
    const QStringList statusLists{QStringLiteral("waiting_statuses"),
                                  QStringLiteral("resolved_statuses"),
                                  QStringLiteral("closed_statuses")};
    QStringList valid{QStringLiteral("name"),  QStringLiteral("kind"),    QStringLiteral("case"),
                      QStringLiteral("time"),  QStringLiteral("status"),  QStringLiteral("tier"),
                      QStringLiteral("group"), QStringLiteral("priority")};
    valid += ticketFields;
    valid += statusLists;
    valid << QStringLiteral("attributes") << QStringLiteral("date_order")
          << QStringLiteral("nulls");
    const QStringList derived{QStringLiteral("created_at"),   QStringLiteral("resolved_at"),
                              QStringLiteral("closed_at"),    QStringLiteral("escalated"),
                              QStringLiteral("escalated_at"), QStringLiteral("start_tier")};
    bool caseGiven = false;
    bool timeGiven = false;
    for (const QString& key : file.keys({})) {
        const QStringList keyPath{key};
        const QJsonValue value = root.value(key);
        const auto entry = [&](bool timeField = false) {
            return readFieldSource(file, keyPath, value, key, timeField, !timeField);
        };
        if (key == QLatin1String("name")) {
            mapping.name = file.string(value, keyPath);
        } else if (key == QLatin1String("kind")) {
            continue; // read above
        } else if (key == QLatin1String("case")) {
            mapping.caseId = readFieldSource(file, keyPath, value, key, false);
            caseGiven = true;
        } else if (key == QLatin1String("time")) {
            mapping.time = entry(true);
            timeGiven = true;
        } else if (key == QLatin1String("status")) {
            mapping.status = entry();
        } else if (key == QLatin1String("tier")) {
            mapping.tier = entry();
        } else if (key == QLatin1String("group")) {
            mapping.group = entry();
        } else if (key == QLatin1String("priority")) {
            mapping.priority = entry();
        } else if (ticketFields.contains(key)) {
            mapping.ticketFields.push_back(entry());
        } else if (statusLists.contains(key)) {
            if (!root.contains(QStringLiteral("status"))) {
                file.fail(file.keyAt(keyPath), QStringLiteral("%1 needs \"status\": the column "
                                                              "the statuses are in")
                                                   .arg(quoted(key)));
            }
            const QStringList statuses =
                file.strings(value, keyPath, QStringLiteral("status"), QStringLiteral("statuses"));
            (key == statusLists[0]   ? mapping.waitingStatuses
             : key == statusLists[1] ? mapping.resolvedStatuses
                                     : mapping.closedStatuses) = statuses;
        } else if (key == QLatin1String("attributes")) {
            mapping.attributes = readAttributeSources(file, keyPath, value);
        } else if (key == QLatin1String("date_order")) {
            mapping.dateOrder = readDateOrder(file, keyPath);
        } else if (key == QLatin1String("nulls")) {
            mapping.nulls = file.strings(value, keyPath, QStringLiteral("null token"),
                                         QStringLiteral("null tokens"));
        } else if (key == QLatin1String("fields")) {
            file.fail(file.keyAt(keyPath),
                      QStringLiteral("unknown key \"fields\": a history mapping names its columns "
                                     "at the top level (\"case\", \"time\", \"status\", …)"));
        } else if (key == QLatin1String("ticket_id")) {
            file.fail(file.keyAt(keyPath),
                      QStringLiteral("unknown key \"ticket_id\": the case id's column is "
                                     "\"case\""));
        } else if (derived.contains(key)) {
            file.fail(file.keyAt(keyPath), QStringLiteral("%1 cannot be mapped: a history import "
                                                          "derives it from the changes")
                                               .arg(quoted(key)));
        } else {
            file.unknownKey(keyPath, valid,
                            QStringLiteral("a history mapping has %1").arg(listed(valid)));
        }
    }
    if (!caseGiven || !timeGiven) {
        file.fail(file.valueAt({}), QStringLiteral("the history mapping needs \"case\" and "
                                                   "\"time\": the columns of the case id and of "
                                                   "the change time"));
    }
    if (!mapping.status && !mapping.tier && !mapping.group) {
        file.fail(file.valueAt({}), QStringLiteral("the mapping names none of \"status\", "
                                                   "\"tier\" and \"group\": there is nothing to "
                                                   "derive"));
    }
    if (mapping.name.isEmpty()) {
        mapping.name = QFileInfo(path).fileName();
    }
    return mapping;
}

namespace {

// A value as compact JSON ("text", ["a", "b"], {"k": "v"}).
QByteArray compactJson(const QJsonValue& value) {
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// A column entry as readFieldSource() reads it: the column's name alone
// when it says nothing more.
QJsonValue fieldSourceJson(const FieldSource& source) {
    const QString form = source.form ? nameOfForm(*source.form) : QString();
    const QJsonValue columns = source.columns.size() == 1
                                   ? QJsonValue(source.columns.first())
                                   : QJsonValue(QJsonArray::fromStringList(source.columns));
    if (form.isEmpty() && source.values.empty() && !source.nulls && source.patterns.empty()) {
        return columns;
    }
    QJsonObject entry;
    entry.insert(source.columns.size() == 1 ? QStringLiteral("column") : QStringLiteral("columns"),
                 columns);
    if (!form.isEmpty()) {
        entry.insert(QStringLiteral("format"), form);
    }
    if (!source.values.empty()) {
        QJsonObject values;
        for (const auto& [from, to] : source.values) {
            values.insert(QString::fromStdString(from), QString::fromStdString(to));
        }
        entry.insert(QStringLiteral("values"), values);
    }
    if (source.nulls) {
        entry.insert(QStringLiteral("nulls"), QJsonArray::fromStringList(*source.nulls));
    }
    if (!source.patterns.empty()) {
        QJsonArray patterns;
        for (const ValuePattern& pattern : source.patterns) {
            patterns.append(
                QJsonObject{{QStringLiteral("match"), pattern.match},
                            {QStringLiteral("value"), QString::fromStdString(pattern.value)}});
        }
        entry.insert(QStringLiteral("patterns"), patterns);
    }
    return entry;
}

} // namespace

QByteArray historyMappingJson(const HistoryMapping& mapping) {
    std::vector<std::pair<QString, QJsonValue>> keys;
    if (!mapping.name.isEmpty()) {
        keys.emplace_back(QStringLiteral("name"), mapping.name);
    }
    keys.emplace_back(QStringLiteral("kind"), QStringLiteral("history"));
    if (mapping.dateOrder != DateOrder::Unknown) {
        keys.emplace_back(QStringLiteral("date_order"), mapping.dateOrder == DateOrder::DayFirst
                                                            ? QStringLiteral("dmy")
                                                            : QStringLiteral("mdy"));
    }
    if (!mapping.nulls.isEmpty()) {
        keys.emplace_back(QStringLiteral("nulls"), QJsonArray::fromStringList(mapping.nulls));
    }
    keys.emplace_back(QStringLiteral("case"), fieldSourceJson(mapping.caseId));
    keys.emplace_back(QStringLiteral("time"), fieldSourceJson(mapping.time));
    for (const auto* source : {&mapping.status, &mapping.tier, &mapping.group, &mapping.priority}) {
        if (*source) {
            keys.emplace_back((*source)->field, fieldSourceJson(**source));
        }
    }
    for (const FieldSource& source : mapping.ticketFields) {
        keys.emplace_back(source.field, fieldSourceJson(source));
    }
    if (!mapping.attributes.empty()) {
        QJsonArray attributes;
        for (const FieldSource& source : mapping.attributes) {
            attributes.append(fieldSourceJson(source));
        }
        keys.emplace_back(QStringLiteral("attributes"), attributes);
    }
    const std::pair<const char*, const QStringList*> statusLists[] = {
        {"waiting_statuses", &mapping.waitingStatuses},
        {"resolved_statuses", &mapping.resolvedStatuses},
        {"closed_statuses", &mapping.closedStatuses}};
    for (const auto& [key, statuses] : statusLists) {
        if (mapping.status && !statuses->isEmpty()) {
            keys.emplace_back(QString::fromLatin1(key), QJsonArray::fromStringList(*statuses));
        }
    }
    QByteArray json = "{\n";
    for (std::size_t i = 0; i < keys.size(); ++i) {
        json += "  " + compactJson(keys[i].first) + ": " + compactJson(keys[i].second);
        json += i + 1 < keys.size() ? ",\n" : "\n";
    }
    return json + "}\n";
}

void writeHistoryMappingFile(const HistoryMapping& mapping, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(historyMappingJson(mapping)) < 0 ||
        !file.commit()) {
        throw MappingError(
            QStringLiteral("Cannot write the mapping file %1: %2").arg(path, file.errorString()));
    }
}

} // namespace escdesk::import
