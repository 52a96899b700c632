// The importer's pure stages without a store: the row converter (one CSV
// record to the layout's values and problems), the duplicate rule, and the
// guard that ties the source hash's format version to the conversion rules.
// Expected values are worked out by hand: 2026-03-02 is day 20514 after
// 1970-01-01 (56 years with 14 leap days, then 59 + 1 days), so
// 2026-03-02T09:00:00Z is 20514 × 86400 + 9 × 3600 = 1772442000, and
// 10:00 in Berlin (CET, +01:00 in March) is that same instant.

#include "import/DuplicateRows.h"
#include "import/HeaderMapping.h"
#include "import/RecordHash.h"
#include "import/RowConverter.h"

#include <QTest>

#include <map>
#include <string>
#include <vector>

using namespace escdesk::import;

namespace {

constexpr std::int64_t nineUtc = 1772442000; // 2026-03-02T09:00:00Z

// A mapping that fixes every timestamp column's form, so that no file is
// read to detect it.
ColumnMapping fixedForms(ImportKind kind, TimestampForm form) {
    ColumnMapping mapping;
    mapping.name = QStringLiteral("test");
    mapping.kind = kind;
    for (const ColumnSpec& spec : layoutOf(kind).columns) {
        if (spec.type == FieldType::Timestamp) {
            const QString name =
                QString::fromUtf8(spec.header.data(), static_cast<qsizetype>(spec.header.size()));
            FieldSource source;
            source.field = name;
            source.columns = {name};
            source.form = form;
            mapping.fields.push_back(source);
        }
    }
    return mapping;
}

// A record whose fields refer to `cells`.
CsvRecord recordOf(const std::vector<std::string>& cells, std::int64_t line = 2) {
    CsvRecord record;
    record.line = line;
    for (const std::string& cell : cells) {
        record.fields.emplace_back(cell);
    }
    return record;
}

// One file's header stage and converter, without a file or a store.
struct Conversion {
    Conversion(ImportKind kind, const std::vector<std::string>& header,
               ConversionContext context = {}, ColumnMapping columnMapping = {})
        : kind(kind)
        , mapping(columnMapping.fields.empty() ? fixedForms(kind, TimestampForm::Iso8601)
                                               : std::move(columnMapping))
        , headerMapping(layoutOf(kind), &mapping, QStringLiteral("test.csv")) {
        headerMapping.map(header, 1);
        headerMapping.detectTimestampForms({}, DateOrder::Unknown, nullptr);
        context.kind = kind;
        if (context.farFuture == 0) {
            context.farFuture = nineUtc + 10 * 365 * 86400;
        }
        converter.emplace(headerMapping, std::move(context));
    }
    // Both stages, as the importer runs them: false when rejected.
    bool read(const std::vector<std::string>& cells) {
        cells_ = cells;
        const CsvRecord record = recordOf(cells_);
        return converter->checkStructure(record) && converter->convert(record);
    }
    const Value& value(std::string_view column) const {
        return converter->values()[columnIndex(kind, column)];
    }
    const std::vector<RowProblem>& problems() { return converter->problems(); }

    ImportKind kind;
    ColumnMapping mapping;
    HeaderMapping headerMapping;
    std::optional<RowConverter> converter;
    std::vector<std::string> cells_; // the record's text lives here
};

const std::vector<std::string> ticketHeader{"ticket_id",       "created_at", "resolved_at",
                                            "priority",        "tier",       "escalated",
                                            "handle_time_min", "Region"};

ConversionContext inBerlin() {
    ConversionContext context;
    context.sourceZone = QTimeZone("Europe/Berlin");
    return context;
}

// The values and the verdict of a converted row as text, for the golden
// table: what a stored row holds, and whether it is stored at all.
std::string describe(bool kept, const std::vector<Value>& values) {
    std::string out = kept ? "kept" : "rejected";
    if (!kept) {
        return out;
    }
    for (const Value& value : values) {
        switch (value.kind) {
        case Value::Kind::Null:
            out += "|-";
            break;
        case Value::Kind::Integer:
            out += "|i" + std::to_string(value.integer);
            break;
        case Value::Kind::Real:
            out += "|r" + QString::number(value.real, 'g', 17).toStdString();
            break;
        case Value::Kind::Text:
            out += "|t" + std::string(value.text);
            break;
        }
    }
    return out;
}

void addLayout(SeedHash& hash, ImportKind kind) {
    const Layout& layout = layoutOf(kind);
    hash.add(layout.table).add(std::uint64_t(layout.keyCount));
    for (const ColumnSpec& spec : layout.columns) {
        hash.add(spec.header).add(spec.column);
        hash.add(std::uint64_t(spec.type)).add(std::uint64_t(spec.required));
    }
}

} // namespace

