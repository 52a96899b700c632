#pragma once

// The file name a report is proposed under: what it is and the period it
// covers, so exports of several periods sit side by side and sort by date —
// weekly-review-2026-11-30.pdf (the week's first day),
// monthly-report-2026-11.eml, quarterly-report-2026-Q4.pdf.

#include "report/Report.h"

namespace escdesk::report {

// The stem without a suffix: "weekly-review-2026-11-30". A period that is
// not one whole calendar month or quarter names its first day instead
// ("monthly-report-2026-11-05"), so the name never claims more than it holds.
QString reportFileStem(const Report& report);

// The stem with ".<suffix>" ("pdf", "eml", "html", "md"); the bare stem,
// a folder's name, when `suffix` is empty (CSV tables).
QString reportFileName(const Report& report, const QString& suffix);

} // namespace escdesk::report
