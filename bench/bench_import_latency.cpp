// The desktop application's responsiveness while it imports: a tickets CSV
// goes through the import wizard's machinery (worker thread, progress) into
// a workspace while a 10 ms timer on the GUI thread records the largest gap
// between its firings (target: under 100 ms). Then the same for the
// window's refresh with the new data.
//
//   bench_import_latency TICKETS.csv WORKSPACE
//
// Run by bench/import_latency.sh (QT_QPA_PLATFORM=offscreen).

#include "../tests/support/ImportLatency.h"

#include "MainWindow.h"
#include "store/Workspace.h"

#include <QApplication>

#include <cstdio>
#include <cstdlib>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_import_latency TICKETS.csv WORKSPACE\n");
        return 2;
    }
    const QString csv = QString::fromLocal8Bit(argv[1]);
    const QString path = QString::fromLocal8Bit(argv[2]);
    {
        escdesk::store::Workspace workspace(path);
        workspace.setSetting(QStringLiteral("reporting_tz"), QStringLiteral("UTC"));
    }
    escdesk::ui::MainWindow window(false);
    if (!window.openWorkspace(path, true).isEmpty()) {
        std::fprintf(stderr, "cannot open %s\n", argv[2]);
        return 1;
    }
    window.resize(1400, 900);
    window.show();
    const escdesk::testsupport::ImportLatency figures =
        escdesk::testsupport::measureImportLatency(window, csv, 3600 * 1000);
    if (!figures.finished) {
        std::fprintf(stderr, "the import did not finish within the hour\n");
        return 1;
    }
    const auto tickets = window.workspace()->db().queryInt64("SELECT count(*) FROM tickets");
    std::printf("import of %lld tickets: %.1f s\n", static_cast<long long>(tickets),
                figures.importSeconds);
    std::printf("event loop during the import: %zu ticks of 10 ms\n", figures.ticks);
    std::printf("  largest gap, wall clock:                    %6.1f ms (p99 %.1f ms) %s\n",
                figures.maxGapMs, figures.p99GapMs,
                figures.maxGapMs < 100.0 ? "under 100 ms" : "OVER 100 ms");
    std::printf("  largest gap less the wait for a CPU:        %6.1f ms %s\n", figures.maxOwnGapMs,
                figures.maxOwnGapMs < 100.0 ? "under 100 ms" : "OVER 100 ms");
    std::printf("  most GUI-thread CPU time between two ticks: %6.1f ms\n", figures.maxCpuGapMs);
    std::printf("  gaps of 40 ms or more (gap@ms after the click):%s\n",
                qPrintable(figures.longGaps));
    std::printf("event loop while the window refreshes after it: largest gap %.1f ms wall clock, "
                "%.1f ms less the wait for a CPU\n",
                figures.refreshMaxGapMs, figures.refreshMaxOwnGapMs);
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) == 3) {
        std::printf("machine load average (1 min): %.1f\n", load[0]);
    }
    return 0;
}