class TestRowConverter : public QObject {
    Q_OBJECT

private slots:
    void convertsTypedValues() {
        Conversion c(ImportKind::Tickets, ticketHeader, inBerlin());
        QVERIFY(c.read({"T-1", "2026-03-02 10:00", "2026-03-02 12:30", "Urgent", "L2", "yes",
                        "12.5", "EMEA"}));
        QVERIFY(c.problems().empty());
        QCOMPARE(c.value("ticket_id").text, "T-1");
        QCOMPARE(c.value("created_at").integer, nineUtc);
        QCOMPARE(c.value("resolved_at").integer, nineUtc + 2 * 3600 + 30 * 60);
        QCOMPARE(c.value("priority").text, "Critical");
        QCOMPARE(c.value("tier").integer, 2);
        QCOMPARE(c.value("escalated").integer, 1);
        QCOMPARE(c.value("handle_time_min").real, 12.5);
        QCOMPARE(c.value("attributes").text, R"({"Region":"EMEA"})");
        QCOMPARE(c.value("status").kind, Value::Kind::Null); // not in the file
    }

    void aTimeBeforeCreationIsStoredEmptyWithAWarning() {
        Conversion c(ImportKind::Tickets, ticketHeader, inBerlin());
        QVERIFY(c.read({"T-1", "2026-03-02 10:00", "2026-03-02 08:00", "", "", "", "", ""}));
        QCOMPARE(c.value("resolved_at").kind, Value::Kind::Null);
        QCOMPARE(c.problems().size(), 1U);
        QVERIFY(c.problems()[0].warning);
        QCOMPARE(c.problems()[0].column, QStringLiteral("resolved_at"));
        QCOMPARE(c.problems()[0].reason,
                 QStringLiteral("resolved_at (2026-03-02T07:00:00Z) is before created_at "
                                "(2026-03-02T09:00:00Z); stored as empty"));
    }

    void anUnreadableOptionalValueIsAWarning() {
        Conversion c(ImportKind::Tickets, ticketHeader);
        QVERIFY(c.read({"T-1", "2026-03-02 09:00", "", "", "T9", "maybe", "", ""}));
        QCOMPARE(c.value("tier").kind, Value::Kind::Null);
        QCOMPARE(c.value("escalated").kind, Value::Kind::Null);
        QCOMPARE(c.problems().size(), 2U);
        QVERIFY(c.problems()[0].warning && c.problems()[1].warning);
        QCOMPARE(c.problems()[0].reason,
                 QStringLiteral("'T9' is not a tier (1 to 4, or T1, L2, Tier 3)"));
        QCOMPARE(c.problems()[1].reason,
                 QStringLiteral("'maybe' is not true/false, yes/no or 1/0"));
    }

    void anEmptyOrUnreadableRequiredValueRejects() {
        Conversion c(ImportKind::Tickets, ticketHeader);
        QVERIFY(!c.read({"T-1", " ", "", "", "", "", "", ""}));
        QCOMPARE(c.problems().size(), 1U);
        QVERIFY(!c.problems()[0].warning);
        QCOMPARE(c.problems()[0].reason, QStringLiteral("created_at is empty"));
        QVERIFY(!c.read({"T-1", "1969-12-31 23:59", "", "", "", "", "", ""}));
        QCOMPARE(c.problems()[0].reason, QStringLiteral("'1969-12-31 23:59' is before 1970"));
    }

