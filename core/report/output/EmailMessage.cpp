#include "report/output/EmailMessage.h"

#include "report/ReportRenderers.h"
#include "report/output/ChartPainter.h"
#include "text/InertText.h"

#include <QCryptographicHash>
#include <QLocale>

#include <algorithm>
#include <stdexcept>

namespace escdesk::report {

namespace {

const QByteArray crlf("\r\n");
const QString defaultSender = QStringLiteral("Escalation Desk <escalation-desk@localhost>");

// Base64 in lines of 76 characters (RFC 2045).
QByteArray base64Lines(const QByteArray& data) {
    const QByteArray encoded = data.toBase64();
    QByteArray lines;
    for (qsizetype i = 0; i < encoded.size(); i += 76) {
        lines += encoded.mid(i, 76) + crlf;
    }
    return lines;
}

bool isPlainAscii(const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            return false;
        }
    }
    return true;
}

// RFC 5322 §3.2.3 atext: what an atom of a display name may hold unquoted.
bool isAtext(QChar c) {
    const char16_t u = c.unicode();
    static const QString symbols = QStringLiteral("!#$%&'*+-/=?^_`{|}~");
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
           symbols.contains(c);
}

// An addr-spec in dot-atom form (RFC 5322 §3.4.1): local@domain, ASCII,
// neither part empty nor starting or ending with a dot.
bool isAddress(const QString& address) {
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != address.lastIndexOf(QLatin1Char('@')) || at == address.size() - 1) {
        return false;
    }
    const auto dotAtom = [](QStringView part, bool domain) {
        if (part.startsWith(QLatin1Char('.')) || part.endsWith(QLatin1Char('.')) ||
            part.contains(QLatin1String(".."))) {
            return false;
        }
        return std::all_of(part.begin(), part.end(), [domain](QChar c) {
            if (c == QLatin1Char('.')) {
                return true;
            }
            return domain ? (c.unicode() < 0x80 && (c.isLetterOrNumber() || c == QLatin1Char('-')))
                          : isAtext(c);
        });
    };
    return dotAtom(QStringView(address).left(at), false) &&
           dotAtom(QStringView(address).mid(at + 1), true);
}

struct Mailbox {
    QString name;
    QString address;
};

// "Name <address>", "\"Quoted, Name\" <address>" or a bare address.
Mailbox parseMailbox(const QString& text) {
    const QString trimmed = text.trimmed();
    const qsizetype open = trimmed.lastIndexOf(QLatin1Char('<'));
    if (!trimmed.endsWith(QLatin1Char('>')) || open < 0) {
        return {{}, trimmed};
    }
    Mailbox mailbox{trimmed.left(open).trimmed(), trimmed.mid(open + 1).chopped(1).trimmed()};
    QString& name = mailbox.name;
    if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"'))) {
        QString unquoted;
        for (qsizetype i = 1; i < name.size() - 1; ++i) {
            if (name.at(i) == QLatin1Char('\\') && i + 2 < name.size()) {
                ++i;
            }
            unquoted += name.at(i);
        }
        name = unquoted;
    }
    return mailbox;
}

// RFC 2047 B-encoded words of UTF-8, at most 75 characters each: 45 bytes
// of UTF-8 give 60 of base64 inside "=?UTF-8?B?" and "?=". A word carries
// whole characters (a surrogate pair stays together).
QList<QByteArray> encodedWords(const QString& text) {
    QList<QByteArray> chunks;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QString character(text.at(i));
        if (text.at(i).isHighSurrogate() && i + 1 < text.size()) {
            character += text.at(++i);
        }
        const QByteArray bytes = character.toUtf8();
        if (chunk.size() + bytes.size() > 45) {
            chunks << chunk;
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty()) {
        chunks << chunk;
    }
    QList<QByteArray> words;
    for (const QByteArray& bytes : chunks) {
        words << "=?UTF-8?B?" + bytes.toBase64() + "?=";
    }
    return words;
}

// Text that may go into a header as it is: printable ASCII without "=?",
// which a reader would try to decode as an encoded-word.
bool isLiteralHeaderText(const QString& text) {
    return isPlainAscii(text) && !text.contains(QLatin1String("=?"));
}

// A display name as the words of an RFC 5322 phrase: atoms, one
// quoted-string, or encoded-words.
QList<QByteArray> phraseWords(const QString& name) {
    if (!isLiteralHeaderText(name)) {
        return encodedWords(name);
    }
    if (std::all_of(name.begin(), name.end(),
                    [](QChar c) { return isAtext(c) || c == QLatin1Char(' '); })) {
        QList<QByteArray> atoms;
        for (const QString& atom : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            atoms << atom.toLatin1();
        }
        return atoms;
    }
    QByteArray quoted = name.toLatin1();
    quoted.replace("\\", "\\\\").replace("\"", "\\\"");
    return {'"' + quoted + '"'};
}

// "Field: word word …", folded (CRLF and a space) before a word that would
// take the line past 76 characters (RFC 5322 §2.2.3, RFC 2047 §2).
QByteArray headerLine(const QByteArray& field, const QList<QByteArray>& words) {
    QByteArray line = field + ':';
    qsizetype length = line.size();
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (i > 0 && length + 1 + words[i].size() > 76) {
            line += crlf;
            length = 0;
        }
        line += ' ' + words[i];
        length += 1 + words[i].size();
    }
    return line + crlf;
}

