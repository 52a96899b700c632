// The matrix exchange file: byte-identical round trip, refusal of bad files
// with the line and the reason.

#include "matrix/MatrixFile.h"

#include <QTest>

using namespace escdesk;
using namespace escdesk::matrix;

namespace {

// The defaults plus everything the defaults do not exercise: every holiday
// kind, split days, a closing at 24:00, opening times with seconds.
Matrix richMatrix() {
    Matrix matrix = defaultMatrix(QStringLiteral("America/New_York"));
    sla::BusinessCalendar& business = matrix.calendars[0];
    business.week[0] = {{8 * 3600, 12 * 3600}, {13 * 3600 + 30 * 60 + 15, 24 * 3600}};
    sla::Holiday date;
    date.kind = sla::Holiday::Kind::Date;
    date.name = QStringLiteral("Company day");
    date.date = QDate(2026, 12, 31);
    sla::Holiday christmas;
    christmas.kind = sla::Holiday::Kind::Yearly;
    christmas.name = QStringLiteral("Christmas");
    christmas.date = QDate();
    christmas.month = 12;
    christmas.day = 25;
    sla::Holiday thanksgiving;
    thanksgiving.kind = sla::Holiday::Kind::NthWeekday;
    thanksgiving.name = QStringLiteral("Thanksgiving");
    thanksgiving.date = QDate();
    thanksgiving.nth = 4;
    thanksgiving.weekday = 4;
    thanksgiving.month = 11;
    sla::Holiday memorial;
    memorial.kind = sla::Holiday::Kind::LastWeekday;
    memorial.name = QStringLiteral("Memorial Day");
    memorial.date = QDate();
    memorial.weekday = 1;
    memorial.month = 5;
    business.holidays = {date, christmas, thanksgiving, memorial};
    matrix.cost.agentCostPerHour = 37.5;
    matrix.tiers[0].name = QStringLiteral("Tier 1 — «Frontline» \"quoted\"");
    return matrix;
}

// Replaces the first occurrence only.
QByteArray replaced(QByteArray text, const char* from, const char* to) {
    const qsizetype at = text.indexOf(from);
    Q_ASSERT(at >= 0);
    return text.replace(at, qstrlen(from), to);
}

int lineContaining(const QByteArray& text, const char* needle) {
    return static_cast<int>(text.left(text.indexOf(needle)).count('\n')) + 1;
}

} // namespace

class TestMatrixFile : public QObject {
    Q_OBJECT

private slots:
    void exportImportExportIsByteIdentical() {
        const QByteArray first = writeMatrixFile(richMatrix());
        const MatrixFileReading reading = readMatrixFile(first);
        QVERIFY(reading.ok());
        QVERIFY(reading.problems.empty());
        QCOMPARE(*reading.matrix, richMatrix());
        QCOMPARE(writeMatrixFile(*reading.matrix), first);
    }

    void fileIsReadable() {
        const QByteArray text = writeMatrixFile(richMatrix());
        // Indented, one value per line, versioned, times as HH:MM.
        QVERIFY(text.contains("\"format\": \"escalation-desk-matrix\""));
        QVERIFY(text.contains("\"schema_version\": 3"));
        QVERIFY(text.contains("\"08:00-12:00\""));
        QVERIFY(text.contains("\"13:30:15-24:00\""));
        QVERIFY(text.contains("\"rule\": \"fourth Thursday of November\""));
        QVERIFY(text.count('\n') > 300);
    }

    void brokenJsonGivesLineAndColumn() {
        // Drop the comma after the first tier's "backup" value.
        QByteArray text = writeMatrixFile(defaultMatrix(QStringLiteral("UTC")));
        const int line = lineContaining(text, "\"backup\": \"Frontline shift lead\",");
        text = replaced(text, "\"backup\": \"Frontline shift lead\",",
                        "\"backup\": \"Frontline shift lead\"");
        const MatrixFileReading reading = readMatrixFile(text);
        QVERIFY(!reading.ok());
        QCOMPARE(reading.problems.size(), size_t(1));
        // The parser notices at the next key, one line further down.
        QCOMPARE(reading.problems[0].line, line + 1);
        QVERIFY(reading.problems[0].column > 0);
        QVERIFY(reading.problems[0].message.startsWith(QLatin1String("not valid JSON")));
    }

