#pragma once

// A known product issue with its workaround (SPEC §4, known issues layout).

#include <QString>

namespace escdesk {

struct KnownIssue {
    QString issueId;
    QString title;
    QString productArea;
    QString status;   // e.g. Open, Fixed
    QString keywords; // comma-separated
    QString workaround;
    QString fixVersion;
    QString kbArticle;
    QString attributes;
};

} // namespace escdesk
