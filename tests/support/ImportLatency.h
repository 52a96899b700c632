#pragma once

// Imports a tickets CSV through the desktop application's own import
// machinery (the wizard, as File › Import… runs it) while a LatencyProbe
// watches the GUI thread's event loop; then the main window's refresh with
// the new data. Shared by the GUI latency test and bench/import_latency.

#include "LatencyProbe.h"

#include "MainWindow.h"
#include "import/ImportSourcePage.h"
#include "import/ImportWizard.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>

namespace escdesk::testsupport {

struct ImportLatency {
    bool finished = false; // the wizard reached its result page in time
    double importSeconds = 0;
    double maxGapMs = 0;      // the event loop's largest gap during the import
    double maxGapEndMs = 0;   // when it ended, in ms after the click on Import
    QString longGaps;         // every gap of 40 ms or more, "gap@end" in ms
    double maxCpuGapMs = 0;   // the most CPU time the GUI thread spent between two ticks
    double maxOwnGapMs = 0;   // the largest gap less the thread's wait for a CPU
    double resultPageMs = 0;  // when the result page was shown
    double importClickMs = 0; // how long the click on Import took on the GUI thread
    double p99GapMs = 0;
    std::size_t ticks = 0;
    double refreshMaxGapMs = 0; // the largest gap while the window refreshes after it
    double refreshMaxOwnGapMs = 0;
};

inline ImportLatency measureImportLatency(ui::MainWindow& window, const QString& csv,
                                          int timeoutMs) {
    ImportLatency figures;
    ui::ImportWizard* wizard = window.openImportWizard({csv}, false);
    wizard->show();
    wizard->sourcePage()->setKind(QStringLiteral("tickets"));
    wizard->sourcePage()->setSourceZone("UTC");
    wizard->next(); // the preview
    QCoreApplication::processEvents();

    LatencyProbe probe;
    QElapsedTimer clock;
    probe.start();
    clock.start();
    wizard->next(); // Import: the rows are written on a worker thread
    figures.importClickMs = double(clock.nsecsElapsed()) / 1e6;
    const QDeadlineTimer deadline(timeoutMs);
    while (wizard->currentId() != int(ui::ImportWizard::ResultPageId) && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    }
    figures.finished = wizard->currentId() == int(ui::ImportWizard::ResultPageId);
    figures.resultPageMs = double(clock.nsecsElapsed()) / 1e6;
    figures.importSeconds = double(clock.nsecsElapsed()) / 1e9;
    probe.stop();
    figures.maxGapMs = probe.maxGapMs();
    figures.maxGapEndMs = probe.maxGapEndMs();
    figures.longGaps = probe.longGaps(40);
    figures.maxCpuGapMs = probe.maxCpuGapMs();
    figures.maxOwnGapMs = probe.maxOwnGapMs();
    figures.p99GapMs = probe.percentileGapMs(0.99);
    figures.ticks = probe.ticks();

    // Closing the wizard hands every page the new data.
    LatencyProbe refresh;
    refresh.start();
    QTimer::singleShot(0, &window, [&window, wizard] { window.finishImport(wizard); });
    const QDeadlineTimer settle(2000);
    while (!settle.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    }
    refresh.stop();
    figures.refreshMaxGapMs = refresh.maxGapMs();
    figures.refreshMaxOwnGapMs = refresh.maxOwnGapMs();
    return figures;
}

} // namespace escdesk::testsupport
