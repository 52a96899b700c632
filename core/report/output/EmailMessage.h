#pragma once

// The report as a ready-to-send e-mail (RFC 5322 / MIME): a plain-text part
// and an HTML part whose charts are inline PNG images referenced by
// Content-ID, as
//
//   multipart/alternative
//     text/plain
//     multipart/related
//       text/html          (<img src="cid:…">)
//       image/png …        (Content-ID, inline)
//
// The subject is RFC 2047-encoded UTF-8; "X-Unsent: 1" makes mail programs
// open the file as a draft ready to send.

#include "report/Report.h"

#include <QByteArray>
#include <QDateTime>

namespace escdesk::report {

QByteArray emailMessage(const Report& report, const QStringList& recipients,
                        const QString& sender = {},
                        const QDateTime& date = QDateTime::currentDateTimeUtc());

// An RFC 2047 "encoded-word" header value: ASCII text as is, otherwise
// =?UTF-8?B?…?= words of at most 75 characters, folded onto lines.
QByteArray encodeHeaderText(const QString& text);

} // namespace escdesk::report
