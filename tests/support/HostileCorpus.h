#pragma once

// The hostile corpus of issue #18: text an export may carry that would act
// on a reader if an output interpreted it — markup for HTML and Qt's rich
// text, spreadsheet formulas, bidirectional overrides, terminal escape
// sequences, control characters — next to text that must come through
// untouched (zero-width joiners, combining marks, a 100 KB string).
//
// Every string carries its own tag ("§07", most at the start): wherever an
// output shows the tag, the string around it can be looked for in the form
// it must have there. (The "§" keeps words derived from the text, such as a
// problem cluster's terms, from looking like the tag.) tst_hostile_content
// imports the corpus into one workspace and runs it through every output.

#include <QString>
#include <QStringList>

#include <string_view>
#include <vector>

namespace escdesk::testsupport {

struct HostileText {
    QString tag;  // "§07", also in `text`
    QString text; // as imported
    // Markup or entities an HTML reader would act on: shown, it must read
    // literally (tags and entities as typed).
    bool markup = false;
};

// 100 KB of one word: no place to break a line.
inline QString hundredKilobytes() {
    return QStringLiteral("§29 ") + QString(100 * 1024, QLatin1Char('W'));
}

inline const std::vector<HostileText>& hostileCorpus() {
    // With its length: U+0000 is a character here, not the end.
    const auto text = [](std::u16string_view utf16) {
        return QString::fromUtf16(utf16.data(), qsizetype(utf16.size()));
    };
    using namespace std::string_view_literals;
    static const std::vector<HostileText> corpus{
        // HTML and script, images, size and table markup, links, entities.
        {"§01", text(u"§01 <script>alert('§01')</script>"sv), true},
        {"§02", text(u"§02 <img src=\"/some/local.png\" width=60 height=20>"sv), true},
        {"§03", text(u"§03 <img src=x onerror=alert(3)>"sv), true},
        {"§04", text(u"§04 <span style=\"font-size:64pt\">huge</span>"sv), true},
        {"§05", text(u"§05 <font size=7 color=red>loud</font>"sv), true},
        {"§06", text(u"§06 <table><tr><td>cell</td><td>two</td></tr></table>"sv), true},
        {"§07", text(u"§07 <b>bold</b> <i>claim</i>"sv), true},
        {"§08", text(u"§08 <a href=\"file:///etc/passwd\">open me</a>"sv), true},
        {"§09", text(u"§09 &lt;not a tag&gt; &amp;amp; &#60;x&#62;"sv), true},
        // Each prefix a spreadsheet reads as a formula (OWASP CSV injection).
        {"§10", text(u"=HYPERLINK(\"http://evil.example/§10\",\"§10\")"sv), false},
        {"§11", text(u"+§11+cmd|' /C calc'!A0"sv), false},
        {"§12", text(u"-§12-2+3"sv), false},
        {"§13", text(u"@SUM(1+1) §13"sv), false},
        {"§14", text(u"\t=1+1 §14"sv), false},
        {"§15", text(u"\r=1+1 §15"sv), false},
        // Bidirectional overrides, embeddings and isolates.
        {"§16", text(u"§16 invoice\u202Efdp.exe"sv), false},
        {"§17",
         text(u"§17 \u202Aemb\u202C \u202Bemb\u202C \u202Dovr\u202C \u2066i\u2069 "
              u"\u2067i\u2069 \u2068i\u2069"sv),
         false},
        // Terminal escape sequences: ANSI CSI (clear the screen, colour) and
        // OSC (set the window title, ended by BEL).
        {"§18", text(u"§18 \u001b[2J\u001b[31mred\u001b[0m"sv), false},
        {"§19", text(u"§19 \u001b]0;pwned title\u0007 after"sv), false},
        // NUL, line breaks (CR LF, a lone CR), C1 controls and DEL.
        {"§20", text(u"§20 nul\u0000byte"sv), false},
        {"§21", text(u"§21 one\r\ntwo\rthree\nfour"sv), false},
        {"§22", text(u"§22 c1\u009b2J csi \u0085 nel \u0090 dcs"sv), false},
        {"§23", text(u"§23 bell\u0007 back\u0008space del\u007f form\u000c"sv), false},
        // Kept as they are: zero-width joiners and combining marks.
        {"§24", text(u"§24 \U0001F469\u200D\U0001F4BB zero\u200Bwidth non\u200Cjoiner"sv), false},
        {"§25", text(u"§25 Ame\u0301lie Z\u0327\u0301\u0308a\u0300\u0316"sv), false},
        // Markdown and e-mail header look-alikes, SQL.
        {"§26", text(u"§26 **bold** [link](http://x) | pipe # `code`"sv), false},
        {"§27", text(u"§27 =?UTF-8?B?PHNjcmlwdD4=?= header\r\nBcc: victim@example.com"sv), false},
        {"§28", text(u"§28 '); DROP TABLE tickets;--"sv), false},
        {"§29", hundredKilobytes(), false},
    };
    return corpus;
}

// Whether `c` is a character every output must show as the visible mark
// (issue #18): C0 controls but tab and line feed, DEL, C1 controls, and
// the explicit bidi embeddings, overrides and isolates. Written from the
// issue, not from the program.
inline bool mustBeNeutralised(QChar c) {
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7F && u <= 0x9F) ||
           (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

// The characters of `text` every output must neutralise, as "U+001B" names.
inline QStringList controlsIn(const QString& text) {
    QStringList found;
    for (const QChar c : text) {
        if (mustBeNeutralised(c)) {
            const QString name =
                QStringLiteral("U+%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
            if (!found.contains(name)) {
                found << name;
            }
        }
    }
    return found;
}

// `text` as an output must show it: a CR LF pair as LF, every other
// character mustBeNeutralised() as U+FFFD.
inline QString visibleForm(const QString& text) {
    QString shown;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            continue;
        }
        shown += mustBeNeutralised(text[i]) ? QChar(0xFFFD) : text[i];
    }
    return shown;
}

} // namespace escdesk::testsupport
