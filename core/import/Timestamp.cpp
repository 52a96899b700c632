#include "import/Timestamp.h"

#include <QDateTime>

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
    bool atLetter() const { return std::isalpha(static_cast<unsigned char>(peek())) != 0; }
    int skipDigits() {
        int digits = 0;
        while (std::isdigit(static_cast<unsigned char>(peek()))) {
            ++m_pos;
            ++digits;
        }
        return digits;
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

// A year of exactly two or four digits (26 is 2026, 71 is 1971).
bool readYear(Scanner& in, Fields& f) {
    Scanner probe = in;
    int year = 0;
    if (!in.number(2, 4, year)) {
        return false;
    }
    const int digits = probe.skipDigits();
    if (digits != 2 && digits != 4) {
        return false;
    }
    f.year = fullYear(year, digits == 2);
    return true;
}

// What may follow a date: nothing, or spaces (after a comma where `comma`)
// and a time with an optional AM/PM.
bool readTimeAfterDate(Scanner& in, Fields& f, bool comma) {
    if (in.atEnd()) {
        return true;
    }
    const bool sawComma = comma && in.accept(',');
    if (!in.accept(' ') && !sawComma) {
        return false;
    }
    in.skipSpaces();
    return readTime(in, f, true);
}

// A/B/YYYY, A-B-YYYY or A.B.YYYY then an optional time.
bool readNumericDate(Scanner& in, char separator, int& first, int& second, Fields& f) {
    if (!in.number(1, 2, first) || !in.accept(separator) || !in.number(1, 2, second) ||
        !in.accept(separator) || !readYear(in, f)) {
        return false;
    }
    return readTimeAfterDate(in, f, false);
}

// YYYY/MM/DD or YYYY.MM.DD (a trailing dot allowed, as in 2026.11.22.) then
// an optional time.
bool readYearFirst(Scanner& in, Fields& f) {
    if (!in.number(4, 4, f.year)) {
        return false;
    }
    const char separator = in.peek();
    if ((separator != '/' && separator != '.') || !in.accept(separator) ||
        !in.number(1, 2, f.month) || !in.accept(separator) || !in.number(1, 2, f.day)) {
        return false;
    }
    if (separator == '.') {
        in.accept('.');
    }
    return readTimeAfterDate(in, f, false);
}

constexpr std::array<std::string_view, 12> monthAbbreviations{
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 12> monthNames{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// An English month name, full (November), short (Nov) or Sept; a dot may
// follow the short form where `dot`.
bool readMonthName(Scanner& in, int& month, bool dot) {
    month = 0;
    for (std::size_t i = 0; i < monthNames.size() && month == 0; ++i) {
        if (in.acceptWord(monthNames[i])) {
            month = static_cast<int>(i) + 1;
        }
    }
    if (month == 0 && in.acceptWord("sept")) {
        month = 9;
    }
    for (std::size_t i = 0; i < monthAbbreviations.size() && month == 0; ++i) {
        if (in.acceptWord(monthAbbreviations[i])) {
            month = static_cast<int>(i) + 1;
        }
    }
    if (month == 0 || in.atLetter()) {
        return false;
    }
    if (dot) {
        in.accept('.');
    }
    return true;
}

// An optional English weekday before a date: "Sun, ", "Sunday ".
void skipWeekday(Scanner& in) {
    static constexpr std::array<std::string_view, 14> weekdays{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon",    "tue",     "wed",       "thu",      "fri",    "sat",      "sun"};
    for (const std::string_view weekday : weekdays) {
        Scanner probe = in;
        if (probe.acceptWord(weekday) && !probe.atLetter()) {
            probe.accept(',');
            if (probe.peek() == ' ') {
                probe.skipSpaces();
                in = probe;
            }
            return;
        }
    }
}

// Jira's default 22/Nov/26 3:04 PM: day, short month, two- or four-digit
// year, separated by slashes.
bool readJira(Scanner& in, Fields& f) {
    if (!in.number(1, 2, f.day) || !in.accept('/')) {
        return false;
    }
    f.month = 0;
    for (std::size_t i = 0; i < monthAbbreviations.size(); ++i) {
        if (in.acceptWord(monthAbbreviations[i])) {
            f.month = static_cast<int>(i) + 1;
            break;
        }
    }
    if (f.month == 0 || !in.accept('/') || !readYear(in, f)) {
        return false;
    }
    return readTimeAfterDate(in, f, false);
}

// Day, month name, year with one separator ('/', '-', '.' or spaces):
// 22/Nov/26, 22-Nov-2026, 22 November 2026, Sun, 22 Nov 2026 15:04.
bool readDayMonthName(Scanner& in, Fields& f) {
    skipWeekday(in);
    if (!in.number(1, 2, f.day)) {
        return false;
    }
    const char separator = in.peek();
    if (separator != '/' && separator != '-' && separator != '.' && separator != ' ') {
        return false;
    }
    in.accept(separator);
    if (separator == ' ') {
        in.skipSpaces();
    }
    if (!readMonthName(in, f.month, separator == ' ') || !in.accept(separator)) {
        return false;
    }
    if (separator == ' ') {
        in.skipSpaces();
    }
    return readYear(in, f) && readTimeAfterDate(in, f, true);
}

// Month name, day, year: Nov 22, 2026 3:04 PM, Nov/22/26 3:04 PM,
// November 22 2026, Nov-22-2026.
bool readMonthNameFirst(Scanner& in, Fields& f) {
    skipWeekday(in);
    if (!readMonthName(in, f.month, true)) {
        return false;
    }
    const char separator = in.peek();
    if (separator != '/' && separator != '-' && separator != ' ') {
        return false;
    }
    in.accept(separator);
    if (separator == ' ') {
        in.skipSpaces();
    }
    if (!in.number(1, 2, f.day)) {
        return false;
    }
    if (separator == ' ') {
        const bool comma = in.accept(',');
        if (!comma && in.peek() != ' ') {
            return false;
        }
        in.skipSpaces();
    } else if (!in.accept(separator)) {
        return false;
    }
    return readYear(in, f) && readTimeAfterDate(in, f, true);
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

UtcSeconds farFutureFromNow() {
    return QDateTime::currentSecsSinceEpoch() + 365 * 86400;
}

QString farFutureReason(std::string_view text) {
    return QStringLiteral("'%1' is more than a year after the import; kept as it is")
        .arg(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
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
    case TimestampForm::DashMonthFirst:
        return QStringLiteral("MM-DD-YYYY HH:MM");
    case TimestampForm::DashDayFirst:
        return QStringLiteral("DD-MM-YYYY HH:MM");
    case TimestampForm::YearFirst:
        return QStringLiteral("YYYY/MM/DD HH:MM");
    case TimestampForm::DayMonthName:
        return QStringLiteral("DD Mon YYYY HH:MM");
    case TimestampForm::MonthNameFirst:
        return QStringLiteral("Mon DD, YYYY H:MM AM");
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
    case TimestampForm::DashMonthFirst:
        read = readNumericDate(in, '-', f.month, f.day, f);
        break;
    case TimestampForm::DashDayFirst:
        read = readNumericDate(in, '-', f.day, f.month, f);
        break;
    case TimestampForm::YearFirst:
        read = readYearFirst(in, f);
        break;
    case TimestampForm::DayMonthName:
        read = readDayMonthName(in, f);
        break;
    case TimestampForm::MonthNameFirst:
        read = readMonthNameFirst(in, f);
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

namespace {

// True when `value` has the shape of `form`, even if it names a date that
// does not exist (31/04): such a value still tells the column's form.
bool fitsForm(std::string_view value, TimestampForm form) {
    TimestampProblem problem;
    return parseTimestamp(value, form, problem).has_value() ||
           problem == TimestampProblem::OutOfRange;
}

} // namespace

bool TimestampFormDetector::NumericDates::add(std::string_view value, TimestampForm monthFirstForm,
                                              TimestampForm dayFirstForm) {
    TimestampProblem problem;
    const auto monthFirst = parseTimestamp(value, monthFirstForm, problem);
    const bool monthFirstShape = monthFirst || problem == TimestampProblem::OutOfRange;
    const auto dayFirst = parseTimestamp(value, dayFirstForm, problem);
    const bool dayFirstShape = dayFirst || problem == TimestampProblem::OutOfRange;
    if (!monthFirstShape && !dayFirstShape) {
        return false;
    }
    ++values;
    // Only a part above 12 tells the order: 22/11 is day first.
    if (monthFirst && !dayFirst) {
        secondAbove12 = true;
    } else if (dayFirst && !monthFirst) {
        firstAbove12 = true;
    }
    return true;
}

void TimestampFormDetector::add(std::string_view rawValue) {
    const std::string_view value = trimmed(rawValue);
    if (value.empty()) {
        return;
    }
    ++m_values;
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
    if (fitsForm(value, TimestampForm::Iso8601)) {
        ++m_iso;
        return;
    }
    if (fitsForm(value, TimestampForm::Jira)) {
        ++m_jira;
        ++m_dayMonthName;
        return;
    }
    if (fitsForm(value, TimestampForm::DayMonthName)) {
        ++m_dayMonthName;
        return;
    }
    if (fitsForm(value, TimestampForm::Dotted)) {
        ++m_dotted;
        return;
    }
    if (m_slash.add(value, TimestampForm::SlashMonthFirst, TimestampForm::SlashDayFirst) ||
        m_dash.add(value, TimestampForm::DashMonthFirst, TimestampForm::DashDayFirst)) {
        return;
    }
    if (fitsForm(value, TimestampForm::YearFirst)) {
        ++m_yearFirst;
        return;
    }
    if (fitsForm(value, TimestampForm::MonthNameFirst)) {
        ++m_monthNameFirst;
    }
}

// The family most values fit; ties go to the first in this order (ISO 8601
// before the rest, as it always has).
TimestampFormDetector::Family TimestampFormDetector::winner() const {
    const int best = std::max({m_iso, m_epoch, m_dayMonthName, m_dotted, m_slash.values,
                               m_dash.values, m_yearFirst, m_monthNameFirst});
    if (best == 0) {
        return Family::None;
    }
    if (best == m_iso) {
        return Family::Iso;
    }
    if (best == m_epoch) {
        return Family::Epoch;
    }
    if (best == m_dayMonthName) {
        return Family::DayMonthName;
    }
    if (best == m_dotted) {
        return Family::Dotted;
    }
    if (best == m_slash.values) {
        return Family::Slash;
    }
    if (best == m_dash.values) {
        return Family::Dash;
    }
    if (best == m_yearFirst) {
        return Family::YearFirst;
    }
    return Family::MonthNameFirst;
}

bool TimestampFormDetector::needsDateOrder() const {
    const Family family = winner();
    const NumericDates* dates = family == Family::Slash  ? &m_slash
                                : family == Family::Dash ? &m_dash
                                                         : nullptr;
    return dates && !dates->firstAbove12 && !dates->secondAbove12;
}

std::optional<TimestampForm> TimestampFormDetector::form(DateOrder told, bool& ambiguous) const {
    ambiguous = false;
    const auto dayMonth = [&](const NumericDates& dates, TimestampForm monthFirst,
                              TimestampForm dayFirst) -> std::optional<TimestampForm> {
        if (told == DateOrder::DayFirst) {
            return dayFirst;
        }
        if (told == DateOrder::MonthFirst) {
            return monthFirst;
        }
        if (dates.firstAbove12 && !dates.secondAbove12) {
            return dayFirst;
        }
        if (dates.secondAbove12 && !dates.firstAbove12) {
            return monthFirst;
        }
        ambiguous = true;
        return std::nullopt;
    };
    switch (winner()) {
    case Family::None:
        return std::nullopt;
    case Family::Iso:
        return TimestampForm::Iso8601;
    case Family::Epoch:
        return m_epochMillis ? TimestampForm::EpochMillis : TimestampForm::EpochSeconds;
    case Family::DayMonthName:
        // Jira's own form when every such value is in it (the form a Jira
        // column has always been read in), the wider one otherwise.
        return m_jira == m_dayMonthName ? TimestampForm::Jira : TimestampForm::DayMonthName;
    case Family::Dotted:
        return TimestampForm::Dotted;
    case Family::Slash:
        return dayMonth(m_slash, TimestampForm::SlashMonthFirst, TimestampForm::SlashDayFirst);
    case Family::Dash:
        return dayMonth(m_dash, TimestampForm::DashMonthFirst, TimestampForm::DashDayFirst);
    case Family::YearFirst:
        return TimestampForm::YearFirst;
    case Family::MonthNameFirst:
        return TimestampForm::MonthNameFirst;
    }
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
