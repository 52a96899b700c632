#pragma once

// Measures how responsive the GUI thread's event loop is: a timer asks to
// fire every 10 ms and records the largest gap between two firings. A gap
// of G ms means the loop could not handle a click, a repaint or a key press
// for up to G ms. Used by the GUI latency test and bench/import_latency.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
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
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() {
        tick(); // the gap up to now counts too
        m_timer.stop();
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
    double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

private:
    void tick() {
        const qint64 now = m_clock.nsecsElapsed();
        m_gapsMs.push_back(double(now - m_last) / 1e6);
        m_last = now;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gapsMs;
};

} // namespace escdesk::testsupport
