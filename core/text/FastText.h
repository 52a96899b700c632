#pragma once

// Texts of numbers and instants exactly as Qt spells them, without Qt's
// general formatting: the at-risk queue writes tens of thousands of them
// (each ticket's creation, its clocks' breach instants, its probability and
// contributions), and QDateTime::toString and QString::number(double) were a
// tenth of the call. What the fast paths do not cover is left to Qt.

#include "domain/Instant.h"

#include <QString>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <charconv>
#include <cmath>
#include <string_view>

namespace escdesk::text {

namespace fasttext {

inline void appendDigits(QString& text, std::int64_t value, int width) {
    char digits[20];
    for (int i = width - 1; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    text += QLatin1String(digits, width);
}

} // namespace fasttext

// toIsoUtc(instant): "yyyy-MM-ddTHH:mm:ssZ", the civil date from
// Boost.Date_Time's proleptic Gregorian calendar (the one QDate uses), for
// the years 1970 to 9999; Qt's own for the rest.
inline QString isoUtc(UtcSeconds instant) {
    constexpr UtcSeconds year10000 = 253402300800; // 10000-01-01T00:00:00Z
    if (instant < 0 || instant >= year10000) {
        return toIsoUtc(instant);
    }
    const std::int64_t secondOfDay = instant % 86400;
    const boost::gregorian::date date =
        boost::gregorian::date(1970, 1, 1) + boost::gregorian::days(instant / 86400);
    const boost::gregorian::date::ymd_type civil = date.year_month_day();
    const std::int64_t year = civil.year;
    const std::int64_t month = civil.month;
    const std::int64_t day = civil.day;
    QString text;
    text.reserve(20);
    fasttext::appendDigits(text, year, 4);
    text += QLatin1Char('-');
    fasttext::appendDigits(text, month, 2);
    text += QLatin1Char('-');
    fasttext::appendDigits(text, day, 2);
    text += QLatin1Char('T');
    fasttext::appendDigits(text, secondOfDay / 3600, 2);
    text += QLatin1Char(':');
    fasttext::appendDigits(text, secondOfDay / 60 % 60, 2);
    text += QLatin1Char(':');
    fasttext::appendDigits(text, secondOfDay % 60, 2);
    text += QLatin1Char('Z');
    return text;
}

// QString::number(value, 'g', QLocale::FloatingPointShortest). Both take the
// shortest digits that read back as the same double; a value whose decimal
// point falls within them, or just before them (0.x, 0.0x), is written
// plainly, as the exponent form would be longer. Qt decides the rest.
inline QString shortestNumber(double value) {
    char scientific[32];
    const auto [end, error] = std::to_chars(scientific, scientific + sizeof scientific, value,
                                            std::chars_format::scientific); // "-d.ddde-XX"
    if (error != std::errc() || value == 0 || !std::isfinite(value)) {
        return QString::number(value, 'g', QLocale::FloatingPointShortest);
    }
    const std::string_view text(scientific, static_cast<std::size_t>(end - scientific));
    const std::size_t e = text.find('e');
    const bool negative = text.front() == '-';
    std::string_view mantissa = text.substr(negative ? 1 : 0, e - (negative ? 1 : 0));
    char digits[24];
    int count = 0;
    for (const char c : mantissa) {
        if (c != '.') {
            digits[count++] = c;
        }
    }
    // The exponent, within the written characters (the buffer has no NUL).
    const char* exponentFrom = scientific + e + 1;
    if (*exponentFrom == '+') {
        ++exponentFrom;
    }
    int exponent = 0;
    std::from_chars(exponentFrom, end, exponent);
    const int pointAt = exponent + 1; // digits before the point
    if (pointAt < -1 || pointAt >= count) {
        return QString::number(value, 'g', QLocale::FloatingPointShortest);
    }
    QString number;
    number.reserve(count + 4);
    if (negative) {
        number += QLatin1Char('-');
    }
    if (pointAt <= 0) {
        number += pointAt == 0 ? QLatin1String("0.") : QLatin1String("0.0");
        number += QLatin1String(digits, count);
    } else {
        number += QLatin1String(digits, pointAt);
        number += QLatin1Char('.');
        number += QLatin1String(digits + pointAt, count - pointAt);
    }
    return number;
}

} // namespace escdesk::text