    void aRaggedRowIsRejectedBeforeConversion() {
        Conversion c(ImportKind::Tickets, ticketHeader);
        QVERIFY(!c.read({"T-1", "2026-03-02 09:00", "x"}));
        QCOMPARE(c.problems().size(), 1U);
        QCOMPARE(c.problems()[0].column, QString());
        QCOMPARE(c.problems()[0].reason,
                 QStringLiteral("the row has 3 fields; the header row has 8"));
        // Empty cells past the header's are harmless; a value there is not.
        QVERIFY(c.read({"T-1", "2026-03-02 09:00", "", "", "", "", "", "", "", " "}));
        QVERIFY(!c.read({"T-1", "2026-03-02 09:00", "", "", "", "", "", "", "x"}));
    }

    void aNulByteRejectsTheRow() {
        Conversion c(ImportKind::Tickets, ticketHeader);
        QVERIFY(!c.read({"T-1", "2026-03-02 09:00", "", "", "", "", "", std::string("ab\0cd", 5)}));
        QCOMPARE(c.problems()[0].column, QStringLiteral("Region"));
        QCOMPARE(c.problems()[0].value, "ab");
        QVERIFY(c.problems()[0].reason.startsWith(
            QStringLiteral("the value holds a NUL byte after 'ab'")));
    }

    void damagedUtf8RejectsOnlyInADamagedFile() {
        const std::string bad = "M\xFCller";
        ConversionContext damaged;
        damaged.damagedUtf8 = true;
        Conversion c(ImportKind::Tickets, ticketHeader, damaged);
        QVERIFY(!c.read({"T-1", "2026-03-02 09:00", "", "", "", "", "", bad}));
        QCOMPARE(c.problems()[0].column, QStringLiteral("Region"));
        Conversion clean(ImportKind::Tickets, ticketHeader);
        QVERIFY(clean.read({"T-1", "2026-03-02 09:00", "", "", "", "", "", bad}));
    }

    void aFarFutureTimeIsKeptWithAWarning() {
        ConversionContext context;
        context.farFuture = nineUtc - 1;
        Conversion c(ImportKind::Tickets, ticketHeader, context);
        QVERIFY(c.read({"T-1", "2026-03-02 09:00", "", "", "", "", "", ""}));
        QCOMPARE(c.value("created_at").integer, nineUtc);
        QCOMPARE(c.problems().size(), 1U);
        QVERIFY(c.problems()[0].warning);
        QCOMPARE(c.problems()[0].reason,
                 QStringLiteral("'2026-03-02 09:00' is more than a year after the import; kept "
                                "as it is"));
    }

    void eventsFindTheirTicketAndMustChangeTier() {
        ConversionContext context;
        context.ticketRowOf = [](std::string_view id) -> std::optional<std::int64_t> {
            return id == "T-1" ? std::optional<std::int64_t>(7) : std::nullopt;
        };
        Conversion c(ImportKind::Events,
                     {"ticket_id", "occurred_at", "event", "from_tier", "to_tier"}, context);
        QVERIFY(c.read({" T-1 ", "2026-03-02 09:00", "Escalated", "1", "2"}));
        QCOMPARE(c.value("ticket").integer, 7);
        QCOMPARE(c.value("event").text, "escalated");
        QVERIFY(!c.read({"T-1", "2026-03-02 09:00", "escalated", "2", "2"}));
        QCOMPARE(c.problems()[0].column, QStringLiteral("to_tier"));
        QCOMPARE(c.problems()[0].reason,
                 QStringLiteral("escalated from tier 2 to tier 2: an escalation goes up a tier "
                                "and a bounce goes down one"));
        QVERIFY(!c.read({"T-404", "2026-03-02 09:00", "claimed", "", ""}));
        QCOMPARE(c.problems()[0].reason,
                 QStringLiteral("no ticket T-404 in the workspace: import its ticket first"));
    }