    void wrongTypeNamesPathAndLine() {
        QByteArray text = writeMatrixFile(defaultMatrix(QStringLiteral("UTC")));
        const int line = lineContaining(text, "\"claim_min\": 15,");
        text = replaced(text, "\"claim_min\": 15,", "\"claim_min\": \"fifteen\",");
        const MatrixFileReading reading = readMatrixFile(text);
        QVERIFY(!reading.ok());
        QCOMPARE(reading.problems.size(), size_t(1));
        QCOMPARE(reading.problems[0].line, line);
        QCOMPARE(reading.problems[0].path, QStringLiteral("sla_policies[0].claim_min"));
        QCOMPARE(reading.problems[0].message,
                 QStringLiteral("sla_policies[0].claim_min: \"claim_min\" must be a number"));
    }

    // A number beyond a whole number's range (found by fuzz_matrix_file: it
    // was cast regardless, undefined behaviour) is a problem of its own.
    void aHugeNumberIsOutOfRange() {
        QByteArray text = writeMatrixFile(defaultMatrix(QStringLiteral("UTC")));
        const int line = lineContaining(text, "\"claim_min\": 15,");
        text = replaced(text, "\"claim_min\": 15,", "\"claim_min\": 2.4e95,");
        const MatrixFileReading reading = readMatrixFile(text);
        QVERIFY(!reading.ok());
        QCOMPARE(reading.problems.size(), size_t(1));
        QCOMPARE(reading.problems[0].line, line);
        QCOMPARE(reading.problems[0].message,
                 QStringLiteral("sla_policies[0].claim_min: \"claim_min\" is out of range "
                                "(-2147483648 to 2147483647)"));
    }

    void invalidMatrixIsRefusedWithTheValidationMessage() {
        QByteArray text = writeMatrixFile(defaultMatrix(QStringLiteral("UTC")));
        // The first policy (Enterprise × Critical) gets a zero resolution target.
        const int line = lineContaining(text, "\"resolution_min\": 120");
        text = replaced(text, "\"resolution_min\": 120", "\"resolution_min\": 0");
        const MatrixFileReading reading = readMatrixFile(text);
        QVERIFY(!reading.ok());
        QCOMPARE(reading.problems.size(), size_t(1));
        QVERIFY(reading.problems[0].error);
        QCOMPARE(reading.problems[0].line, line);
        QCOMPARE(reading.problems[0].message,
                 QStringLiteral("SLA policies › Enterprise × Critical: The resolution target of "
                                "Enterprise × Critical is 0 minutes; it must be a positive number "
                                "of minutes."));
    }

    void foreignAndNewerFilesAreRefused() {
        const MatrixFileReading foreign = readMatrixFile(R"({"tickets": []})");
        QVERIFY(!foreign.ok());
        QVERIFY(foreign.problems[0].message.startsWith(
            QLatin1String("not an Escalation Desk matrix file")));
        QByteArray newer = writeMatrixFile(defaultMatrix(QStringLiteral("UTC")));
        newer = replaced(newer, "\"schema_version\": 3", "\"schema_version\": 7");
        const MatrixFileReading reading = readMatrixFile(newer);
        QVERIFY(!reading.ok());
        QVERIFY(reading.problems[0].message.contains(QLatin1String("newer Escalation Desk")));
        QCOMPARE(reading.problems[0].line, lineContaining(newer, "\"schema_version\""));
        QVERIFY(!readMatrixFile("[1, 2]").ok());
    }

    void theMeasuredFieldsRoundTrip() {
        Matrix matrix = defaultMatrix(QStringLiteral("UTC"));
        using Op = ConditionOperator;
        matrix.rules.insert(
            matrix.rules.begin(),
            {QStringLiteral("Stalled, unhappy, renewing"),
             {{QStringLiteral("minutes_without_progress"), Op::AtLeast, QStringLiteral("15")},
              {QStringLiteral("sentiment"), Op::AtMost, QStringLiteral("30")},
              {QStringLiteral("renewal_days"), Op::Within, QStringLiteral("30")},
              {QStringLiteral("users_affected"), Op::AtLeast, QStringLiteral("50")},
              {QStringLiteral("attr:region_code"), Op::Equals, QStringLiteral("EU")}},
             QStringLiteral("High"),
             2,
             QStringLiteral("Escalate to Tier 2")});
        const QByteArray text = writeMatrixFile(matrix);
        QVERIFY(text.contains("\"operator\": \"within\""));
        const MatrixFileReading reading = readMatrixFile(text);
        QVERIFY(reading.ok());
        QVERIFY(reading.problems.empty());
        QCOMPARE(*reading.matrix, matrix);
    }

