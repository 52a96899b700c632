// Replays the inputs the fuzzers once failed on (tests/data/fuzz-regressions/
// TARGET/) and the seed corpora (fuzz/corpus/TARGET/) through the fuzz
// targets' own entries. An entry aborts on a broken invariant, and a crash or
// an escaping exception ends the suite: passing means each input was
// answered with a result, rejected rows or a refusal.

#include "FuzzEntries.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace escdesk::fuzz;

namespace {

void addInputsOf(const QString& root, const char* kind) {
    for (const NamedEntry& named : fuzzEntries()) {
        const QDir dir(root + QLatin1Char('/') + QLatin1String(named.target));
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
            QTest::newRow(
                qPrintable(QStringLiteral("%1 %2/%3")
                               .arg(QLatin1String(kind), QLatin1String(named.target), name)))
                << QString::fromLatin1(named.target) << dir.filePath(name);
        }
    }
}

FuzzEntry entryNamed(const QString& target) {
    for (const NamedEntry& named : fuzzEntries()) {
        if (target == QLatin1String(named.target)) {
            return named.entry;
        }
    }
    return nullptr;
}

} // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT

private slots:
    void everyTargetHasSeeds() {
        for (const NamedEntry& named : fuzzEntries()) {
            const QDir dir(QStringLiteral(ESCDESK_FUZZ_CORPUS "/") + QLatin1String(named.target));
            QVERIFY2(!dir.entryList(QDir::Files).isEmpty(), named.target);
        }
    }

    void replays_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("file");
        addInputsOf(QStringLiteral(ESCDESK_TEST_DATA "/fuzz-regressions"), "regression");
        addInputsOf(QStringLiteral(ESCDESK_FUZZ_CORPUS), "seed");
    }

    void replays() {
        QFETCH(QString, target);
        QFETCH(QString, file);
        const FuzzEntry entry = entryNamed(target);
        QVERIFY2(entry, qPrintable(QStringLiteral("no fuzz target %1").arg(target)));
        QFile input(file);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const QByteArray bytes = input.readAll();
        entry(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
              static_cast<std::size_t>(bytes.size()));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