    void theSupersededEscalationSourceIsToldOnce() {
        QVERIFY(supersededEscalationSource(ImportKind::Tickets, true, {false, false}).isEmpty());
        QVERIFY(supersededEscalationSource(ImportKind::Tickets, false, {true, false}).isEmpty());
        QVERIFY(supersededEscalationSource(ImportKind::Events, false, {true, true}).isEmpty());
        QVERIFY(!supersededEscalationSource(ImportKind::Events, false, {false, true}).isEmpty());
        ConversionContext context;
        context.supersededSource =
            supersededEscalationSource(ImportKind::Tickets, true, {true, false});
        QVERIFY(!context.supersededSource.isEmpty());
        Conversion c(ImportKind::Tickets, ticketHeader, context);
        QVERIFY(mapsEscalationColumns(ImportKind::Tickets, c.headerMapping));
        QVERIFY(c.read({"T-1", "2026-03-02 09:00", "", "", "", "", "", ""}));
        QVERIFY(c.problems().empty()); // says nothing about escalation
        QVERIFY(c.read({"T-2", "2026-03-02 09:00", "", "", "", "no", "", ""}));
        QCOMPARE(c.problems().size(), 1U);
        QCOMPARE(c.problems()[0].column, QStringLiteral("escalated"));
        QVERIFY(c.problems()[0].warning);
        QVERIFY(c.read({"T-3", "2026-03-02 09:00", "", "", "", "yes", "", ""}));
        QVERIFY(c.problems().empty());
    }

    void nullTokensValueMapsAndJoinedColumns() {
        ColumnMapping mapping = fixedForms(ImportKind::Tickets, TimestampForm::Iso8601);
        mapping.nulls = {QStringLiteral("-")};
        FieldSource priority;
        priority.field = QStringLiteral("priority");
        priority.columns = {QStringLiteral("Prio")};
        priority.values = {{"dringend", "Critical"}};
        mapping.fields.push_back(priority);
        FieldSource tags;
        tags.field = QStringLiteral("tags");
        tags.columns = {QStringLiteral("Label")};
        mapping.fields.push_back(tags);
        Conversion c(ImportKind::Tickets,
                     {"ticket_id", "created_at", "Prio", "group", "Label", "Label"}, {}, mapping);
        QVERIFY(c.read({"T-1", "2026-03-02 09:00", " Dringend ", " - ", "a", "b"}));
        QVERIFY(c.problems().empty());
        QCOMPARE(c.value("priority").text, "Critical");
        QCOMPARE(c.value("group_name").kind, Value::Kind::Null);
        QCOMPARE(c.value("tags").text, "a, b");
        QVERIFY(c.read({"T-2", "2026-03-02 09:00", "-", "", "-", "c"}));
        QCOMPARE(c.value("priority").kind, Value::Kind::Null);
        QCOMPARE(c.value("tags").text, "c");
    }

