#include "cli/CliSupport.h"

#include "metrics/DataEnd.h"

#include "text/InertText.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QStringDecoder>

#include <algorithm>
#include <cstdio>

namespace escdesk::cli {

namespace {

// A standard stream that shows every control character and bidi override
// of what is written to it as the visible mark (or, in JSON mode, escapes
// it): the bytes are decoded as UTF-8 (a character split across two writes
// is joined by the decoder), made inert, and written through at once.
class InertStream : public QIODevice {
public:
    explicit InertStream(FILE* file)
        : m_file(file) {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    ~InertStream() override {
        if (m_heldCarriageReturn) {
            put(QString(QChar(text::controlMark)));
        }
    }
    void setJson(bool json) { m_json = json; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override {
        const QByteArrayView bytes(data, size);
        if (!m_heldCarriageReturn && !m_midCharacter && isInertUtf8(bytes)) {
            // Nothing to decode or neutralise: most output (a JSON queue of
            // thousands of tickets, a few names in it not ASCII) is written
            // through as it is.
            putBytes(bytes);
            return size;
        }
        m_midCharacter = endsMidCharacter(bytes);
        QString text = m_decoder.decode(bytes);
        // A carriage return at the end waits for the next write: with the
        // line feed that may follow it, it is one line break.
        if (m_heldCarriageReturn) {
            text.prepend(QLatin1Char('\r'));
            m_heldCarriageReturn = false;
        }
        if (text.endsWith(QLatin1Char('\r'))) {
            text.chop(1);
            m_heldCarriageReturn = true;
        }
        put(m_json ? text::jsonEscapedControls(text) : text::inert(text));
        return size;
    }

private:
    // Whole, valid UTF-8 without a character that inert() or
    // jsonEscapedControls() would change (text::isNeutralisedControl): C0
    // controls but tab and line feed, DEL, the C1 controls (C2 80–C2 9F) and
    // the bidi controls U+202A–U+202E (E2 80 AA–AE) and U+2066–U+2069
    // (E2 81 A6–A9), looked for in the bytes. Decoding to UTF-16 and back
    // was a twentieth of a large at-risk queue's call.
    static bool isInertUtf8(QByteArrayView bytes) {
        if (!bytes.isValidUtf8()) {
            return false; // invalid, or ending inside a character: decoded
        }
        const auto byteAt = [&](qsizetype i) {
            return static_cast<unsigned char>(bytes[i]);
        };
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const unsigned char c = byteAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n') {
                    return false;
                }
            } else if (c == 0x7F) {
                return false;
            } else if (c == 0xC2 && byteAt(i + 1) <= 0x9F) { // valid: a continuation follows
                return false;
            } else if (c == 0xE2) {
                const unsigned char second = byteAt(i + 1);
                const unsigned char third = byteAt(i + 2);
                if ((second == 0x80 && third >= 0xAA && third <= 0xAE) ||
                    (second == 0x81 && third >= 0xA6 && third <= 0xA9)) {
                    return false;
                }
            }
        }
        return true;
    }

    // Whether the bytes end inside a UTF-8 sequence that the next write
    // completes: the decoder holds its first bytes until then.
    static bool endsMidCharacter(QByteArrayView bytes) {
        for (qsizetype back = 1; back <= std::min<qsizetype>(3, bytes.size()); ++back) {
            const auto c = static_cast<unsigned char>(bytes[bytes.size() - back]);
            if ((c & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for its lead
            }
            const qsizetype length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return length > back;
        }
        return false;
    }

    void put(const QString& text) { putBytes(text.toUtf8()); }

    void putBytes(QByteArrayView bytes) {
        std::fwrite(bytes.data(), 1, std::size_t(bytes.size()), m_file);
        std::fflush(m_file);
    }

    FILE* m_file;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    bool m_json = false;
    bool m_heldCarriageReturn = false;
    bool m_midCharacter = false;
};

InertStream& standardOutput() {
    static InertStream device(stdout);
    return device;
}

} // namespace

QTextStream& out() {
    static QTextStream stream(&standardOutput());
    return stream;
}

QTextStream& err() {
    static InertStream device(stderr);
    static QTextStream stream(&device);
    return stream;
}

QTextStream& progressLine() {
    static QTextStream stream(stderr);
    return stream;
}

void setJsonOutput(bool json) {
    out().flush();
    standardOutput().setJson(json);
}

void addDatabaseOption(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Workspace file (default: the per-user workspace)."),
                      QStringLiteral("FILE")});
}

void addPeriodOptions(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("First day of the period (YYYY-MM-DD)."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("Day after the period (YYYY-MM-DD, exclusive)."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("tz"), QStringLiteral("Reporting time zone (IANA name)."),
                      QStringLiteral("ZONE")});
}

void addJsonOption(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object on stdout.")});
}

void parseOrThrow(QCommandLineParser& parser, const QStringList& arguments) {
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        throw UsageProblem{parser.errorText()};
    }
    if (parser.optionNames().contains(QStringLiteral("json"))) {
        setJsonOutput(true);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the binary by its full path; users type "escdesk COMMAND".
        QString help = parser.helpText();
        help.replace(QCoreApplication::applicationFilePath(), arguments.first());
        out() << help;
        out().flush();
        std::exit(Success);
    }
}

