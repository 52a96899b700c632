#pragma once

// --as-of INSTANT for commands that evaluate clocks at a moment: ISO 8601
// with Z or an offset, a naive date-time read in the reporting zone, or epoch
// seconds. Default: now.

#include "domain/Instant.h"

#include <QCommandLineParser>

namespace escdesk::cli {

void addAsOfOption(QCommandLineParser& parser);
UtcSeconds asOfInstant(const QCommandLineParser& parser, const QTimeZone& zone);

} // namespace escdesk::cli