// The words of a From or To header: each mailbox, separated by commas.
QList<QByteArray> mailboxListWords(const QStringList& mailboxes) {
    QList<QByteArray> words;
    for (qsizetype i = 0; i < mailboxes.size(); ++i) {
        if (i > 0) {
            words.back() += ',';
        }
        words << encodeMailbox(mailboxes[i]);
    }
    return words;
}

QByteArray rfc2822Date(const QDateTime& date) {
    return QLocale(QLocale::English)
        .toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss +0000"))
        .toLatin1();
}

QString contentId(const Chart& chart, const QByteArray& token) {
    return QStringLiteral("%1.%2@escalation-desk").arg(chart.id, QString::fromLatin1(token));
}

} // namespace

QStringList splitMailboxList(const QString& list) {
    QStringList mailboxes;
    QString current;
    bool quoted = false;
    bool angle = false;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QChar c = list.at(i);
        if (quoted && c == QLatin1Char('\\') && i + 1 < list.size()) {
            current += c;
            current += list.at(++i);
            continue;
        }
        if (c == QLatin1Char('"') && !angle) {
            quoted = !quoted;
        } else if (c == QLatin1Char('<') && !quoted) {
            angle = true;
        } else if (c == QLatin1Char('>') && !quoted) {
            angle = false;
        } else if (c == QLatin1Char(',') && !quoted && !angle) {
            if (!current.trimmed().isEmpty()) {
                mailboxes << current.trimmed();
            }
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty()) {
        mailboxes << current.trimmed();
    }
    return mailboxes;
}

QList<QByteArray> encodeHeaderWords(const QString& text) {
    if (!isLiteralHeaderText(text)) {
        return encodedWords(text);
    }
    QList<QByteArray> words;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        words << word.toLatin1();
    }
    return words;
}

QList<QByteArray> encodeMailbox(const QString& mailbox) {
    const Mailbox parsed = parseMailbox(mailbox);
    if (!isAddress(parsed.address)) {
        throw std::runtime_error(
            QStringLiteral("The e-mail address “%1” is not an address such as "
                           "name@example.com, alone or after a name: Name <name@example.com>.")
                .arg(text::inert(mailbox))
                .toStdString());
    }
    // Controls visible; line breaks, tabs and runs of spaces as one space.
    const QString name = text::inert(parsed.name).simplified();
    QList<QByteArray> words = name.isEmpty() ? QList<QByteArray>() : phraseWords(name);
    const QByteArray address = parsed.address.toLatin1();
    words << (name.isEmpty() ? address : '<' + address + '>');
    return words;
}

QByteArray emailMessage(const Report& report, const QStringList& recipients, const QString& sender,
                        const QDateTime& date) {
    const QByteArray token =
        QCryptographicHash::hash((report.subject + date.toString(Qt::ISODate)).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    const QByteArray alternative = "=_alt_" + token;
    const QByteArray related = "=_rel_" + token;

    HtmlOptions options;
    options.imageSource = [&](const Chart& chart) {
        return QStringLiteral("cid:") + contentId(chart, token);
    };
    options.imageWidth = 640;
    const QByteArray html = renderHtml(report, options).toUtf8();
    const QByteArray text = renderPlainText(report).replace(QLatin1Char('\n'), "\r\n").toUtf8();

    QByteArray message;
    message += headerLine("From", mailboxListWords({sender.isEmpty() ? defaultSender : sender}));
    if (!recipients.isEmpty()) {
        message += headerLine("To", mailboxListWords(recipients));
    }
    message += headerLine("Subject", encodeHeaderWords(text::inert(report.subject).simplified()));
    message += "Date: " + rfc2822Date(date) + crlf;
    message += "Message-ID: <" + token + "." + QByteArray::number(date.toSecsSinceEpoch()) +
               "@escalation-desk>" + crlf;
    message += "MIME-Version: 1.0" + crlf;
    message += "X-Unsent: 1" + crlf;
    message += "Content-Type: multipart/alternative; boundary=\"" + alternative + "\"" + crlf;
    message += crlf + "This is a multi-part message in MIME format." + crlf;

    message += crlf + "--" + alternative + crlf;
    message += "Content-Type: text/plain; charset=utf-8" + crlf;
    message += "Content-Transfer-Encoding: base64" + crlf + crlf;
    message += base64Lines(text);

    message += crlf + "--" + alternative + crlf;
    message +=
        "Content-Type: multipart/related; type=\"text/html\"; boundary=\"" + related + "\"" + crlf;
    message += crlf + "--" + related + crlf;
    message += "Content-Type: text/html; charset=utf-8" + crlf;
    message += "Content-Transfer-Encoding: base64" + crlf + crlf;
    message += base64Lines(html);
    for (const Chart* chart : report.charts()) {
        message += crlf + "--" + related + crlf;
        message += "Content-Type: image/png; name=\"" + chart->id.toLatin1() + ".png\"" + crlf;
        message += "Content-Transfer-Encoding: base64" + crlf;
        message += "Content-ID: <" + contentId(*chart, token).toLatin1() + ">" + crlf;
        message += "Content-Disposition: inline; filename=\"" + chart->id.toLatin1() + ".png\"" +
                   crlf + crlf;
        message += base64Lines(chartPng(*chart, QSize(640, 230)));
    }
    message += crlf + "--" + related + "--" + crlf;
    message += crlf + "--" + alternative + "--" + crlf;
    return message;
}

} // namespace escdesk::report
