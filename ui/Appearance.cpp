#include "Appearance.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

#include <utility>

namespace escdesk::ui {

namespace {

ThemeColours lightColours() {
    ThemeColours c;
    c.dark = false;
    c.text = QColor(0x1f, 0x29, 0x33);
    c.strongText = QColor(0x3e, 0x4c, 0x59);
    c.mutedText = QColor(0x52, 0x60, 0x6d);
    c.card = Qt::white;
    c.border = QColor(0xdd, 0xe2, 0xea);
    c.grid = QColor(0xe4, 0xe8, 0xee);
    c.accent = QColor(0x2f, 0x6f, 0xdd);
    c.good = QColor(0x1e, 0x7f, 0x4f);
    c.watch = QColor(0xa8, 0x62, 0x00);
    c.bad = QColor(0xb4, 0x23, 0x18);
    c.goodTint = QColor(0xe7, 0xf5, 0xee);
    c.watchTint = QColor(0xfd, 0xf3, 0xe1);
    c.badTint = QColor(0xfd, 0xec, 0xea);
    c.neutralTint = QColor(0xee, 0xf1, 0xf5);
    return c;
}

// Dark colours keep the light theme's hues, lifted so that they read on a
// dark card (WCAG AA contrast for text on #232d3b).
ThemeColours darkColours() {
    ThemeColours c;
    c.dark = true;
    c.text = QColor(0xe4, 0xe9, 0xf0);
    c.strongText = QColor(0xd0, 0xd8, 0xe2);
    c.mutedText = QColor(0x9a, 0xa7, 0xb6);
    c.card = QColor(0x23, 0x2d, 0x3b);
    c.border = QColor(0x36, 0x43, 0x55);
    c.grid = QColor(0x33, 0x3f, 0x50);
    c.accent = QColor(0x5b, 0x93, 0xf0);
    c.good = QColor(0x4c, 0xc3, 0x8a);
    c.watch = QColor(0xf2, 0xae, 0x49);
    c.bad = QColor(0xf0, 0x71, 0x67);
    c.goodTint = QColor(0x1d, 0x3b, 0x30);
    c.watchTint = QColor(0x42, 0x35, 0x1c);
    c.badTint = QColor(0x46, 0x25, 0x25);
    c.neutralTint = QColor(0x2c, 0x37, 0x47);
    return c;
}

QPalette paletteOf(const ThemeColours& c) {
    QPalette palette;
    const QColor window = c.dark ? QColor(0x1a, 0x21, 0x2c) : QColor(0xf4, 0xf6, 0xf9);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, c.text);
    palette.setColor(QPalette::Base, c.card);
    palette.setColor(QPalette::AlternateBase,
                     c.dark ? QColor(0x27, 0x32, 0x42) : QColor(0xf7, 0xf9, 0xfc));
    palette.setColor(QPalette::Text, c.text);
    palette.setColor(QPalette::Button,
                     c.dark ? QColor(0x2b, 0x36, 0x47) : QColor(0xfb, 0xfc, 0xfd));
    palette.setColor(QPalette::ButtonText, c.text);
    palette.setColor(QPalette::BrightText, c.dark ? Qt::white : Qt::black);
    palette.setColor(QPalette::Highlight,
                     c.dark ? QColor(0x2f, 0x4f, 0x86) : QColor(0xdc, 0xe8, 0xfd));
    palette.setColor(QPalette::HighlightedText, c.dark ? Qt::white : c.text);
    palette.setColor(QPalette::ToolTipBase, c.dark ? QColor(0x2b, 0x36, 0x47) : Qt::white);
    palette.setColor(QPalette::ToolTipText, c.text);
    palette.setColor(QPalette::PlaceholderText, c.mutedText);
    palette.setColor(QPalette::Link, c.accent);
    palette.setColor(QPalette::LinkVisited, c.accent);
    palette.setColor(QPalette::Mid, c.dark ? QColor(0x3a, 0x46, 0x57) : QColor(0xd5, 0xdb, 0xe3));
    palette.setColor(QPalette::Midlight,
                     c.dark ? QColor(0x33, 0x3f, 0x50) : QColor(0xe6, 0xea, 0xf0));
    palette.setColor(QPalette::Dark, c.dark ? QColor(0x12, 0x18, 0x21) : QColor(0xa0, 0xa8, 0xb3));
    palette.setColor(QPalette::Light, c.dark ? QColor(0x3c, 0x49, 0x5c) : Qt::white);
    palette.setColor(QPalette::Shadow,
                     c.dark ? QColor(0x0b, 0x0f, 0x15) : QColor(0x76, 0x7f, 0x8a));
    const QColor disabled = c.dark ? QColor(0x6b, 0x77, 0x87) : QColor(0x9a, 0xa5, 0xb1);
    palette.setColor(QPalette::Disabled, QPalette::Text, disabled);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    return palette;
}

// The style sheet names colours as @role@ and gets them from the theme.
const char* styleSheetTemplate = R"css(
QListWidget#navigation {
    background: @navigation@;
    color: #d6deeb;
    padding-top: 12px;
    font-size: 10.5pt;
    outline: 0;
}
QListWidget#navigation::item {
    padding-left: 14px;
    border-left: 3px solid transparent;
}
QListWidget#navigation::item:selected {
    background: @navigationSelected@;
    color: white;
    border-left: 3px solid #ffb347;
}
QListWidget#navigation::item:hover:!selected { background: @navigationHover@; }
QLabel#pageTitle { font-size: 17pt; font-weight: 600; color: @text@; }
QLabel#subtitle { color: @muted@; }
QLabel#footnote { color: @faint@; }
QLabel#kpiTitle { color: @faint@; font-size: 8.5pt; font-weight: 600; letter-spacing: 1px; }
QLabel#kpiValue { font-size: 26pt; font-weight: 600; color: @text@; }
QLabel#kpiTitleCompact { color: @muted@; font-size: 9pt; font-weight: 600; }
QLabel#kpiValueCompact { font-size: 18pt; font-weight: 600; color: @text@; }
QLabel#kpiPrevious { color: @faint@; }
QLabel#kpiChange { font-weight: 600; }
QLabel#matchCount { color: @muted@; }
QLabel#emptyState { color: @faint@; font-size: 10.5pt; }
QLabel#sectionTitle { font-weight: 600; color: @strong@; }
QLabel#detailHeading { font-size: 14pt; font-weight: 600; }
QLabel#detailSubject { color: @strong@; font-size: 10.5pt; }
QLabel#fieldName { color: @faint@; }
QLabel#inlineHelp {
    background: @helpBackground@;
    border: 1px solid @helpBorder@;
    border-radius: 6px;
    padding: 8px 12px;
    color: @text@;
}
QFrame#draftBanner {
    background: @watchTint@;
    border: 1px solid @watch@;
    border-radius: 6px;
}
QFrame#draftBanner QLabel { background: transparent; color: @text@; }
QTableView, QTreeWidget {
    border: 1px solid @border@;
    border-radius: 4px;
    selection-background-color: @selection@;
    selection-color: @selectionText@;
}
QTreeWidget::item { padding: 3px 0; }
QHeaderView::section {
    background: @header@;
    color: @muted@;
    font-weight: 600;
    border: none;
    border-bottom: 1px solid @border@;
    padding: 6px 8px;
}
QStatusBar { color: @muted@; }
QStatusBar QLabel { padding: 0 8px; }
QLabel#statusReadOnly { color: @watch@; font-weight: 600; }
QFrame#welcomeCard {
    background: @card@;
    border: 1px solid @border@;
    border-radius: 10px;
}
QFrame#welcomeCard QLabel { background: transparent; }
QLabel#welcomeTitle { font-size: 22pt; font-weight: 600; color: @text@; }
QLabel#welcomeLead { font-size: 11pt; color: @muted@; }
QPushButton#welcomeAction {
    border: 1px solid @border@;
    border-radius: 8px;
    background: @card@;
    color: @text@;
}
QPushButton#welcomeAction QLabel { background: transparent; }
QLabel#welcomeActionTitle { font-size: 10.5pt; font-weight: 600; color: @text@; }
QLabel#welcomeActionDetail { color: @muted@; }
QPushButton#welcomeAction:hover { border-color: @accent@; background: @selection@; }
QPushButton#welcomeAction:default { border: 2px solid @accent@; }
QListWidget#recentList { border: none; background: transparent; outline: 0; }
QListWidget#recentList::item { padding: 4px 6px; border-radius: 6px; color: @text@; }
QListWidget#recentList::item:hover { background: @selection@; }
QListWidget#paletteList { border: none; }
QLineEdit#paletteSearch { padding: 8px; font-size: 11pt; border: none;
    border-bottom: 1px solid @border@; }
)css";

