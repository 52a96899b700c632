#pragma once

// The desktop application's own measurements, for the benchmarks in bench/:
// how soon the Dashboard shows its figures after start, and how much memory
// each page costs. Both print one line per figure on `out` and return the
// process's exit code.

#include <QElapsedTimer>
#include <QTextStream>

namespace escdesk::ui {
class MainWindow;
}

namespace escdesk::gui {

// --measure-startup: shows `window` (its workspace open, the Dashboard
// current) and waits until the Dashboard has painted every figure. Prints
//   startup_ms T window_ms W headline_ms H stall_ms S progress_updates P
//   outcomes_lacking L
// in milliseconds since `sinceStart`: T complete figures painted, W the
// window painted, H the headline cards painted; S the longest the event
// loop did not turn meanwhile; P how many progress counts the page showed
// while deciding the L tickets whose outcomes were not kept (0 when warm).
int measureStartup(ui::MainWindow& window, const QElapsedTimer& sinceStart, QTextStream& out,
                   QTextStream& err);

// --measure-memory: shows every page of `window` in turn (as --screenshots
// does) and prints, for each, the peak resident memory while it loaded and
// the resident memory once shown, and the milliseconds it took to show (its
// data loaded, plus 150 ms for the layout to settle):
//   page 01-dashboard peak_kb P rss_kb R ms T
// then `peak_kb P` over the whole run. The peak of each page is its own
// (Linux: /proc/self/clear_refs resets the high-water mark between pages).
int measureMemory(ui::MainWindow& window, QTextStream& out);

} // namespace escdesk::gui
