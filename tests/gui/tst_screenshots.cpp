// `escalation-desk --db FILE --screenshots DIR` on the offscreen platform:
// one PNG per page, each the size of the window and not blank, and of the
// Welcome page, the user guide and the dark dashboard; the example draft the
// Matrix page's draft views need is discarded afterwards.

#include "matrix/MatrixDraft.h"
#include "store/DataWriter.h"
#include "store/Workspace.h"

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace escdesk;

namespace {

// A small workspace with tickets in the last days, one of them escalated
// with a full timeline, so both pages have something to show.
void fill(const QString& path) {
    store::Workspace workspace(path);
    store::Transaction transaction(workspace.db());
    store::DataWriter writer(workspace.db());
    const UtcSeconds now = QDateTime::currentSecsSinceEpoch();
    for (int i = 0; i < 40; ++i) {
        Ticket t;
        t.ticketId = QStringLiteral("SUP-%1").arg(100 + i);
        t.createdAt = now - (i + 1) * 5 * 3600;
        t.priority = i % 5 == 0 ? QStringLiteral("High") : QStringLiteral("Medium");
        t.status = QStringLiteral("open");
        t.tier = i % 4 == 0 ? 2 : 1;
        t.subject = QStringLiteral("Sync stopped after update %1").arg(i);
        const auto row = writer.insertTicket(t);
        if (i % 4 == 0) {
            TicketEvent e;
            e.occurredAt = t.createdAt + 1800;
            e.kind = EventKind::Escalated;
            e.fromTier = 1;
            e.toTier = 2;
            e.actor = QStringLiteral("Ana");
            e.note = QStringLiteral("Needs developer review");
            writer.insertEvent(row, e);
            e.occurredAt += 900;
            e.kind = EventKind::Claimed;
            e.fromTier.reset();
            writer.insertEvent(row, e);
        }
    }
    transaction.commit();
}

// The spread of the image's grey levels: 0 for a blank (one-colour) image.
double greyVariance(const QImage& image) {
    double sum = 0;
    double squares = 0;
    qint64 n = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const double grey = qGray(image.pixel(x, y));
            sum += grey;
            squares += grey * grey;
            ++n;
        }
    }
    const double mean = sum / double(n);
    return squares / double(n) - mean * mean;
}

// The mean grey level, 0 (black) to 255 (white).
double meanGrey(const QImage& image) {
    double sum = 0;
    qint64 n = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            sum += qGray(image.pixel(x, y));
            ++n;
        }
    }
    return sum / double(n);
}

} // namespace

