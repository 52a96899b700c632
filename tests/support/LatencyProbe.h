#pragma once

// Measures how responsive the GUI thread's event loop is: a timer asks to
// fire every 10 ms and records the largest gap between two firings. A gap
// of G ms means the loop could not handle a click, a repaint or a key press
// for up to G ms. Used by the GUI latency test and bench/import_latency.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace escdesk::testsupport {

class LatencyProbe : public QObject {
public:
    static constexpr int intervalMs = 10;

    explicit LatencyProbe(QObject* parent = nullptr)
        : QObject(parent) {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }

    void start() {
        m_gapsMs.clear();
        m_cpuGapsMs.clear();
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_lastWait = runQueueWaitNs();
        m_ownGapsMs.clear();
        m_timer.start();
    }
    void stop() {
        tick(); // the gap up to now counts too
        m_timer.stop();
    }

    // The largest gap less the time the thread waited for a CPU meanwhile:
    // the stall the application caused (work, blocking waits), without the
    // share of the machine other processes took. Equal to maxGapMs() on an
    // idle machine.
    double maxOwnGapMs() const {
        return m_ownGapsMs.empty() ? 0.0
                                   : *std::max_element(m_ownGapsMs.begin(), m_ownGapsMs.end());
    }
    // The most CPU time the GUI thread spent between two ticks.
    double maxCpuGapMs() const {
        return m_cpuGapsMs.empty() ? 0.0
                                   : *std::max_element(m_cpuGapsMs.begin(), m_cpuGapsMs.end());
    }
    double maxGapMs() const {
        return m_gapsMs.empty() ? 0.0 : *std::max_element(m_gapsMs.begin(), m_gapsMs.end());
    }
    // The gap that `fraction` of all gaps are at most (0.99: the 99th
    // percentile).
    double percentileGapMs(double fraction) const {
        if (m_gapsMs.empty()) {
            return 0.0;
        }
        std::vector<double> sorted = m_gapsMs;
        std::sort(sorted.begin(), sorted.end());
        const auto index = static_cast<std::size_t>(fraction * double(sorted.size() - 1));
        return sorted[index];
    }
    std::size_t ticks() const { return m_gapsMs.size(); }
    // "gap@end" (ms) of every gap of at least `thresholdMs`.
    QString longGaps(double thresholdMs) const {
        QString list;
        double end = 0;
        for (const double gap : m_gapsMs) {
            end += gap;
            if (gap >= thresholdMs) {
                list += QStringLiteral(" %1@%2").arg(gap, 0, 'f', 0).arg(end, 0, 'f', 0);
            }
        }
        return list;
    }
    // When the largest gap ended, in ms since start().
    double maxGapEndMs() const {
        if (m_gapsMs.empty()) {
            return 0.0;
        }
        const auto at = std::max_element(m_gapsMs.begin(), m_gapsMs.end()) - m_gapsMs.begin();
        double end = 0;
        for (std::ptrdiff_t i = 0; i <= at; ++i) {
            end += m_gapsMs[std::size_t(i)];
        }
        return end;
    }
    double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

private:
    // The GUI thread's own CPU time: what it computed between two ticks,
    // as opposed to the wall-clock gap, which on a loaded machine also holds
    // the time the scheduler gave other processes.
    // Nanoseconds this thread has spent runnable but waiting for a CPU
    // (Linux schedstat); 0 where the kernel does not tell.
    static qint64 runQueueWaitNs() {
        std::FILE* file = std::fopen("/proc/thread-self/schedstat", "r");
        if (!file) {
            return 0;
        }
        long long onCpu = 0;
        long long waiting = 0;
        const int read = std::fscanf(file, "%lld %lld", &onCpu, &waiting);
        std::fclose(file);
        return read == 2 ? qint64(waiting) : 0;
    }

    static qint64 threadCpuNs() {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    }

    void tick() {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        const qint64 wait = runQueueWaitNs();
        m_gapsMs.push_back(double(now - m_last) / 1e6);
        m_cpuGapsMs.push_back(double(cpu - m_lastCpu) / 1e6);
        m_ownGapsMs.push_back(double((now - m_last) - (wait - m_lastWait)) / 1e6);
        m_last = now;
        m_lastCpu = cpu;
        m_lastWait = wait;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_lastWait = 0;
    std::vector<double> m_ownGapsMs;
    std::vector<double> m_gapsMs;
    std::vector<double> m_cpuGapsMs;
};

} // namespace escdesk::testsupport
