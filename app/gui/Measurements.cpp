#include "Measurements.h"

#include "MainWindow.h"
#include "pages/DashboardPage.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>

namespace escdesk::gui {

namespace {

// The figures the first open after an import may take: deciding a million
// tickets' outcomes on a busy machine.
constexpr int startupDeadlineMs = 600000;
// How often the event loop is sampled for stalls.
constexpr int stallProbeMs = 5;

// A field of /proc/self/status in kB ("VmHWM", "VmRSS"); -1 where there is none.
qint64 statusKb(const QByteArray& field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray prefix = field + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            return line.mid(prefix.size()).trimmed().split(' ').constFirst().toLongLong();
        }
    }
    return -1;
}

// Resets the peak resident memory to the current one (Linux 4.0 and later).
bool resetPeakMemory() {
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

// Lets posted paints run, so what a page shows is on screen.
void paintNow() {
    QApplication::processEvents();
}

} // namespace

int measureStartup(ui::MainWindow& window, const QElapsedTimer& sinceStart, QTextStream& out,
                   QTextStream& err) {
    ui::DashboardPage* dashboard = window.dashboardPage();
    qint64 headlineMs = -1;
    bool complete = false;
    QObject::connect(dashboard, &ui::DashboardPage::headlineShown, dashboard, [&] {
        if (headlineMs < 0) {
            paintNow();
            headlineMs = sinceStart.elapsed();
        }
    });
    QObject::connect(dashboard, &ui::DashboardPage::figuresShown, dashboard,
                     [&] { complete = true; });
    int progressUpdates = 0;
    qint64 lacking = 0;
    QObject::connect(dashboard, &ui::DashboardPage::outcomeProgress, dashboard,
                     [&](qint64, qint64 of) {
                         ++progressUpdates;
                         lacking = of;
                     });
    window.show();
    paintNow();
    const qint64 windowMs = sinceStart.elapsed();

    // The longest gap between two turns of the event loop, sampled by a
    // timer that should fire every few milliseconds.
    qint64 longestStallMs = 0;
    QElapsedTimer sinceTurn;
    sinceTurn.start();
    QEventLoop loop;
    QTimer probe;
    probe.setInterval(stallProbeMs);
    QObject::connect(&probe, &QTimer::timeout, &loop, [&] {
        longestStallMs = std::max(longestStallMs, sinceTurn.restart() - stallProbeMs);
        if (complete) {
            loop.quit();
        }
    });
    QTimer::singleShot(startupDeadlineMs, &loop, &QEventLoop::quit);
    probe.start();
    if (!complete) {
        loop.exec();
    }
    probe.stop();
    if (!complete) {
        err << "The Dashboard did not show its figures within " << startupDeadlineMs / 1000 << " s."
            << Qt::endl;
        return 1;
    }
    paintNow();
    const qint64 startupMs = sinceStart.elapsed();
    out << "startup_ms " << startupMs << " window_ms " << windowMs << " headline_ms "
        << (headlineMs < 0 ? startupMs : headlineMs) << " stall_ms "
        << std::max<qint64>(0, longestStallMs) << " progress_updates " << progressUpdates
        << " outcomes_lacking " << lacking << Qt::endl;
    return 0;
}

int measureMemory(ui::MainWindow& window, QTextStream& out) {
    window.show();
    paintNow();
    out << "page 00-opened peak_kb " << statusKb("VmHWM") << " rss_kb " << statusKb("VmRSS")
        << Qt::endl;
    qint64 peak = statusKb("VmHWM");
    const bool perPage = resetPeakMemory();
    QElapsedTimer sincePage;
    sincePage.start();
    window.visitEveryPage([&](const QString& stem) {
        const qint64 pagePeak = statusKb("VmHWM");
        peak = std::max(peak, pagePeak);
        out << "page " << stem << " peak_kb " << pagePeak << " rss_kb " << statusKb("VmRSS")
            << " ms " << sincePage.elapsed() << Qt::endl;
        if (perPage) {
            resetPeakMemory();
        }
        sincePage.restart();
    });
    out << "peak_kb " << peak << Qt::endl;
    return 0;
}

} // namespace escdesk::gui