class TestScreenshots : public QObject {
    Q_OBJECT

private slots:
    void savesEveryPage() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("shots.escdesk"));
        fill(db);
        const QString shots = dir.filePath(QStringLiteral("shots"));

        QProcess app;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Keep the user's settings out of it.
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("cfg")));
        app.setProcessEnvironment(environment);
        app.start(QStringLiteral(ESCALATION_DESK),
                  {QStringLiteral("--db"), db, QStringLiteral("--screenshots"), shots,
                   QStringLiteral("--screenshot-import"),
                   QStringLiteral(ESCDESK_TEST_DATA "/import/wizard-tickets.csv"),
                   QStringLiteral("--screenshot-history"),
                   QStringLiteral(ESCDESK_TEST_DATA "/import/history/wizard-history.csv")});
        QVERIFY(app.waitForFinished(120000));
        const QString output = QString::fromUtf8(app.readAllStandardOutput());
        QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0,
                 qPrintable(QString::fromUtf8(app.readAllStandardError())));

        // The example draft of the screenshots is gone again.
        {
            store::Workspace workspace(db);
            QVERIFY(!matrix::loadDraft(workspace.db()));
        }

        const QRegularExpressionMatch size =
            QRegularExpression(QStringLiteral("window (\\d+)x(\\d+)")).match(output);
        QVERIFY2(size.hasMatch(), qPrintable(output));
        const QSize windowSize(size.captured(1).toInt(), size.captured(2).toInt());

        // One PNG per page, and one per editor of the Matrix page (and of
        // an example draft: its differences and its replay).
        for (const QString& name :
             {QStringLiteral("01-dashboard.png"), QStringLiteral("02-escalations.png"),
              QStringLiteral("04-matrix-01-tiers.png"), QStringLiteral("04-matrix-02-rules.png"),
              QStringLiteral("04-matrix-03-sla.png"), QStringLiteral("04-matrix-04-calendars.png"),
              QStringLiteral("04-matrix-05-checklists.png"),
              QStringLiteral("04-matrix-06-taxonomy.png"),
              QStringLiteral("04-matrix-07-history.png"), QStringLiteral("04-matrix-08-test.png"),
              QStringLiteral("04-matrix-09-draft-diff.png"),
              QStringLiteral("04-matrix-10-replay.png"),
              QStringLiteral("04-matrix-11-suggested.png")}) {
            const QString file = QDir(shots).filePath(name);
            QVERIFY2(output.contains(file), qPrintable(output));
            const QImage image(file);
            QVERIFY2(!image.isNull(), qPrintable(file));
            QCOMPARE(image.size(), windowSize);
            QVERIFY2(greyVariance(image) > 50.0, qPrintable(file));
        }

        // The other pages, wherever the navigation places them.
        for (const QString& page :
             {QStringLiteral("at-risk"), QStringLiteral("trends"), QStringLiteral("root-causes"),
              QStringLiteral("segments"), QStringLiteral("reports"), QStringLiteral("review"),
              QStringLiteral("import-history")}) {
            const QStringList found =
                QDir(shots).entryList({QStringLiteral("[0-9][0-9]-%1.png").arg(page)}, QDir::Files);
            QCOMPARE(found.size(), 1);
            const QString file = QDir(shots).filePath(found.first());
            QVERIFY2(output.contains(file), qPrintable(output));
            const QImage image(file);
            QCOMPARE(image.size(), windowSize);
            QVERIFY2(greyVariance(image) > 50.0, qPrintable(file));
        }
        // The Welcome page and the user guide, in the window's size.
        for (const QString& name :
             {QStringLiteral("00-welcome.png"), QStringLiteral("98-help.png")}) {
            const QString file = QDir(shots).filePath(name);
            QVERIFY2(output.contains(file), qPrintable(output));
            const QImage image(file);
            QCOMPARE(image.size(), windowSize);
            QVERIFY2(greyVariance(image) > 50.0, qPrintable(file));
        }
        // The dashboard in the dark theme: the same page, mostly dark.
        const QImage light(QDir(shots).filePath(QStringLiteral("01-dashboard.png")));
        const QImage dark(QDir(shots).filePath(QStringLiteral("99-dashboard-dark.png")));
        QCOMPARE(dark.size(), windowSize);
        QVERIFY(greyVariance(dark) > 50.0);
        QVERIFY2(meanGrey(dark) < 100.0, qPrintable(QString::number(meanGrey(dark))));
        QVERIFY2(meanGrey(light) > 180.0, qPrintable(QString::number(meanGrey(light))));

        // The import wizard's preview, in the wizard's own size.
        const QStringList previews =
            QDir(shots).entryList({QStringLiteral("[0-9][0-9]-import-preview.png")}, QDir::Files);
        QCOMPARE(previews.size(), 1);
        const QString preview = QDir(shots).filePath(previews.first());
        QVERIFY2(output.contains(preview), qPrintable(output));
        const QImage previewImage(preview);
        QVERIFY(!previewImage.isNull());
        QVERIFY(greyVariance(previewImage) > 50.0);
        // And its mapping editor of a history export.
        const QStringList mappings = QDir(shots).entryList(
            {QStringLiteral("[0-9][0-9]-import-history-mapping.png")}, QDir::Files);
        QCOMPARE(mappings.size(), 1);
        const QString mapping = QDir(shots).filePath(mappings.first());
        QVERIFY2(output.contains(mapping), qPrintable(output));
        const QImage mappingImage(mapping);
        QVERIFY(!mappingImage.isNull());
        QVERIFY(greyVariance(mappingImage) > 50.0);
    }
};

QTEST_GUILESS_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