    void oneDuplicateRuleForBothOutputs() {
        const Layout& tickets = layoutOf(ImportKind::Tickets);
        RepeatedRowsInMemory seen(tickets);
        std::vector<Value> row(tickets.columns.size());
        row[0] = Value::ofText("T-1");
        QVERIFY(!seen.repeatOf(row, 2));
        row[5] = Value::ofText("Open");
        QCOMPARE(seen.repeatOf(row, 5), std::optional<std::int64_t>(2));
        QCOMPARE(seen.repeatOf(row, 6), std::optional<std::int64_t>(2)); // even as a twin
        const RowProblem problem = repeatProblem(tickets, row, 2);
        QCOMPARE(problem.column, QStringLiteral("ticket_id"));
        QCOMPARE(problem.value, "T-1");
        QCOMPARE(
            problem.reason,
            QStringLiteral("duplicate ticket_id T-1: the same id is on line 2, which is kept"));

        const Layout& events = layoutOf(ImportKind::Events);
        RepeatedRowsInMemory seenEvents(events);
        std::vector<Value> event{Value::ofInteger(7),
                                 Value::ofInteger(nineUtc),
                                 Value::ofText("escalated"),
                                 Value::ofInteger(1),
                                 Value::ofInteger(2),
                                 Value::ofText("ann"),
                                 {},
                                 {},
                                 {}};
        QVERIFY(!seenEvents.repeatOf(event, 2));
        QVERIFY(!seenEvents.repeatOf(event, 3)); // the same row again: harmless
        event[5] = Value::ofText("bob");
        QCOMPARE(seenEvents.repeatOf(event, 4), std::optional<std::int64_t>(2));
        QVERIFY(isHarmlessRepeat(events, true));
        QVERIFY(!isHarmlessRepeat(events, false));
        QVERIFY(!isHarmlessRepeat(tickets, true));
        QCOMPARE(repeatProblem(events, event, 2).reason,
                 QStringLiteral("duplicate event: line 2 has the same ticket, time, event and "
                                "tiers with other details, and is kept"));
        QCOMPARE(repeatProblem(events, event, 2).column, QStringLiteral("event"));
    }

