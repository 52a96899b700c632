// Mapping files read strictly: every problem refused with the mapping
// file's line and column (counted by hand in the texts below: keys of the
// top level start in column 3, those inside "fields" in column 5), the
// closest valid key for a typo, a column a mapping names that the export
// lacks, and null tokens ("?", "N/A", "-", "(none)") that read as empty —
// including what they do to a re-import's unchanged rows.

#include "import/ColumnMapping.h"
#include "import/HistoryImporter.h"
#include "import/ImportPreview.h"
#include "import/Importer.h"
#include "import/JsonPositions.h"
#include "import/MappingFile.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;
using namespace escdesk::import;
using escdesk::store::Statement;
using escdesk::store::Workspace;

namespace {

QString position(TextPosition at) {
    return QStringLiteral("%1:%2").arg(at.line).arg(at.column);
}

} // namespace

class TestMappingFiles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString writeFile(const QByteArray& content, const QString& name = {}) {
        const QString path =
            m_dir.filePath(name.isEmpty() ? QStringLiteral("file-%1").arg(++m_files) : name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            qFatal("cannot write %s", qPrintable(path));
        }
        file.write(content);
        return path;
    }

    std::unique_ptr<Workspace> freshWorkspace() {
        return std::make_unique<Workspace>(
            m_dir.filePath(QStringLiteral("ws-%1.escdesk").arg(++m_files)));
    }

    static ImportResult importWith(Workspace& workspace, const QString& file,
                                   const ColumnMapping& mapping) {
        ImportOptions options;
        options.kind = mapping.kind;
        options.mapping = &mapping;
        return importCsv(workspace.db(), file, options);
    }

    static QString field(Workspace& workspace, const char* ticketId, const char* column) {
        Statement query = workspace.db().prepare(std::string("SELECT ifnull(") + column +
                                                 ", 'NULL') FROM tickets WHERE ticket_id = ?");
        query.bind(1, QString::fromLatin1(ticketId));
        return query.step() ? query.text(0) : QStringLiteral("<no ticket>");
    }

    // The message a mapping file is refused with, "MAP" standing for its path.
    QString refusal(const QByteArray& content, bool history) {
        const QString path = writeFile(content, QStringLiteral("map.json"));
        try {
            if (history) {
                readHistoryMappingFile(path);
            } else {
                readMappingFile(path);
            }
        } catch (const MappingError& error) {
            return error.message().replace(path, QStringLiteral("MAP"));
        }
        return QStringLiteral("<accepted>");
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void jsonPositionsOfKeysAndValues() {
        // A BOM (not a column), a two-byte ä and a tab (one column each).
        const QByteArray text = "\xEF\xBB\xBF{\n"
                                "  \"name\": \"Priorit\xC3\xA4t\", \"kind\":\t\"tickets\",\n"
                                "  \"fields\": { \"tags\": { \"columns\": [\"A\", \"B\"] } }\n"
                                "}\n";
        const JsonPositions positions(text);
        QVERIFY(!positions.syntaxError());
        QCOMPARE(position(positions.value({})), QStringLiteral("1:1"));
        QCOMPARE(position(positions.key({"name"})), QStringLiteral("2:3"));
        QCOMPARE(position(positions.value({"name"})), QStringLiteral("2:11"));
        // "Priorität" with its quotes is 11 characters (12 bytes) from column 11:
        // the comma is column 22, "kind" column 24, its value after ':' and a tab
        // column 32.
        QCOMPARE(position(positions.key({"kind"})), QStringLiteral("2:24"));
        QCOMPARE(position(positions.value({"kind"})), QStringLiteral("2:32"));
        QCOMPARE(position(positions.value({"fields", "tags"})), QStringLiteral("3:23"));
        QCOMPARE(position(positions.value({"fields", "tags", "columns"})), QStringLiteral("3:36"));
        QCOMPARE(position(positions.value({"fields", "tags", "columns", "1"})),
                 QStringLiteral("3:42"));
        QCOMPARE(positions.keysInOrder({}), (QStringList{"name", "kind", "fields"}));
        QVERIFY(!positions.value({"fields", "missing"}).known());
        QVERIFY(positions.duplicates().empty());
    }

    void jsonPositionsFindKeysGivenTwice() {
        // The second "a" of the inner object; its escape decodes to the same key.
        const JsonPositions positions("{\"o\": {\"a\": 1,\n \"\\u0061\": {\"a\": 2}}}");
        QCOMPARE(positions.duplicates().size(), std::size_t{1});
        QCOMPARE(positions.duplicates()[0].path, (QStringList{"o", "a"}));
        QCOMPARE(position(positions.duplicates()[0].first), QStringLiteral("1:8"));
        QCOMPARE(position(positions.duplicates()[0].again), QStringLiteral("2:2"));
        // The first value stays the one recorded.
        QCOMPARE(position(positions.value({"o", "a"})), QStringLiteral("1:13"));
    }

    void jsonSyntaxErrors_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray("  \n") << QStringLiteral("2:1 the file is empty");
        QTest::newRow("trailing comma in an object")
            << QByteArray("{\n  \"a\": 1,\n}")
            << QStringLiteral("2:9 a comma before \"}\": remove it");
        QTest::newRow("trailing comma in a list")
            << QByteArray("[1, 2, ]") << QStringLiteral("1:6 a comma before \"]\": remove it");
        QTest::newRow("missing colon")
            << QByteArray("{\"kind\" \"tickets\"}")
            << QStringLiteral("1:9 \":\" was expected after the key \"kind\", not a string");
        QTest::newRow("missing comma")
            << QByteArray("{\"a\": 1\n \"b\": 2}")
            << QStringLiteral("2:2 \",\" or \"}\" was expected after the value of \"a\", not a "
                              "string");
        QTest::newRow("unclosed string")
            << QByteArray("{\"kind\": \"tickets}")
            << QStringLiteral("1:10 the string that starts here is not closed (a double quote "
                              "is missing)");
        QTest::newRow("unclosed object")
            << QByteArray("{\"a\": {\"b\": 1}")
            << QStringLiteral("1:1 the object opened here is not closed (\"}\" is missing)");
        QTest::newRow("single quotes")
            << QByteArray("{'kind': 'tickets'}")
            << QStringLiteral("1:2 a key in double quotes was expected, not a single quote "
                              "(JSON strings and keys take double quotes)");
        QTest::newRow("comment")
            << QByteArray("{\"a\": 1 // one\n}")
            << QStringLiteral("1:9 \",\" or \"}\" was expected after the value of \"a\", not "
                              "\"/\" (JSON has no comments)");
        QTest::newRow("bad literal")
            << QByteArray("{\"a\": tru}")
            << QStringLiteral("1:7 \"tru\" is not a JSON value (a string in double quotes, a "
                              "number, true, false, null, a list or an object)");
        QTest::newRow("text after the object")
            << QByteArray("{\"a\": 1} x")
            << QStringLiteral("1:10 text after the end of the JSON value");
    }

    void jsonSyntaxErrors() {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QVERIFY(QJsonDocument::fromJson(text).isNull() || text.startsWith('['));
        const JsonPositions positions(text);
        QVERIFY(positions.syntaxError());
        QCOMPARE(position(positions.syntaxError()->at) + QLatin1Char(' ') +
                     positions.syntaxError()->reason,
                 expected);
    }

    void closestNameSuggestsTypos() {
        const QStringList keys{"name",       "kind",   "date_order", "nulls", "fields",
                               "created_at", "column", "columns",    "values"};
        QCOMPARE(closestName("fileds", keys), QStringLiteral("fields")); // transposed
        QCOMPARE(closestName("Kind", keys), QStringLiteral("kind"));     // case
        QCOMPARE(closestName("colum", keys), QStringLiteral("column"));
        QCOMPARE(closestName("value", keys), QStringLiteral("values"));
        QCOMPARE(closestName("created", keys), QStringLiteral("created_at")); // held in it
        QCOMPARE(closestName("date-order", keys), QStringLiteral("date_order"));
        QCOMPARE(closestName("number", {"SR Number", "Status"}), QStringLiteral("SR Number"));
        // Too far for a slip.
        QCOMPARE(closestName("source", keys), QString());
        QCOMPARE(closestName("id", keys), QString());
        QCOMPARE(closestName("nme", {"name", "nulls"}), QStringLiteral("name"));
        // Ties are all named, in the order given.
        QCOMPARE(closestNames("colums", keys), (QStringList{"column", "columns"}));
        QCOMPARE(closestNames("opened", {"caller_id", "opened_by", "opened_at"}),
                 (QStringList{"opened_by", "opened_at"}));
    }

    void refusedMappingFiles_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("history");
        QTest::addColumn<QString>("expected");
        const auto tickets = [](const char* name, const char* content, const char* expected) {
            QTest::newRow(name) << QByteArray(content) << false << QString::fromUtf8(expected);
        };
        const auto history = [](const char* name, const char* content, const char* expected) {
            QTest::newRow(name) << QByteArray(content) << true << QString::fromUtf8(expected);
        };
        tickets("a list", R"json([{"kind": "tickets"}])json",
                "MAP: line 1, column 1: a mapping file holds one JSON object ({ … }), not a list");
        tickets("empty", "", "MAP: line 1, column 1: not valid JSON: the file is empty");
        tickets("trailing comma",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": { \"ticket_id\": \"Id\", },\n"
                "}\n",
                "MAP: line 3, column 32: not valid JSON: a comma before \"}\": remove it");
        tickets("key twice",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": { \"ticket_id\": \"Id\" },\n"
                "  \"kind\": \"events\"\n"
                "}\n",
                "MAP: line 4, column 3: the key \"kind\" is given twice in this object (first at "
                "line 2, column 3)");
        tickets("typo of a key",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fileds\": { \"ticket_id\": \"Id\" }\n"
                "}\n",
                "MAP: line 3, column 3: unknown key \"fileds\"; did you mean \"fields\"?");
        tickets("unknown key",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"source\": \"zendesk\",\n"
                "  \"fields\": { \"ticket_id\": \"Id\" }\n"
                "}\n",
                "MAP: line 3, column 3: unknown key \"source\"; a mapping has name, kind, "
                "date_order, nulls and fields");
        tickets("a field outside fields",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"created_at\": \"Opened\",\n"
                "  \"fields\": { \"ticket_id\": \"Id\" }\n"
                "}\n",
                "MAP: line 3, column 3: unknown key \"created_at\": map fields inside \"fields\"");
        tickets("typo of a field",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"ticket_id\": \"number\",\n"
                "    \"created\": \"opened_at\"\n"
                "  }\n"
                "}\n",
                "MAP: line 5, column 5: \"created\" is not a field of tickets files; did you mean "
                "\"created_at\"?");
        tickets("not a field of the kind",
                "{\n"
                "  \"kind\": \"accounts\",\n"
                "  \"fields\": {\n"
                "    \"customer\": \"Kunde\"\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 5: \"customer\" is not a field of accounts files; the fields "
                "are account_id, name, tier, segment, region, arr, timezone, renewal_date");
        tickets("values as a list",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"priority\": { \"column\": \"Prio\", \"values\": [\"High\", \"Low\"] }\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 47: \"values\" must be an object of source value → value to "
                "store ({\"Urgent\": \"Critical\"}), not a list");
        tickets("a value map to a number",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"tier\": { \"column\": \"Level\", \"values\": { \"L2\": 2 } }\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 52: \"L2\" must be a string, not a number");
        tickets("a value mapped twice",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"priority\": { \"column\": \"Prio\",\n"
                "                  \"values\": { \"High\": \"High\", \"HIGH\": \"Critical\" } }\n"
                "  }\n"
                "}\n",
                "MAP: line 5, column 47: \"HIGH\" is mapped twice in \"values\" (also at line 5, "
                "column 31); values compare ignoring case");
        tickets("format of a field that is no time",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"priority\": { \"column\": \"Prio\", \"format\": \"iso\" }\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 37: \"format\" is for time fields; priority is not one");
        tickets("unknown format",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"created_at\": { \"column\": \"Opened\", \"format\": \"yyyy\" }\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 51: \"format\" is \"yyyy\"; use iso, mdy, dmy, dotted, jira, "
                "epoch or epoch_ms");
        tickets("typo in a column entry",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"priority\": { \"colum\": \"Prio\" }\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 19: unknown key \"colum\"; did you mean \"column\"?");
        tickets("a typo close to two keys",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"tags\": { \"colums\": [\"Labels\"] }\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 15: unknown key \"colums\"; did you mean \"column\" or "
                "\"columns\"?");
        tickets("columns counted in characters",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"priority\": { \"column\": \"Priorit\xC3\xA4t\", \"valus\": {} }\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 42: unknown key \"valus\"; did you mean \"values\"?");
        tickets("an entry without a column",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"priority\": { \"values\": { \"P1\": \"Critical\" } }\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 17: \"priority\" names no column: give \"column\" or "
                "\"columns\"");
        tickets("a blank column",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"subject\": \"\"\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 16: a column name cannot be blank");
        tickets("an entry that is a number",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"subject\": 7\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 16: \"subject\" must be a column name, a list of column names "
                "or an object, not a number");
        tickets("a field twice",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"Priority\": \"Prio\",\n"
                "    \"priority\": \"Priorit\xC3\xA4t\"\n"
                "  }\n"
                "}\n",
                "MAP: line 5, column 5: the field priority is mapped twice (also at line 4, column "
                "5)");
        tickets("kind a number", R"json({ "kind": 1, "fields": {} })json",
                "MAP: line 1, column 11: \"kind\" must be a string, not a number");
        tickets("no kind", R"json({ "fields": { "ticket_id": "Id" } })json",
                "MAP: line 1, column 1: the mapping needs \"kind\": tickets, events, accounts, "
                "known-issues, decisions, actions or checklist-runs");
        tickets("unknown kind", R"json({ "kind": "ticket", "fields": { "ticket_id": "Id" } })json",
                "MAP: line 1, column 11: \"kind\" is \"ticket\"; use tickets, events, accounts, "
                "known-issues, decisions, actions or checklist-runs");
        tickets("a history mapping", R"json({ "kind": "history", "case": "number" })json",
                "MAP: line 1, column 11: \"kind\" is \"history\": a history mapping is imported "
                "with the kind history (--kind history)");
        tickets("no fields", R"json({ "kind": "tickets" })json",
                "MAP: line 1, column 1: the mapping needs \"fields\": an object of field → column");
        tickets("no field in fields", R"json({ "kind": "tickets", "fields": {} })json",
                "MAP: line 1, column 32: \"fields\" maps no field");
        tickets("nulls not a list",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"nulls\": \"?\",\n"
                "  \"fields\": { \"ticket_id\": \"Id\" }\n"
                "}\n",
                "MAP: line 3, column 12: \"nulls\" must be a list of null tokens ([\"…\", \"…\"]), "
                "not a string");
        tickets("a blank null token",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"nulls\": [\"?\", \" \"],\n"
                "  \"fields\": { \"ticket_id\": \"Id\" }\n"
                "}\n",
                "MAP: line 3, column 18: a null token cannot be blank");
        tickets("a null token that is a number",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"nulls\": [\"?\", 0],\n"
                "  \"fields\": { \"ticket_id\": \"Id\" }\n"
                "}\n",
                "MAP: line 3, column 18: each item of \"nulls\" must be a null token in double "
                "quotes, not a number");
        tickets("unknown date order",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"date_order\": \"ymd\",\n"
                "  \"fields\": { \"ticket_id\": \"Id\" }\n"
                "}\n",
                "MAP: line 3, column 17: \"date_order\" is \"ymd\"; use \"dmy\" or \"mdy\"");

        history("a tickets mapping as history",
                R"json({ "kind": "tickets", "fields": { "ticket_id": "Id" } })json",
                "MAP: line 1, column 11: not a history mapping: \"kind\" is \"tickets\", not "
                "\"history\"");
        history("history without kind", R"json({ "case": "number" })json",
                "MAP: line 1, column 1: not a history mapping: it needs \"kind\": \"history\"");
        history("fields in a history mapping",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"fields\": { \"case\": \"number\" }\n"
                "}\n",
                "MAP: line 3, column 3: unknown key \"fields\": a history mapping names its "
                "columns at the top level (\"case\", \"time\", \"status\", …)");
        history("a derived field",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"created_at\": \"opened_at\"\n"
                "}\n",
                "MAP: line 3, column 3: \"created_at\" cannot be mapped: a history import derives "
                "it from the changes");
        history("ticket_id",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"ticket_id\": \"number\"\n"
                "}\n",
                "MAP: line 3, column 3: unknown key \"ticket_id\": the case id's column is "
                "\"case\"");
        history("typo of a ticket field",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"case\": \"number\",\n"
                "  \"root_casue\": \"closed_code\"\n"
                "}\n",
                "MAP: line 4, column 3: unknown key \"root_casue\"; did you mean \"root_cause\"?");
        history("a field history cannot map",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"csat\": \"Satisfaction\"\n"
                "}\n",
                "MAP: line 3, column 3: unknown key \"csat\"; a history mapping has name, kind, "
                "case, time, status, tier, group, priority, channel, account_id, product_area, "
                "root_cause, reason_code, subject, description, assignee, resolution_type, "
                "resolution_notes, tags, waiting_statuses, resolved_statuses, closed_statuses, "
                "attributes, date_order and nulls");
        history("statuses without status",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"case\": \"number\",\n"
                "  \"time\": \"updated\",\n"
                "  \"tier\": \"level\",\n"
                "  \"waiting_statuses\": [\"Waiting\"]\n"
                "}\n",
                "MAP: line 6, column 3: \"waiting_statuses\" needs \"status\": the column the "
                "statuses are in");
        history("statuses not a list",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"status\": \"state\",\n"
                "  \"resolved_statuses\": \"Resolved\"\n"
                "}\n",
                "MAP: line 4, column 24: \"resolved_statuses\" must be a list of statuses ([\"…\", "
                "\"…\"]), not a string");
        history("no time", R"json({"kind": "history", "case": "number", "status": "state"})json",
                "MAP: line 1, column 1: the history mapping needs \"case\" and \"time\": the "
                "columns of the case id and of the change time");
        history("nothing to derive",
                R"json({"kind": "history", "case": "n", "time": "t", "priority": "p"})json",
                "MAP: line 1, column 1: the mapping names none of \"status\", \"tier\" and "
                "\"group\": there is nothing to derive");
        history("format of status",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"status\": { \"column\": \"state\", \"format\": \"iso\" }\n"
                "}\n",
                "MAP: line 3, column 34: \"format\" is for time fields; status is not one");
        // "attributes" (HistoryImporter.h): a list of column names or entry objects.
        history("attributes not a list",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"attributes\": \"Product\"\n"
                "}\n",
                "MAP: line 3, column 17: \"attributes\" must be a list of columns ([\"Product\", "
                "{\"column\": \"Country\", \"nulls\": [\"-\"]}]), not a string");
        history("an attribute that is a number",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"attributes\": [\"Product\", 42]\n"
                "}\n",
                "MAP: line 3, column 29: each item of \"attributes\" must be a column name or a "
                "column entry object, not a number");
        history("an attribute kept twice",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"attributes\": [\"Product\", \"product\"]\n"
                "}\n",
                "MAP: line 3, column 29: the column \"product\" is kept twice in \"attributes\" "
                "(also at line 3, column 18)");
        history("an attribute named as a derived one",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"attributes\": [\"First_Group\"]\n"
                "}\n",
                "MAP: line 3, column 18: the attribute name \"First_Group\" is taken: the import "
                "keeps the first group and support level under first_group and first_tier");
        history("a typo in an attribute entry",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"attributes\": [{ \"column\": \"Country\", \"value\": {} }]\n"
                "}\n",
                "MAP: line 3, column 41: unknown key \"value\"; did you mean \"values\"?");
        history("an attribute entry without a column",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"attributes\": [{ \"nulls\": [\"0\"] }]\n"
                "}\n",
                "MAP: line 3, column 18: an item of \"attributes\" names no column: give "
                "\"column\" or \"columns\"");
        // "patterns": regular expressions for the values "values" does not name.
        history("a pattern that is no regular expression",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"tier\": { \"column\": \"ST\", \"patterns\": [{ \"match\": \"(2nd\", "
                "\"value\": \"2\" }] }\n"
                "}\n",
                "MAP: line 3, column 53: \"(2nd\" is not a regular expression: missing closing "
                "parenthesis");
        history("a pattern without a value",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"tier\": { \"column\": \"ST\", \"patterns\": [{ \"match\": \"2nd$\" }] }\n"
                "}\n",
                "MAP: line 3, column 42: the pattern needs \"value\"");
        history("a typo in a pattern",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"tier\": { \"column\": \"ST\", \"patterns\": [{ \"macth\": \"2nd$\" }] }\n"
                "}\n",
                "MAP: line 3, column 44: unknown key \"macth\"; did you mean \"match\"?");
        history("patterns not a list",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"tier\": { \"column\": \"ST\", \"patterns\": { \"2nd$\": \"2\" } }\n"
                "}\n",
                "MAP: line 3, column 41: \"patterns\" must be a list of {\"match\", \"value\"} "
                "objects ([{\"match\": \" 2nd$\", \"value\": \"2\"}, …]), not an object");
        history("patterns of the change time",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"time\": { \"column\": \"t\", \"patterns\": [] }\n"
                "}\n",
                "MAP: line 3, column 28: unknown key \"patterns\"; a column entry has column, "
                "columns, format, values and nulls");
        tickets("patterns in a tickets mapping",
                "{\n"
                "  \"kind\": \"tickets\",\n"
                "  \"fields\": {\n"
                "    \"tier\": { \"column\": \"ST\", \"patterns\": [] }\n"
                "  }\n"
                "}\n",
                "MAP: line 4, column 31: unknown key \"patterns\"; a column entry has column, "
                "columns, values and nulls");
        history("per-field nulls not a list",
                "{\n"
                "  \"kind\": \"history\",\n"
                "  \"group\": { \"column\": \"g\", \"nulls\": \"?\" }\n"
                "}\n",
                "MAP: line 3, column 38: \"nulls\" must be a list of null tokens ([\"…\", \"…\"]), "
                "not a string");
    }

    void refusedMappingFiles() {
        QFETCH(QByteArray, content);
        QFETCH(bool, history);
        QFETCH(QString, expected);
        QCOMPARE(refusal(content, history), expected);
    }

    void aMappingFileReadInFull() {
        const QString path = writeFile(R"json({
  "name": "Helpdesk EN",
  "kind": "tickets",
  "date_order": "DMY",
  "nulls": ["?", "N/A"],
  "fields": {
    "ticket_id": "Key",
    "created_at": { "column": "Opened", "format": "dmy" },
    "group": { "column": "Team", "nulls": ["-"] },
    "tags": { "columns": ["Label", "Labels"], "nulls": [] }
  }
})json");
        const ColumnMapping mapping = readMappingFile(path);
        QCOMPARE(mapping.name, QStringLiteral("Helpdesk EN"));
        QCOMPARE(mapping.path, path);
        QCOMPARE(mapping.dateOrder, DateOrder::DayFirst);
        QCOMPARE(mapping.nulls, (QStringList{"?", "N/A"}));
        QCOMPARE(mapping.fields.size(), std::size_t{4});
        QCOMPARE(*mapping.sourceOf("created_at")->form, TimestampForm::SlashDayFirst);
        QCOMPARE(position(mapping.sourceOf("created_at")->at), QStringLiteral("8:31"));
        QCOMPARE(nullsOf(mapping.sourceOf("group"), mapping.nulls), QStringList{"-"});
        QCOMPARE(nullsOf(mapping.sourceOf("tags"), mapping.nulls), QStringList{});
        QCOMPARE(nullsOf(mapping.sourceOf("ticket_id"), mapping.nulls), (QStringList{"?", "N/A"}));
        QCOMPARE(nullsOf(nullptr, mapping.nulls), (QStringList{"?", "N/A"}));
        QCOMPARE(mapping.sourceOf("tags")->columns, (QStringList{"Label", "Labels"}));
    }

    void nullTokensMatchIgnoringCaseAndBlanks() {
        const NullTokens nulls(QStringList{"?", "N/A", " (none) ", "\u2014"});
        QVERIFY(nulls.matches("?"));
        QVERIFY(nulls.matches(" n/a\t"));
        QVERIFY(nulls.matches("(NONE)"));
        QVERIFY(nulls.matches("\xE2\x80\x94")); // an em dash
        QVERIFY(!nulls.matches("??"));
        QVERIFY(!nulls.matches("n/a/b"));
        QVERIFY(!nulls.matches(""));
        QVERIFY(!NullTokens().matches("?"));
        QCOMPARE(nulls.lowered(), (std::vector<std::string>{"(none)", "?", "n/a", "\xE2\x80\x94"}));
    }

    void aColumnTheFileLacksIsRefusedNamingTheMapping() {
        const QString csv = writeFile("Id,Opened at,created_at,Status\n"
                                      "1,2026-03-02 09:00,2026-03-02 09:00,New\n",
                                      QStringLiteral("export.csv"));
        struct Case {
            const char* fields;
            const char* expected;
        };
        // Each mapping's fields start on line 4 ("    " then the key in column 5).
        const Case cases[] = {
            // The canonical created_at column is there, but the mapping says "Opened".
            {"    \"ticket_id\": \"Id\",\n    \"created_at\": \"Opened\"\n",
             "MAP: line 5, column 19: the column \"Opened\" (created_at) is not in the header "
             "row of export.csv (line 1); did you mean \"Opened at\"?"},
            // The key column: no row of the file names it.
            {"    \"ticket_id\": \"Ticket\",\n    \"created_at\": \"Opened at\"\n",
             "MAP: line 4, column 18: the column \"Ticket\" (ticket_id) is not in the header "
             "row of export.csv (line 1)"},
            // An optional field.
            {"    \"ticket_id\": \"Id\",\n    \"tags\": { \"columns\": [\"Labels\", \"Tags\"] }\n",
             "MAP: line 5, column 26: none of the columns \"Labels\", \"Tags\" (tags) is in the "
             "header row of export.csv (line 1)"},
        };
        for (const Case& c : cases) {
            const QString path =
                writeFile(QByteArray("{\n  \"kind\": \"tickets\",\n  \"fields\": {\n") + c.fields +
                              "  }\n}\n",
                          QStringLiteral("map.json"));
            const ColumnMapping mapping = readMappingFile(path);
            auto workspace = freshWorkspace();
            try {
                importWith(*workspace, csv, mapping);
                QFAIL(c.expected);
            } catch (const ImportRefused& refused) {
                QCOMPARE(refused.message().replace(path, QStringLiteral("MAP")),
                         QString::fromUtf8(c.expected));
                QCOMPARE(refused.file(), path);
            }
            QCOMPARE(workspace->db().queryInt64("SELECT count(*) FROM import_batches"), 0);
            // The preview refuses it the same way.
            ImportOptions options;
            options.mapping = &mapping;
            QVERIFY_THROWS_EXCEPTION(
                ImportRefused, previewCsv(workspace->db(), csv, options, 10, QTimeZone::utc()));
        }
        // A preset still falls back to the canonical header: Zendesk's "Created at" is
        // missing, created_at is there.
        auto workspace = freshWorkspace();
        const ColumnMapping zendesk = *presetMapping(QStringLiteral("zendesk"));
        QCOMPARE(importWith(*workspace, csv, zendesk).inserted, 1);
    }

    void nullTokensReadAsEmpty() {
        const QString csv =
            writeFile("Key,Opened,Prio,Team,Label,Label,Closed,Note\n"
                      "T1,2026-03-02 09:00,?,?,vip,N/A,?,?\n"
                      "T2,2026-03-02 10:00,High,-,(none),billing,2026-03-03 10:00,\n"
                      "T3,2026-03-02 11:00, n/a ,Team A,,,n/a,\n");
        const QString map = writeFile(R"json({
  "kind": "tickets",
  "nulls": ["?", "N/A"],
  "fields": {
    "ticket_id": "Key",
    "created_at": "Opened",
    "closed_at": "Closed",
    "priority": "Prio",
    "group": { "column": "Team", "nulls": ["-"] },
    "tags": { "column": "Label", "nulls": ["(none)", "N/A"] }
  }
})json");
        const ColumnMapping mapping = readMappingFile(map);
        auto workspace = freshWorkspace();
        const ImportResult result = importWith(*workspace, csv, mapping);
        QCOMPARE(result.inserted, 3);
        QCOMPARE(result.rejected, 0); // "?" is no priority and no time to reject
        // T1: "?" is the mapping's null, but Team has its own list ("-"), so its "?"
        // stays; of the two Labels, N/A is dropped.
        QCOMPARE(field(*workspace, "T1", "priority"), QStringLiteral("NULL"));
        QCOMPARE(field(*workspace, "T1", "group_name"), QStringLiteral("?"));
        QCOMPARE(field(*workspace, "T1", "tags"), QStringLiteral("vip"));
        QCOMPARE(field(*workspace, "T1", "closed_at"), QStringLiteral("NULL"));
        // Unmapped columns are kept as written.
        QCOMPARE(field(*workspace, "T1", "attributes"), QStringLiteral("{\"Note\":\"?\"}"));
        // T2: "-" is Team's null, "(none)" a Label's; closed 2026-03-03 10:00 = 1772532000.
        QCOMPARE(field(*workspace, "T2", "priority"), QStringLiteral("High"));
        QCOMPARE(field(*workspace, "T2", "group_name"), QStringLiteral("NULL"));
        QCOMPARE(field(*workspace, "T2", "tags"), QStringLiteral("billing"));
        QCOMPARE(field(*workspace, "T2", "closed_at"), QStringLiteral("1772532000"));
        // T3: " n/a " ignoring case and blanks.
        QCOMPARE(field(*workspace, "T3", "priority"), QStringLiteral("NULL"));
        QCOMPARE(field(*workspace, "T3", "group_name"), QStringLiteral("Team A"));
        QCOMPARE(field(*workspace, "T3", "tags"), QStringLiteral("NULL"));
        QCOMPARE(field(*workspace, "T3", "closed_at"), QStringLiteral("NULL"));
        // The preview shows a null as empty, not as the token.
        ImportOptions options;
        options.mapping = &mapping;
        const ImportPreview preview =
            previewCsv(workspace->db(), csv, options, 10, QTimeZone::utc());
        const auto priority = preview.columns.indexOf(QStringLiteral("priority"));
        QVERIFY(priority >= 0);
        QCOMPARE(preview.rows[0].cells[priority], QString());
        QCOMPARE(preview.rows[1].cells[priority], QStringLiteral("High"));
    }

    void changingTheNullsReadsTheRowsAgain() {
        // The source hash of a row covers how its record was read: a mapping
        // whose nulls change must not count the rows with a null unchanged.
        const QString csv = writeFile("ticket_id,created_at,group,priority\n"
                                      "T1,2026-03-02 09:00,?,High\n"
                                      "T2,2026-03-02 10:00,Team A,High\n"
                                      "T3,2026-03-02 11:00,?,Low\n");
        const ColumnMapping plain = readMappingFile(
            writeFile(R"json({"kind": "tickets", "fields": {"ticket_id": "ticket_id"}})json"));
        const ColumnMapping withNulls = readMappingFile(writeFile(
            R"json({"kind": "tickets", "nulls": ["?"], "fields": {"ticket_id": "ticket_id"}})json"));
        auto workspace = freshWorkspace();
        QCOMPARE(importWith(*workspace, csv, plain).inserted, 3);
        QCOMPARE(field(*workspace, "T1", "group_name"), QStringLiteral("?"));
        ImportResult again = importWith(*workspace, csv, withNulls);
        QCOMPARE(again.updated, 2); // T1 and T3 lose their "?" group
        QCOMPARE(again.unchanged, 1);
        QCOMPARE(field(*workspace, "T1", "group_name"), QStringLiteral("NULL"));
        QCOMPARE(field(*workspace, "T3", "group_name"), QStringLiteral("NULL"));
        again = importWith(*workspace, csv, withNulls);
        QCOMPARE(again.unchanged, 3);
        QCOMPARE(again.updated, 0);
        again = importWith(*workspace, csv, plain);
        QCOMPARE(again.updated, 2);
        QCOMPARE(field(*workspace, "T3", "group_name"), QStringLiteral("?"));
    }
};

QTEST_GUILESS_MAIN(TestMappingFiles)
#include "tst_mapping_files.moc"
