#include "Appearance.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QPalette>
#include <QStyleFactory>

namespace escdesk::ui {

namespace {

QPalette calmPalette() {
    QPalette palette;
    const QColor window(0xf4, 0xf6, 0xf9);
    const QColor text(0x1f, 0x29, 0x33);
    const QColor muted(0x7b, 0x87, 0x94);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf9, 0xfc));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0xfb, 0xfc, 0xfd));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0xdc, 0xe8, 0xfd));
    palette.setColor(QPalette::HighlightedText, text);
    palette.setColor(QPalette::ToolTipBase, Qt::white);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, muted);
    palette.setColor(QPalette::Link, QColor(0x2f, 0x6f, 0xdd));
    palette.setColor(QPalette::Mid, QColor(0xd5, 0xdb, 0xe3));
    palette.setColor(QPalette::Disabled, QPalette::Text, muted);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    return palette;
}

const char* styleSheet = R"css(
QListWidget#navigation {
    background: #1f2a3c;
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
    background: #2c3b54;
    color: white;
    border-left: 3px solid #ffb347;
}
QListWidget#navigation::item:hover:!selected { background: #26344a; }
QLabel#pageTitle { font-size: 17pt; font-weight: 600; color: #1f2933; }
QLabel#subtitle { color: #52606d; }
QLabel#footnote { color: #7b8794; }
QLabel#kpiTitle { color: #7b8794; font-size: 8.5pt; font-weight: 600; letter-spacing: 1px; }
QLabel#kpiValue { font-size: 26pt; font-weight: 600; color: #1f2933; }
QLabel#kpiTitleCompact { color: #52606d; font-size: 9pt; font-weight: 600; }
QLabel#kpiValueCompact { font-size: 18pt; font-weight: 600; color: #1f2933; }
QLabel#kpiPrevious { color: #7b8794; }
QLabel#kpiChange { font-weight: 600; }
QLabel#matchCount { color: #52606d; }
QLabel#emptyState { color: #7b8794; font-size: 10.5pt; }
QLabel#sectionTitle { font-weight: 600; color: #3e4c59; }
QLabel#detailHeading { font-size: 14pt; font-weight: 600; }
QLabel#detailSubject { color: #3e4c59; font-size: 10.5pt; }
QLabel#fieldName { color: #7b8794; }
QTableView, QTreeWidget {
    border: 1px solid #dde2ea;
    border-radius: 4px;
    selection-background-color: #dce8fd;
    selection-color: #1f2933;
}
QTreeWidget::item { padding: 3px 0; }
QHeaderView::section {
    background: #f4f6f9;
    color: #52606d;
    font-weight: 600;
    border: none;
    border-bottom: 1px solid #dde2ea;
    padding: 6px 8px;
}
QStatusBar { color: #52606d; }
QStatusBar QLabel { padding: 0 8px; }
)css";

} // namespace

void applyAppearance(QApplication& application) {
    application.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    application.setPalette(calmPalette());
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    application.setFont(font);
    application.setStyleSheet(QString::fromLatin1(styleSheet));
}

} // namespace escdesk::ui
