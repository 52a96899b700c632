// The translation template the build writes (escalation-desk.ts) holds every
// string the desktop application passes to tr() or translate(): a translator
// starting from it misses nothing.

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

// The <source> texts of a .ts file.
QSet<QString> templateSources(const QString& path) {
    QSet<QString> sources;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return sources;
    }
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"source") {
            sources.insert(xml.readElementText());
        }
    }
    return sources;
}

// The C++ escapes the application's strings use.
QString unescape(const QString& literal) {
    QString text;
    for (qsizetype i = 0; i < literal.size(); ++i) {
        if (literal[i] == QLatin1Char('\\') && i + 1 < literal.size()) {
            const QChar next = literal[++i];
            text += next == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : next;
        } else {
            text += literal[i];
        }
    }
    return text;
}

// Every tr("…" "…") and translate("context", "…") string literal in `code`.
QStringList translatedStrings(const QString& code) {
    static const QRegularExpression call(
        QStringLiteral("(?:\\btr|\\btranslate\\(\\s*\"[^\"]*\"\\s*,)\\s*\\(?\\s*"
                       "((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)"));
    static const QRegularExpression piece(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    QStringList strings;
    auto calls = call.globalMatch(code);
    while (calls.hasNext()) {
        const QString literals = calls.next().captured(1);
        QString text;
        auto pieces = piece.globalMatch(literals);
        while (pieces.hasNext()) {
            text += unescape(pieces.next().captured(1));
        }
        strings << text;
    }
    return strings;
}

} // namespace

class TestTranslationTemplate : public QObject {
    Q_OBJECT

private slots:
    void theParserReadsTheFormsUsed() {
        // Worked by hand: two literals joined, an escaped quote, a context.
        const QStringList found = translatedStrings(
            QStringLiteral("a = tr(\"Open \"\n   \"it\"); b = QApplication::translate(\"main\", "
                           "\"Say \\\"hi\\\"\");"
                           " c = tr(\"%n min\", nullptr, n);"));
        QCOMPARE(found, (QStringList{QStringLiteral("Open it"), QStringLiteral("Say \"hi\""),
                                     QStringLiteral("%n min")}));
    }

    void everyTranslatedStringIsInTheTemplate() {
        const QSet<QString> sources = templateSources(QStringLiteral(ESCDESK_TRANSLATION_TEMPLATE));
        // The application has hundreds of strings; an empty set means no template.
        QVERIFY2(sources.size() > 300, ESCDESK_TRANSLATION_TEMPLATE);
        QStringList files{QStringLiteral(ESCDESK_SOURCE_DIR "/app/gui/main.cpp")};
        QDirIterator it(QStringLiteral(ESCDESK_SOURCE_DIR "/ui"),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            files << it.next();
        }
        QStringList missing;
        int checked = 0;
        for (const QString& path : files) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            for (const QString& text : translatedStrings(QString::fromUtf8(file.readAll()))) {
                ++checked;
                if (!sources.contains(text)) {
                    missing << QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), text);
                }
            }
        }
        QVERIFY(checked > 300);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslationTemplate)
#include "tst_translation_template.moc"