QString styleSheetOf(const ThemeColours& c) {
    const auto name = [](const QColor& colour) {
        return colour.name();
    };
    const std::pair<const char*, QString> roles[] = {
        {"@navigation@", c.dark ? QStringLiteral("#131a24") : QStringLiteral("#1f2a3c")},
        {"@navigationSelected@", c.dark ? QStringLiteral("#223048") : QStringLiteral("#2c3b54")},
        {"@navigationHover@", c.dark ? QStringLiteral("#1b2535") : QStringLiteral("#26344a")},
        {"@text@", name(c.text)},
        {"@strong@", name(c.strongText)},
        {"@muted@", name(c.mutedText)},
        {"@faint@", c.dark ? QStringLiteral("#8592a3") : QStringLiteral("#7b8794")},
        {"@border@", name(c.border)},
        {"@card@", name(c.card)},
        {"@accent@", name(c.accent)},
        {"@watch@", name(c.watch)},
        {"@watchTint@", name(c.watchTint)},
        {"@selection@", c.dark ? QStringLiteral("#2f4f86") : QStringLiteral("#dce8fd")},
        {"@selectionText@", c.dark ? QStringLiteral("#ffffff") : name(c.text)},
        {"@header@", c.dark ? QStringLiteral("#202a37") : QStringLiteral("#f4f6f9")},
        {"@helpBackground@", c.dark ? QStringLiteral("#1f3047") : QStringLiteral("#eef4fe")},
        {"@helpBorder@", c.dark ? QStringLiteral("#2f4f86") : QStringLiteral("#c9dbfb")},
    };
    QString sheet = QString::fromLatin1(styleSheetTemplate);
    for (const auto& [role, colour] : roles) {
        sheet.replace(QLatin1String(role), colour);
    }
    return sheet;
}

