#pragma once

// The application's look: the Fusion style with a calm light or dark
// palette, one readable font, and the style sheet of the named widgets (page
// titles, KPI cards, the navigation list). Widgets that paint their own
// colours (charts, cards) ask themeColours() and restyle on a palette change.

#include <QColor>
#include <QString>

class QApplication;

namespace escdesk::ui {

enum class Theme { System, Light, Dark };

// The colours of the active theme that palettes do not carry.
struct ThemeColours {
    bool dark = false;
    QColor text;       // body text
    QColor strongText; // headings, chart titles
    QColor mutedText;  // axis labels, footnotes
    QColor card;       // card and chart backgrounds
    QColor border;     // card and chart outlines
    QColor grid;       // chart grid lines
    QColor accent;     // the primary series
    QColor good;
    QColor watch;
    QColor bad;
    QColor goodTint; // band backgrounds
    QColor watchTint;
    QColor badTint;
    QColor neutralTint;
};

// Applies the style, font and `theme` (System follows the desktop).
void applyAppearance(QApplication& application, Theme theme = Theme::System);
// Switches the theme of the running application; every widget gets a
// palette-change event and restyles. System reads the desktop's palette
// again, so calling it after the desktop changed follows the change.
void setTheme(Theme theme);
Theme currentTheme();
// Whether the dark palette is in use (System resolved).
bool darkThemeActive();
const ThemeColours& themeColours();

// "system", "light", "dark" (settings, --theme) and back; unknown names give
// Theme::System.
QString themeKey(Theme theme);
Theme themeFromKey(const QString& key);

} // namespace escdesk::ui
