#include "import/Timestamp.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace escdesk::import {

namespace {

// A cursor over the characters of one value.
class Scanner {
public:
    explicit Scanner(std::string_view text)
        : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    bool accept(char c) {
        if (peek() == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    // Reads between `minDigits` and `maxDigits` digits.
    bool number(int minDigits, int maxDigits, int& value) {
        value = 0;
        int digits = 0;
        while (digits < maxDigits && !atEnd() && std::isdigit(static_cast<unsigned char>(peek()))) {
            value = value * 10 + (peek() - '0');
            ++m_pos;
            ++digits;
        }
        return digits >= minDigits;
    }
    void skipSpaces() {
        while (peek() == ' ') {
            ++m_pos;
        }
    }
    // Case-insensitive ASCII word.
    bool acceptWord(std::string_view word) {
        if (m_text.size() - m_pos < word.size()) {
            return false;
        }
        for (std::size_t i = 0; i < word.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(m_text[m_pos + i])) != word[i]) {
                return false;
            }
        }
        m_pos += word.size();
        return true;
    }
    void skipFraction() {
        if (peek() == '.' || peek() == ',') {
            ++m_pos;
            while (std::isdigit(static_cast<unsigned char>(peek()))) {
                ++m_pos;
            }
        }
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

struct Fields {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::optional<int> offsetSeconds;
};

bool isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

bool inRange(const Fields& f) {
    return f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= daysInMonth(f.year, f.month) &&
           f.hour >= 0 && f.hour <= 23 && f.minute >= 0 && f.minute <= 59 && f.second >= 0 &&
           f.second <= 59;
}

// HH:MM[:SS[.fff]] with an optional AM/PM; absent entirely means midnight.
bool readTime(Scanner& in, Fields& f, bool allowMeridiem) {
    if (in.atEnd()) {
        return true;
    }
    if (!in.number(1, 2, f.hour) || !in.accept(':') || !in.number(2, 2, f.minute)) {
        return false;
    }
    if (in.accept(':')) {
        if (!in.number(2, 2, f.second)) {
            return false;
        }
        in.skipFraction();
    }
    if (allowMeridiem) {
        in.skipSpaces();
        const bool am = in.acceptWord("am");
        const bool pm = !am && in.acceptWord("pm");
        if (am || pm) {
            if (f.hour < 1 || f.hour > 12) {
                f.hour = 99; // out of range
            } else {
                f.hour = (f.hour % 12) + (pm ? 12 : 0);
            }
        }
    }
    return true;
}

// Z, ±HH, ±HHMM or ±HH:MM.
bool readOffset(Scanner& in, Fields& f) {
    in.skipSpaces();
    if (in.atEnd()) {
        return true;
    }
    if (in.accept('Z') || in.accept('z')) {
        f.offsetSeconds = 0;
        return true;
    }
    int sign = 0;
    if (in.accept('+')) {
        sign = 1;
    } else if (in.accept('-')) {
        sign = -1;
    } else {
        return false;
    }
    int hours = 0;
    int minutes = 0;
    if (!in.number(2, 2, hours)) {
        return false;
    }
    in.accept(':');
    if (!in.atEnd() && !in.number(2, 2, minutes)) {
        return false;
    }
    if (hours > 18 || minutes > 59) {
        return false;
    }
    f.offsetSeconds = sign * (hours * 3600 + minutes * 60);
    return true;
}

bool readIso(Scanner& in, Fields& f) {
    if (!in.number(4, 4, f.year) || !in.accept('-') || !in.number(2, 2, f.month) ||
        !in.accept('-') || !in.number(2, 2, f.day)) {
        return false;
    }
    if (in.atEnd()) {
        return true;
    }
    if (!in.accept('T') && !in.accept('t') && !in.accept(' ')) {
        return false;
    }
    return readTime(in, f, false) && readOffset(in, f);
}

int fullYear(int year, bool twoDigits) {
    if (!twoDigits) {
        return year;
    }
    return year < 70 ? 2000 + year : 1900 + year;
}

// A/B/YYYY or A.B.YYYY then an optional time.
bool readNumericDate(Scanner& in, char separator, int& first, int& second, Fields& f) {
    if (!in.number(1, 2, first) || !in.accept(separator) || !in.number(1, 2, second) ||
        !in.accept(separator)) {
        return false;
    }
    Scanner probe = in;
    int year = 0;
    if (!in.number(2, 4, year)) {
        return false;
    }
    int yearDigits = 0;
    while (!probe.atEnd() && std::isdigit(static_cast<unsigned char>(probe.peek()))) {
        int ignored = 0;
        probe.number(1, 1, ignored);
        ++yearDigits;
    }
    if (yearDigits != 2 && yearDigits != 4) {
        return false;
    }
    f.year = fullYear(year, yearDigits == 2);
    if (in.atEnd()) {
        return true;
    }
    if (!in.accept(' ')) {
        return false;
    }
    in.skipSpaces();
    return readTime(in, f, true);
}

bool readJira(Scanner& in, Fields& f) {
    static constexpr std::array<std::string_view, 12> months{
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (!in.number(1, 2, f.day) || !in.accept('/')) {
        return false;
    }
    f.month = 0;
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (in.acceptWord(months[i])) {
            f.month = static_cast<int>(i) + 1;
            break;
        }
    }
    if (f.month == 0 || !in.accept('/')) {
        return false;
    }
    Scanner probe = in;
    int year = 0;
    if (!in.number(2, 4, year)) {
        return false;
    }
    int yearDigits = 0;
    while (std::isdigit(static_cast<unsigned char>(probe.peek()))) {
        int ignored = 0;
        probe.number(1, 1, ignored);
        ++yearDigits;
    }
    if (yearDigits != 2 && yearDigits != 4) {
        return false;
    }
    f.year = fullYear(year, yearDigits == 2);
    if (in.atEnd()) {
        return true;
    }
    if (!in.accept(' ')) {
        return false;
    }
    in.skipSpaces();
    return readTime(in, f, true);
}

bool readEpoch(std::string_view value, std::int64_t& number) {
    if (value.empty() || value.size() > 16) {
        return false;
    }
    number = 0;
    for (const char c : value) {
        if (c < '0' || c > '9') {
            return false;
        }
        number = number * 10 + (c - '0');
    }
    return true;
}

std::string_view trimmed(std::string_view value) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
        value.remove_prefix(1);
    }
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
        value.remove_suffix(1);
    }
    return value;
}

} // namespace