Theme activeTheme = Theme::System;
ThemeColours active = lightColours();
// Whether the desktop's own palette is dark (read when System is chosen).
bool systemIsDark = false;

// The desktop's palette: with ours set, an empty palette brings it back for
// a moment (Qt 6.4 has no colour-scheme query).
bool platformPrefersDark() {
    QGuiApplication::setPalette(QPalette());
    const QPalette platform = QGuiApplication::palette();
    // A dark desktop gives light text on a dark window.
    return platform.color(QPalette::Window).lightness() <
           platform.color(QPalette::WindowText).lightness();
}

} // namespace

void applyAppearance(QApplication& application, Theme theme) {
    application.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    application.setFont(font);
    setTheme(theme);
}

void setTheme(Theme theme) {
    activeTheme = theme;
    if (theme == Theme::System) {
        systemIsDark = platformPrefersDark();
    }
    const bool dark = theme == Theme::Dark || (theme == Theme::System && systemIsDark);
    active = dark ? darkColours() : lightColours();
    QApplication::setPalette(paletteOf(active));
    if (auto* application = qobject_cast<QApplication*>(QCoreApplication::instance())) {
        application->setStyleSheet(styleSheetOf(active));
    }
}

Theme currentTheme() {
    return activeTheme;
}

bool darkThemeActive() {
    return active.dark;
}

const ThemeColours& themeColours() {
    return active;
}

QString themeKey(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Theme themeFromKey(const QString& key) {
    if (key == QLatin1String("light")) {
        return Theme::Light;
    }
    if (key == QLatin1String("dark")) {
        return Theme::Dark;
    }
    return Theme::System;
}

} // namespace escdesk::ui
