#include "import/HistoryPreview.h"

#include "import/FieldValue.h"
#include "import/HistoryCases.h"
#include "import/Importer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>

namespace escdesk::import {

namespace {

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString shownTime(std::optional<UtcSeconds> time, const QTimeZone& zone) {
    return time ? QDateTime::fromSecsSinceEpoch(*time, zone)
                      .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                : QString();
}

bool isStored(store::Database& db, const std::string& ticketId) {
    store::Statement row = db.prepare("SELECT 1 FROM tickets WHERE ticket_id = ?");
    row.bind(1, std::string_view(ticketId));
    return row.step();
}

HistoryPreviewTicket previewTicket(const std::string& caseId, const history::Derived& d,
                                   const HistoryMapping& mapping,
                                   const std::vector<std::string>& attributeNames,
                                   const QTimeZone& zone) {
    HistoryPreviewTicket ticket;
    ticket.ticketId = qs(caseId);
    ticket.createdAt = shownTime(d.created, zone);
    ticket.resolvedAt = shownTime(d.resolvedAt, zone);
    ticket.closedAt = shownTime(d.closedAt, zone);
    ticket.startTier = d.startTier;
    ticket.tier = d.tier;
    ticket.status = qs(d.status);
    ticket.priority = qs(d.priority);
    ticket.group = qs(d.group);
    for (std::size_t i = 0; i < d.fields.size(); ++i) {
        if (!d.fields[i].empty()) {
            ticket.fields.emplace_back(mapping.ticketFields[i].field, qs(d.fields[i]));
        }
    }
    const QJsonObject attributes =
        QJsonDocument::fromJson(
            QByteArray::fromStdString(history::attributesJson(attributeNames, d)))
            .object();
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        ticket.attributes.emplace_back(it.key(), it.value().toString());
    }
    for (const history::DerivedEvent& e : history::mergedByIdentity(d.events)) {
        ticket.events.push_back(
            {shownTime(e.time, zone), qs(e.kind), e.fromTier, e.toTier, qs(e.note)});
    }
    return ticket;
}

std::vector<HistoryPreviewProblem> previewProblems(std::vector<history::Rejection> rejections) {
    std::stable_sort(rejections.begin(), rejections.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    std::vector<HistoryPreviewProblem> problems;
    problems.reserve(rejections.size());
    for (const history::Rejection& r : rejections) {
        problems.push_back({r.line, r.column, r.value, r.reason, r.warning});
    }
    return problems;
}

} // namespace

std::int64_t HistoryPreview::rejectedRows() const {
    return std::count_if(problems.begin(), problems.end(),
                         [](const HistoryPreviewProblem& p) { return !p.warning; });
}

std::int64_t HistoryPreview::warnings() const {
    return static_cast<std::int64_t>(problems.size()) - rejectedRows();
}

HistoryPreview previewHistoryCsv(store::Database& db, const QString& path,
                                 const HistoryMapping& mapping, const ImportOptions& options,
                                 int maxCases, const QTimeZone& displayZone) {
    history::HistoryChanges changes = history::readHistoryChanges(path, mapping, options);
    HistoryPreview preview;
    preview.file = path;
    preview.dialect = changes.dialect;
    preview.headerLine = changes.headerLine;
    preview.columns = changes.headerNames;
    preview.timeForm = changes.timeForm ? timestampFormName(*changes.timeForm) : QString();
    preview.rows = changes.rows;
    preview.cases = static_cast<std::int64_t>(changes.cases.size());
    const history::CaseDeriver deriver(mapping);
    for (auto& [caseId, caseChanges] : changes.cases) {
        if (static_cast<int>(preview.tickets.size()) >= maxCases) {
            break;
        }
        if (options.cancel && options.cancel->load()) {
            throw ImportCancelled{};
        }
        HistoryPreviewTicket ticket = previewTicket(caseId, deriver.derive(caseChanges), mapping,
                                                    changes.attributeNames, displayZone);
        ticket.changes = static_cast<std::int64_t>(caseChanges.size());
        ticket.inStore = isStored(db, caseId);
        preview.tickets.push_back(std::move(ticket));
    }
    preview.problems = previewProblems(std::move(changes.rejections));
    return preview;
}

// ---- Sampling a file and guessing its mapping ---------------------------------

namespace {

// The index of the header: the first record with the most common number of
// fields (a preamble line above it has fewer).
std::size_t headerIndex(const std::vector<std::vector<std::string>>& records) {
    std::map<std::size_t, int> sizes;
    for (const auto& record : records) {
        ++sizes[record.size()];
    }
    const auto common =
        std::max_element(sizes.begin(), sizes.end(), [](const auto& a, const auto& b) {
            return a.second < b.second;
        })->first;
    for (std::size_t i = 0; i < std::min<std::size_t>(records.size(), 10); ++i) {
        if (records[i].size() == common) {
            return i;
        }
    }
    return 0;
}

} // namespace

HistorySample sampleHistoryCsv(const QString& path, int maxRows, int maxValues) {
    const CsvSniff sniff = sniffImportFile(path);
    if (sniff.records.empty()) {
        throw ImportRefused(path, 0, {}, QStringLiteral("the file is empty"));
    }
    HistorySample sample;
    sample.file = path;
    const std::size_t header = headerIndex(sniff.records);
    sample.headerLine = sniff.recordLines[header];
    for (const std::string& cell : sniff.records[header]) {
        sample.columns << qs(trimBlanks(cell));
    }
    const auto columns = static_cast<std::size_t>(sample.columns.size());
    sample.values.resize(columns);
    std::vector<QSet<QString>> seen(columns);
    for (std::size_t r = header + 1; r < sniff.records.size() && sample.rows < maxRows; ++r) {
        const auto& record = sniff.records[r];
        ++sample.rows;
        for (std::size_t c = 0; c < std::min(columns, record.size()); ++c) {
            const QString value = qs(trimBlanks(record[c]));
            if (value.isEmpty() || seen[c].contains(value.toLower())) {
                continue;
            }
            seen[c].insert(value.toLower());
            if (sample.values[c].size() < maxValues) {
                sample.values[c] << value;
            }
        }
    }
    for (const QSet<QString>& distinct : seen) {
        sample.distinctCounts.push_back(distinct.size());
    }
    return sample;
}

namespace {

// The first column whose normalised name is one of `exact`, else the first
// that contains one of `parts` (tried in order), skipping `taken`.
int guessColumn(const QStringList& names, const QStringList& exact, const QStringList& parts,
                const std::vector<int>& taken) {
    const auto free = [&taken](int c) {
        return std::find(taken.begin(), taken.end(), c) == taken.end();
    };
    for (int c = 0; c < names.size(); ++c) {
        if (exact.contains(names[c]) && free(c)) {
            return c;
        }
    }
    for (const QString& part : parts) {
        for (int c = 0; c < names.size(); ++c) {
            if (names[c].contains(part) && free(c)) {
                return c;
            }
        }
    }
    return -1;
}

QStringList normalisedNames(const QStringList& columns) {
    QStringList names;
    for (const QString& column : columns) {
        names << QString::fromStdString(normalizedHeader(column.toStdString()));
    }
    return names;
}

int guessCaseColumn(const QStringList& names) {
    return guessColumn(names,
                       {QStringLiteral("case"), QStringLiteral("case_id"), QStringLiteral("number"),
                        QStringLiteral("ticket_id"), QStringLiteral("incident"),
                        QStringLiteral("issue_key"), QStringLiteral("key"), QStringLiteral("id")},
                       {QStringLiteral("case"), QStringLiteral("number"), QStringLiteral("ticket"),
                        QStringLiteral("_id")},
                       {});
}

int guessTimeColumn(const QStringList& names, int caseColumn) {
    // Not "sys_updated_by": who changed it.
    std::vector<int> notTimes{caseColumn};
    for (int c = 0; c < names.size(); ++c) {
        if (names[c].endsWith(QLatin1String("_by"))) {
            notTimes.push_back(c);
        }
    }
    return guessColumn(names, {},
                       {QStringLiteral("change"), QStringLiteral("updated"),
                        QStringLiteral("modified"), QStringLiteral("timestamp"),
                        QStringLiteral("time"), QStringLiteral("date")},
                       notTimes);
}

// Support levels written "1st", "2nd line": the one digit 1 to 4 they hold.
std::map<std::string, std::string> tierValues(const QStringList& values) {
    std::map<std::string, std::string> mapped;
    for (const QString& value : values) {
        if (parseTier(value.toStdString())) {
            continue;
        }
        QString digits = value;
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
        if (digits.size() == 1 && digits[0] >= QLatin1Char('1') && digits[0] <= QLatin1Char('4')) {
            mapped.emplace(value.toLower().toStdString(), digits.toStdString());
        }
    }
    return mapped;
}

QStringList statusesContaining(const QStringList& statuses, const QStringList& words,
                               const QStringList& unless = {}) {
    QStringList found;
    for (const QString& status : statuses) {
        const QString lower = status.toLower();
        const auto has = [&lower](const QString& word) {
            return lower.contains(word);
        };
        if (std::any_of(words.begin(), words.end(), has) &&
            std::none_of(unless.begin(), unless.end(), has)) {
            found << status;
        }
    }
    return found;
}

void suggestStatusLists(HistoryMapping& mapping, const QStringList& statuses) {
    mapping.waitingStatuses = statusesContaining(
        statuses, {QStringLiteral("wait"), QStringLiteral("pending"), QStringLiteral("on hold")});
    mapping.closedStatuses = statusesContaining(statuses, {QStringLiteral("closed")});
    mapping.resolvedStatuses =
        statusesContaining(statuses, {QStringLiteral("resolved"), QStringLiteral("solved")},
                           {QStringLiteral("unresolved")});
}

} // namespace

HistoryMapping suggestHistoryMapping(const HistorySample& sample) {
    const QStringList names = normalisedNames(sample.columns);
    HistoryMapping mapping;
    const auto source = [&sample](const QString& field, int column) {
        FieldSource s;
        s.field = field;
        if (column >= 0) {
            s.columns << sample.columns[column];
        }
        return s;
    };
    const int caseColumn = guessCaseColumn(names);
    const int timeColumn = guessTimeColumn(names, caseColumn);
    mapping.caseId = source(QStringLiteral("case"), caseColumn);
    mapping.time = source(QStringLiteral("time"), timeColumn);
    std::vector<int> taken{caseColumn, timeColumn};
    const auto role = [&](const QString& field, const QStringList& exact,
                          const QStringList& parts) -> std::optional<FieldSource> {
        const int column = guessColumn(names, exact, parts, taken);
        if (column < 0) {
            return std::nullopt;
        }
        taken.push_back(column);
        return source(field, column);
    };
    mapping.status = role(QStringLiteral("status"), {QStringLiteral("status")},
                          {QStringLiteral("status"), QStringLiteral("state")});
    mapping.tier =
        role(QStringLiteral("tier"), {QStringLiteral("tier")},
             {QStringLiteral("support_level"), QStringLiteral("level"), QStringLiteral("tier")});
    mapping.group =
        role(QStringLiteral("group"), {QStringLiteral("group")},
             {QStringLiteral("group"), QStringLiteral("team"), QStringLiteral("queue")});
    mapping.priority = role(QStringLiteral("priority"), {QStringLiteral("priority")},
                            {QStringLiteral("priority"), QStringLiteral("impact"),
                             QStringLiteral("severity"), QStringLiteral("urgency")});
    for (const QString& field : historyTicketFields()) {
        if (auto entry = role(field, {field}, {})) {
            mapping.ticketFields.push_back(std::move(*entry));
        }
    }
    const auto valuesOf = [&sample](const std::optional<FieldSource>& s) {
        return s ? sample.values[static_cast<std::size_t>(sample.columns.indexOf(s->columns[0]))]
                 : QStringList();
    };
    if (mapping.tier) {
        mapping.tier->values = tierValues(valuesOf(mapping.tier));
    }
    suggestStatusLists(mapping, valuesOf(mapping.status));
    return mapping;
}

bool looksLikeChangeLog(const HistorySample& sample) {
    const QStringList names = normalisedNames(sample.columns);
    const int caseColumn = guessCaseColumn(names);
    if (caseColumn < 0 || guessTimeColumn(names, caseColumn) < 0 || sample.rows < 2) {
        return false;
    }
    const std::int64_t repeats =
        sample.rows - sample.distinctCounts[static_cast<std::size_t>(caseColumn)];
    return repeats * 3 >= sample.rows;
}

} // namespace escdesk::import
