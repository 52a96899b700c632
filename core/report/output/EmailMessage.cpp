#include "report/output/EmailMessage.h"

#include "report/ReportRenderers.h"
#include "report/output/ChartPainter.h"

#include <QCryptographicHash>
#include <QLocale>

namespace escdesk::report {

namespace {

const QByteArray crlf("\r\n");

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

QByteArray rfc2822Date(const QDateTime& date) {
    return QLocale(QLocale::English)
        .toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss +0000"))
        .toLatin1();
}

QString contentId(const Chart& chart, const QByteArray& token) {
    return QStringLiteral("%1.%2@escalation-desk").arg(chart.id, QString::fromLatin1(token));
}

} // namespace

QByteArray encodeHeaderText(const QString& text) {
    if (isPlainAscii(text)) {
        return text.toLatin1();
    }
    // Each word carries whole characters: at most 45 bytes of UTF-8 before
    // encoding keeps "=?UTF-8?B?" + 60 + "?=" within 75 characters.
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QString character(text.at(i));
        if (text.at(i).isHighSurrogate() && i + 1 < text.size()) {
            character += text.at(++i);
        }
        const QByteArray bytes = character.toUtf8();
        if (chunk.size() + bytes.size() > 45) {
            words << chunk;
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty()) {
        words << chunk;
    }
    QByteArray header;
    for (const QByteArray& word : words) {
        if (!header.isEmpty()) {
            header += crlf + ' ';
        }
        header += "=?UTF-8?B?" + word.toBase64() + "?=";
    }
    return header;
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
    message += "From: " +
               (sender.isEmpty() ? QByteArray("Escalation Desk <escalation-desk@localhost>")
                                 : encodeHeaderText(sender)) +
               crlf;
    if (!recipients.isEmpty()) {
        QStringList trimmed;
        for (const QString& recipient : recipients) {
            trimmed << recipient.trimmed();
        }
        message += "To: " + encodeHeaderText(trimmed.join(QStringLiteral(", "))) + crlf;
    }
    message += "Subject: " + encodeHeaderText(report.subject) + crlf;
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