    // The source hash of a stored ticket stands for the record and how it
    // was read (HeaderMapping::readingSalt()), under conversionRulesVersion:
    // a re-import counts a record unchanged by its hash alone, so a rule that
    // converts a record differently must change the version, or rows stored
    // under the old rule would never be converted again. This golden table
    // passes every field type and row check through the converter; what the
    // rows store (and whether they are stored) is fingerprinted, together
    // with the layouts' column definitions. Reasons are not: rewording a
    // message changes no stored row.
    //
    // When this fails, a rule changed: bump conversionRulesVersion in
    // core/import/RowConverter.h and add the new fingerprint below under the
    // new version (keep the old lines).
    void conversionRulesAreVersioned() {
        static const std::map<std::uint64_t, QString> fingerprintOfVersion{
            {1, QStringLiteral("854fad4e67631589")},
        };
        SeedHash hash;
        for (const ImportKind kind : {ImportKind::Tickets, ImportKind::Events, ImportKind::Accounts,
                                      ImportKind::KnownIssues}) {
            addLayout(hash, kind);
        }
        std::string table;
        const auto add = [&](Conversion& c, const std::vector<std::string>& cells) {
            const bool kept = c.read(cells);
            table += describe(kept, c.converter->values()) + "\n";
        };
        {
            Conversion c(ImportKind::Tickets,
                         {"ticket_id", "created_at", "first_response_at", "resolved_at",
                          "closed_at", "escalated_at", "priority", "tier", "escalated",
                          "handle_time_min", "csat", "start_tier", "subject", "B", "A"},
                         inBerlin());
            for (const auto& cells : std::vector<std::vector<std::string>>{
                     {"T-1", "2026-03-02 10:00", "2026-03-02T09:30:00Z", "2026-03-29 02:30",
                      "2026-10-25 02:30", "2026-03-02 08:00", "P1", "Tier 3", "Y", "1e2", "4.50",
                      "l1", " padded ", "b", "a"},
                     {"T-2", "2026-03-02T10:00:00.250+01:00", "", "2026-03-02 09:59", "", "",
                      "Sev2", "T4", "false", "-0", ".5", "Level 2", "", "", "x\"y\n"},
                     {"T-3", "2026-03-02", "x", "", "", "", "Normal", "5", "t", "12,5", "NaN", "",
                      "", "", ""},
                     {"T-4", "1970-01-01 00:59", "", "", "", "", "Lowest", "0", "1", "inf", "", "",
                      "", "", ""},
                     {"T-5", "2026-02-30 10:00", "", "", "", "", "", "", "", "", "", "", "", "",
                      ""},
                 }) {
                add(c, cells);
            }
        }
        {
            ConversionContext context;
            context.ticketRowOf = [](std::string_view id) -> std::optional<std::int64_t> {
                return id == "T-1" ? std::optional<std::int64_t>(7) : std::nullopt;
            };
            Conversion c(ImportKind::Events,
                         {"ticket_id", "occurred_at", "event", "from_tier", "to_tier", "note"},
                         context);
            for (const auto& cells : std::vector<std::vector<std::string>>{
                     {"T-1", "2026-03-02 09:00", "ESCALATED", "1", "2", "n"},
                     {"T-1", "2026-03-02 09:00", "bounced", "2", "1", ""},
                     {"T-1", "2026-03-02 09:00", "bounced", "1", "2", ""},
                     {"T-1", "2026-03-02 09:00", "info_requested", "", "", ""},
                     {"T-1", "2026-03-02 09:00", "escalation", "", "", ""},
                     {"T-2", "2026-03-02 09:00", "claimed", "", "", ""},
                 }) {
                add(c, cells);
            }
        }
        {
            Conversion c(ImportKind::Accounts,
                         {"account_id", "arr", "timezone", "renewal_date", "tier"});
            for (const auto& cells : std::vector<std::vector<std::string>>{
                     {"A-1", "1200000.75", " Europe/Berlin ", "2026-02-28", "Gold"},
                     {"A-2", "12k", "Mars/Olympus", "2026-02-29", ""},
                     {"A-3", "", "UTC", "2028-02-29", ""},
                 }) {
                add(c, cells);
            }
        }
        {
            Conversion c(ImportKind::KnownIssues, {"issue_id", "title", "status"});
            add(c, {"K-1", "Login fails", "open"});
            add(c, {"K-2", " ", "open"});
        }
        for (const auto& [form, text] : std::vector<std::pair<TimestampForm, std::string>>{
                 {TimestampForm::SlashMonthFirst, "11/22/2026 3:04 PM"},
                 {TimestampForm::SlashDayFirst, "22/11/2026 15:04"},
                 {TimestampForm::Dotted, "22.11.2026 15:04"},
                 {TimestampForm::Jira, "22/Nov/26 3:04 PM"},
                 {TimestampForm::EpochSeconds, "1795446245"},
                 {TimestampForm::EpochMillis, "1795446245000"},
                 {TimestampForm::DashMonthFirst, "11-22-2026 3:04 PM"},
                 {TimestampForm::DashDayFirst, "22-11-2026 15:04"},
                 {TimestampForm::YearFirst, "2026/11/22 15:04"},
                 {TimestampForm::DayMonthName, "Sun, 22 Nov 2026 15:04"},
                 {TimestampForm::MonthNameFirst, "Nov 22, 2026 3:04 PM"},
             }) {
            Conversion c(ImportKind::Tickets, {"ticket_id", "created_at"}, {},
                         fixedForms(ImportKind::Tickets, form));
            add(c, {"T-1", text});
        }
        hash.add(table);
        const QString fingerprint = QString::number(hash.value(), 16);
        const auto expected = fingerprintOfVersion.find(conversionRulesVersion);
        QVERIFY2(expected != fingerprintOfVersion.end(),
                 qPrintable(QStringLiteral("no fingerprint for conversionRulesVersion %1: add "
                                           "{%1, \"%2\"}")
                                .arg(conversionRulesVersion)
                                .arg(fingerprint)));
        QVERIFY2(fingerprint == expected->second,
                 qPrintable(QStringLiteral("the conversion rules changed (fingerprint %1, version "
                                           "%2 has %3): bump conversionRulesVersion in "
                                           "core/import/RowConverter.h and add {%4, \"%1\"} here. "
                                           "The golden rows now convert to:\n%5")
                                .arg(fingerprint)
                                .arg(conversionRulesVersion)
                                .arg(expected->second)
                                .arg(conversionRulesVersion + 1)
                                .arg(QString::fromStdString(table))));
        // The seed of every source hash starts with the version.
        QCOMPARE(sourceHashFormat & 0xFF, conversionRulesVersion);
    }
};

QTEST_APPLESS_MAIN(TestRowConverter)
#include "tst_row_converter.moc"
