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
    std::printf("event loop during the import: %zu ticks of 10 ms, max gap %.1f ms, "
                "p99 gap %.1f ms (target: max < 100 ms) %s\n",
                figures.ticks, figures.maxGapMs, figures.p99GapMs,
                figures.maxGapMs < 100.0 ? "OK" : "OVER");
    std::printf("event loop while the window refreshes after it: max gap %.1f ms\n",
                figures.refreshMaxGapMs);
    return 0;
}