std::int64_t daysFromCivil(int year, int month, int day) {
    // Howard Hinnant's days_from_civil.
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(month + (month > 2 ? -3 : 9)) + 2) / 5 +
                         static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

QString timestampFormName(TimestampForm form) {
    switch (form) {
    case TimestampForm::Iso8601:
        return QStringLiteral("ISO 8601 (YYYY-MM-DD HH:MM:SS)");
    case TimestampForm::SlashMonthFirst:
        return QStringLiteral("MM/DD/YYYY HH:MM");
    case TimestampForm::SlashDayFirst:
        return QStringLiteral("DD/MM/YYYY HH:MM");
    case TimestampForm::Dotted:
        return QStringLiteral("DD.MM.YYYY HH:MM");
    case TimestampForm::Jira:
        return QStringLiteral("DD/Mon/YY H:MM AM");
    case TimestampForm::EpochSeconds:
        return QStringLiteral("epoch seconds");
    case TimestampForm::EpochMillis:
        return QStringLiteral("epoch milliseconds");
    }
    return {};
}

std::optional<ParsedTimestamp> parseTimestamp(std::string_view rawValue, TimestampForm form,
                                              TimestampProblem& problem) {
    const std::string_view value = trimmed(rawValue);
    problem = TimestampProblem::NotInForm;
    if (form == TimestampForm::EpochSeconds || form == TimestampForm::EpochMillis) {
        std::int64_t number = 0;
        if (!readEpoch(value, number)) {
            // Only digits, but more than any clock has: out of range, not
            // of another form.
            if (!value.empty() && std::all_of(value.begin(), value.end(),
                                              [](char c) { return c >= '0' && c <= '9'; })) {
                problem = TimestampProblem::OutOfRange;
            }
            return std::nullopt;
        }
        const std::int64_t seconds = form == TimestampForm::EpochMillis ? number / 1000 : number;
        // Up to the end of 9999.
        if (seconds > 253402300799) {
            problem = TimestampProblem::OutOfRange;
            return std::nullopt;
        }
        problem = TimestampProblem::None;
        return ParsedTimestamp{seconds, false};
    }
    Scanner in(value);
    Fields f;
    bool read = false;
    switch (form) {
    case TimestampForm::Iso8601:
        read = readIso(in, f);
        break;
    case TimestampForm::SlashMonthFirst:
        read = readNumericDate(in, '/', f.month, f.day, f);
        break;
    case TimestampForm::SlashDayFirst:
        read = readNumericDate(in, '/', f.day, f.month, f);
        break;
    case TimestampForm::Dotted:
        read = readNumericDate(in, '.', f.day, f.month, f);
        break;
    case TimestampForm::Jira:
        read = readJira(in, f);
        break;
    case TimestampForm::EpochSeconds:
    case TimestampForm::EpochMillis:
        break;
    }
    if (!read || !in.atEnd()) {
        return std::nullopt;
    }
    if (!inRange(f)) {
        problem = TimestampProblem::OutOfRange;
        return std::nullopt;
    }
    const std::int64_t local =
        daysFromCivil(f.year, f.month, f.day) * 86400 + f.hour * 3600 + f.minute * 60 + f.second;
    problem = TimestampProblem::None;
    if (f.offsetSeconds) {
        return ParsedTimestamp{local - *f.offsetSeconds, false};
    }
    return ParsedTimestamp{local, true};
}

