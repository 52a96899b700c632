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
// Headers follow RFC 5322 and RFC 2047: in From and To only a mailbox's
// display name may be an encoded-word ("=?UTF-8?B?…?= <zoe.unal@example.com>"),
// the address stays outside it, as strict parsers require; the subject is
// encoded when it is not plain ASCII. Control characters in names and the
// subject become the visible mark of text/InertText.h. "X-Unsent: 1" makes
// mail programs open the file as a draft ready to send.

#include "report/Report.h"

#include <QByteArray>
#include <QDateTime>

namespace escdesk::report {

// `recipients` and `sender` are mailboxes as people write them:
// "Zoë Ünal <zoe.unal@example.com>", "\"Ünal, Zoë\" <zoe.unal@example.com>" or
// a bare address. Throws std::runtime_error naming the mailbox when one has
// no address of the form local@domain (ASCII, no spaces).
QByteArray emailMessage(const Report& report, const QStringList& recipients,
                        const QString& sender = {},
                        const QDateTime& date = QDateTime::currentDateTimeUtc());

// A comma-separated list of mailboxes split into its mailboxes; a comma
// inside a quoted display name or inside <…> does not split.
QStringList splitMailboxList(const QString& list);

// The words of an RFC 2047 header value: the text's own words when it is
// plain ASCII (and holds no "=?" a reader could take for an encoded-word),
// otherwise =?UTF-8?B?…?= words of at most 75 characters, each carrying
// whole characters.
QList<QByteArray> encodeHeaderWords(const QString& text);

// One mailbox in header form: the display name as atoms, a quoted-string
// or encoded-words, then "<address>"; a bare address as is.
QList<QByteArray> encodeMailbox(const QString& mailbox);

} // namespace escdesk::report