    void aVersionTwoFileIsUpgraded() {
        // Version 2 read a field that is no rule field from the tickets'
        // extra columns; version 3 spells that "attr:NAME". Everything else
        // of the file reads as written.
        Matrix matrix = defaultMatrix(QStringLiteral("UTC"));
        matrix.rules[2].conditions[0].field = QStringLiteral("vip_flag"); // "VIP account"
        QByteArray text = writeMatrixFile(matrix);
        text = replaced(text, "\"schema_version\": 3", "\"schema_version\": 2");
        text = replaced(text, "\"field\": \"attr:vip_flag\"", "\"field\": \"vip_flag\"");
        const MatrixFileReading reading = readMatrixFile(text);
        QVERIFY(reading.ok());
        QVERIFY(reading.problems.empty()); // no "not a standard field" warning any more
        matrix.rules[2].conditions[0].field = QStringLiteral("attr:vip_flag");
        QCOMPARE(*reading.matrix, matrix);
        // Written again, it is a version-3 file.
        QVERIFY(writeMatrixFile(*reading.matrix).contains("\"schema_version\": 3"));
    }

    void anUnknownFieldInAVersionThreeFileIsNamedWithLineAndColumn() {
        // A misspelt field in the first rule's first condition. The file is
        // indented by four per level: root members 4, rules 8, a rule's
        // members 12, conditions 16, a condition's members 20 spaces; then
        // "field" (7 characters) and ": " (2): the value opens at column
        // 20 + 7 + 2 + 1 = 30.
        QByteArray text = writeMatrixFile(defaultMatrix(QStringLiteral("UTC")));
        text = replaced(text, "\"field\": \"text\"", "\"field\": \"minutes_without_progres\"");
        const int line = lineContaining(text, "\"minutes_without_progres\"");
        const MatrixFileReading reading = readMatrixFile(text);
        QVERIFY(!reading.ok());
        QVERIFY(!reading.matrix);
        QCOMPARE(reading.problems.size(), size_t(1));
        QCOMPARE(reading.problems[0].line, line);
        QCOMPARE(reading.problems[0].column, 30);
        QCOMPARE(reading.problems[0].path, QStringLiteral("severity_rules[0].conditions[0].field"));
        QVERIFY2(reading.problems[0].message.startsWith(QLatin1String(
                     "severity_rules[0].conditions[0].field: unknown field "
                     "\"minutes_without_progres\"; use a rule field (account_tier, ")),
                 qPrintable(reading.problems[0].message));
        QVERIFY(reading.problems[0].message.endsWith(
            QLatin1String("or attr:NAME for an extra column of the tickets file")));
    }

    void aMeasuredFieldTakesANumericOperator() {
        QByteArray text = writeMatrixFile(defaultMatrix(QStringLiteral("UTC")));
        text = replaced(text, "\"field\": \"text\"", "\"field\": \"sentiment\"");
        const MatrixFileReading reading = readMatrixFile(text);
        QVERIFY(!reading.ok());
        QCOMPARE(reading.problems[0].path,
                 QStringLiteral("severity_rules[0].conditions[0].operator"));
        QVERIFY2(reading.problems[0].message.contains(
                     QLatin1String("tests sentiment with matches_any_keyword; it is a measured "
                                   "number: use at_least, at_most or within.")),
                 qPrintable(reading.problems[0].message));
    }

    void badOpeningHoursAreNamed() {
        QByteArray text = writeMatrixFile(defaultMatrix(QStringLiteral("UTC")));
        text = replaced(text, "\"09:00-17:00\"", "\"9 to 5\"");
        const MatrixFileReading reading = readMatrixFile(text);
        QVERIFY(!reading.ok());
        // Days are listed Monday first.
        QCOMPARE(reading.problems[0].path, QStringLiteral("calendars[0].hours[0].open[0]"));
        QCOMPARE(reading.problems[0].line, lineContaining(text, "\"9 to 5\""));
    }
};

QTEST_GUILESS_MAIN(TestMatrixFile)
#include "tst_matrix_file.moc"