void TimestampFormDetector::add(std::string_view rawValue) {
    const std::string_view value = trimmed(rawValue);
    if (value.empty()) {
        return;
    }
    ++m_values;
    TimestampProblem problem;
    std::int64_t number = 0;
    if (readEpoch(value, number) && value.size() >= 9) {
        ++m_epoch;
        if (m_epoch == 1) {
            // Milliseconds from 1973 on have 12+ digits; seconds that large
            // would be past the year 5000.
            m_epochMillis = value.size() >= 12;
        }
        return;
    }
    if (parseTimestamp(value, TimestampForm::Iso8601, problem) ||
        problem == TimestampProblem::OutOfRange) {
        ++m_iso;
        return;
    }
    if (parseTimestamp(value, TimestampForm::Jira, problem) ||
        problem == TimestampProblem::OutOfRange) {
        ++m_jira;
        return;
    }
    if (parseTimestamp(value, TimestampForm::Dotted, problem) ||
        problem == TimestampProblem::OutOfRange) {
        ++m_dotted;
        return;
    }
    const auto monthFirst = parseTimestamp(value, TimestampForm::SlashMonthFirst, problem);
    const bool monthFirstShape = monthFirst || problem == TimestampProblem::OutOfRange;
    const auto dayFirst = parseTimestamp(value, TimestampForm::SlashDayFirst, problem);
    const bool dayFirstShape = dayFirst || problem == TimestampProblem::OutOfRange;
    if (monthFirstShape || dayFirstShape) {
        ++m_slash;
        // Only a part above 12 tells the order: 22/11 is day first.
        if (monthFirst && !dayFirst) {
            m_secondAbove12 = true;
        } else if (dayFirst && !monthFirst) {
            m_firstAbove12 = true;
        }
    }
}

bool TimestampFormDetector::needsDateOrder() const {
    const int best = std::max({m_iso, m_slash, m_dotted, m_jira, m_epoch});
    return best > 0 && best == m_slash && !m_firstAbove12 && !m_secondAbove12;
}

std::optional<TimestampForm> TimestampFormDetector::form(DateOrder told, bool& ambiguous) const {
    ambiguous = false;
    const int best = std::max({m_iso, m_slash, m_dotted, m_jira, m_epoch});
    if (best == 0) {
        return std::nullopt;
    }
    if (best == m_iso) {
        return TimestampForm::Iso8601;
    }
    if (best == m_epoch) {
        return m_epochMillis ? TimestampForm::EpochMillis : TimestampForm::EpochSeconds;
    }
    if (best == m_jira) {
        return TimestampForm::Jira;
    }
    if (best == m_dotted) {
        return TimestampForm::Dotted;
    }
    if (told == DateOrder::DayFirst) {
        return TimestampForm::SlashDayFirst;
    }
    if (told == DateOrder::MonthFirst) {
        return TimestampForm::SlashMonthFirst;
    }
    if (m_firstAbove12 && !m_secondAbove12) {
        return TimestampForm::SlashDayFirst;
    }
    if (m_secondAbove12 && !m_firstAbove12) {
        return TimestampForm::SlashMonthFirst;
    }
    ambiguous = true;
    return std::nullopt;
}

SourceTimeZone::SourceTimeZone(const QTimeZone& zone)
    : m_zone(zone)
    , m_isUtc(zone == QTimeZone::utc() || zone.id() == "UTC" || zone.id() == "Etc/UTC") {}

int SourceTimeZone::offsetAt(UtcSeconds instant) const {
    return m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(instant, QTimeZone::utc()));
}

SourceTimeZone::Resolution SourceTimeZone::resolve(std::int64_t local) const {
    // The offsets in force a day before and a day after bracket any single
    // transition near this local time.
    const int before = offsetAt(local - 86400);
    const int after = offsetAt(local + 86400);
    const UtcSeconds withBefore = local - before;
    const UtcSeconds withAfter = local - after;
    const bool beforeFits = offsetAt(withBefore) == before;
    const bool afterFits = offsetAt(withAfter) == after;
    if (beforeFits && afterFits) {
        // Same offset (the usual case), or an overlap: the first occurrence.
        return {std::min(withBefore, withAfter), before == after};
    }
    if (beforeFits) {
        return {withBefore, true};
    }
    if (afterFits) {
        return {withAfter, true};
    }
    // In a gap: read with the offset before the transition, which moves the
    // wall-clock time forward by the gap.
    return {withBefore, false};
}

UtcSeconds SourceTimeZone::toUtc(std::int64_t local) {
    if (m_isUtc) {
        return local;
    }
    const std::int64_t hour = local >= 0 ? local / 3600 : (local - 3599) / 3600;
    if (const auto cached = m_hourOffsets.find(hour); cached != m_hourOffsets.end()) {
        return local - cached->second;
    }
    const Resolution resolution = resolve(local);
    // Cache the hour only when its whole span resolves cleanly to one offset.
    const Resolution start = resolve(hour * 3600);
    const Resolution end = resolve(hour * 3600 + 3599);
    if (start.clean && end.clean && hour * 3600 - start.utc == hour * 3600 + 3599 - end.utc &&
        m_hourOffsets.size() < 100000) {
        m_hourOffsets.emplace(hour, static_cast<int>(hour * 3600 - start.utc));
    }
    return resolution.utc;
}

} // namespace escdesk::import