void rejectPositionalArguments(const QCommandLineParser& parser) {
    if (!parser.positionalArguments().isEmpty()) {
        throw UsageProblem{
            QStringLiteral("Unexpected argument '%1'.").arg(parser.positionalArguments().first())};
    }
}

QString workspacePath(const QCommandLineParser& parser) {
    return parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                              : store::Workspace::defaultPath();
}

store::StoreError noWorkspaceAt(const QString& path) {
    return store::StoreError(store::StoreError::Kind::Missing,
                             QStringLiteral("No workspace at %1. Create one with 'escdesk import "
                                            "--db %1 FILE...' (your exports) or 'escdesk demo "
                                            "--db %1' (the demo data).")
                                 .arg(path));
}

std::unique_ptr<store::Workspace> openWorkspace(const QCommandLineParser& parser) {
    const QString path = workspacePath(parser);
    if (!QFileInfo(path).isFile()) {
        throw noWorkspaceAt(path);
    }
    return store::Workspace::openExisting(path);
}

std::unique_ptr<store::Workspace> openWorkspaceToWrite(const QCommandLineParser& parser) {
    bool created = false;
    auto workspace = store::Workspace::openForWriting(workspacePath(parser), &created);
    if (created) {
        err() << "Created workspace " << workspace->path() << '\n' << Qt::flush;
    }
    return workspace;
}

QTimeZone reportingZone(const QCommandLineParser& parser, store::Workspace& workspace) {
    if (!parser.isSet(QStringLiteral("tz"))) {
        return workspace.reportingTimeZone();
    }
    const QByteArray name = parser.value(QStringLiteral("tz")).toUtf8();
    if (!QTimeZone::isTimeZoneIdAvailable(name)) {
        throw UsageProblem{QStringLiteral("--tz: '%1' is not a known IANA time zone (for example "
                                          "Europe/Berlin or America/New_York).")
                               .arg(QString::fromUtf8(name))};
    }
    return QTimeZone(name);
}

namespace {

QDate dateOption(const QCommandLineParser& parser, const QString& name) {
    const QString text = parser.value(name);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid()) {
        throw UsageProblem{
            QStringLiteral("--%1: '%2' is not a date in the form YYYY-MM-DD.").arg(name, text)};
    }
    return date;
}

} // namespace

DateRange reportingDates(const QCommandLineParser& parser, store::Database& db,
                         const QTimeZone& zone, int defaultDays) {
    const bool fromSet = parser.isSet(QStringLiteral("from"));
    const bool toSet = parser.isSet(QStringLiteral("to"));
    const QDate today = QDateTime::currentDateTime().toTimeZone(zone).date();
    if (!fromSet && !toSet) {
        const metrics::ChosenPeriod chosen =
            metrics::lastDaysFollowingData(defaultDays, today, metrics::lastDataDay(db, zone));
        return {chosen.dates.first, chosen.dates.last.addDays(1), chosen.followsData,
                chosen.dataEnd};
    }
    const QDate to = toSet ? dateOption(parser, QStringLiteral("to")) : today.addDays(1);
    const QDate from =
        fromSet ? dateOption(parser, QStringLiteral("from")) : to.addDays(-defaultDays);
    if (from >= to) {
        throw UsageProblem{QStringLiteral("--from must be before --to (the period is half-open: "
                                          "--to is the day after the last day).")};
    }
    return {from, to, false, {}};
}

Window windowOf(const DateRange& dates, const QTimeZone& zone) {
    return windowOfLocalDates(dates.from, dates.to, zone);
}

QJsonObject periodJson(const DateRange& dates, const QTimeZone& zone) {
    QJsonObject json = periodJson(windowOf(dates, zone), zone);
    json.insert(QStringLiteral("follows_data"), dates.followsData);
    if (dates.followsData) {
        json.insert(QStringLiteral("data_ends"), dates.dataEnd.toString(Qt::ISODate));
    }
    return json;
}

QJsonObject periodJson(const Window& window, const QTimeZone& zone) {
    return QJsonObject{
        {QStringLiteral("from"), toDateTime(window.from, zone).date().toString(Qt::ISODate)},
        {QStringLiteral("to"), toDateTime(window.to, zone).date().toString(Qt::ISODate)},
        {QStringLiteral("tz"), QString::fromUtf8(zone.id())}};
}

void notePeriodFollowsData(const DateRange& dates) {
    if (!dates.followsData) {
        return;
    }
    out() << "Period: " << dates.from.toString(Qt::ISODate) << " to "
          << dates.to.addDays(-1).toString(Qt::ISODate) << ", the last "
          << dates.from.daysTo(dates.to) << " days of data (the newest ticket was created "
          << dates.dataEnd.toString(Qt::ISODate)
          << "; give --from and --to for another period)\n\n";
}

QString formatPercent(const std::optional<double>& rate) {
    return rate ? QStringLiteral("%1%").arg(*rate * 100.0, 0, 'f', 1) : QStringLiteral("—");
}

std::optional<qint64> positiveIntegerOption(const QCommandLineParser& parser, const QString& name) {
    if (!parser.isSet(name)) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value <= 0) {
        throw UsageProblem{QStringLiteral("--%1: '%2' is not a positive whole number.")
                               .arg(name, parser.value(name))};
    }
    return value;
}

} // namespace escdesk::cli
