#pragma once

// Imported text meets a widget here, and only here.
//
// Qt interprets text that merely looks like HTML: a QLabel in its default
// AutoText format, a tooltip, a message box, and everything Qt Charts draws
// (chart and axis titles, axis labels and categories, legend entries — Qt
// Charts lays them all out as HTML). A segment named
// <img src="/some/local.png"> would be drawn as that picture. And Unicode
// controls act on whatever shows them: a right-to-left override makes
// "invoice<U+202E>fdp.exe" read as "invoiceexe.pdf".
//
// Every place that shows imported or typed text — subjects, account names,
// segment and root-cause values, notes, file names, error messages that
// quote them — takes it through one of these. Each makes the text inert
// with the core's text::inert (controls and bidi overrides become the
// visible mark U+FFFD, as in every report and on the command line) and
// forces plain text or escapes it for the rich text it goes into. Text
// longer than maxCharacters is cut there with "…": a 1 MB one-line subject
// would take Qt seconds to lay out; the store keeps all of it.

#include <QMessageBox>
#include <QString>
#include <QStringList>
#include <QStyledItemDelegate>

class QLabel;
class QWidget;

namespace escdesk::ui::shown {

inline constexpr qsizetype maxCharacters = 2000;
// Qt Charts shortens a label to its room itself, trying every length of it:
// a label never needs more than this.
inline constexpr qsizetype maxChartLabelCharacters = 60;

// For a plain-text place: an item view's cell (Qt::DisplayRole), a list,
// tree or combo box item, a window title, a plain-text label.
QString text(const QString& text);
// For a tooltip (a widget's, or an item's Qt::ToolTipRole): shown
// literally, line breaks kept.
QString toolTip(const QString& text);
// For a place inside rich text the program composes ("<b>%1</b>").
QString html(const QString& text);
// For anything Qt Charts draws: a category, a bar set's label, a series'
// name, a title. Escaped, since Qt Charts always reads it as HTML.
QString chartLabel(const QString& text);
// The categories of a bar chart's axis, each a chartLabel, made distinct
// (" (2)", " (3)"…): Qt Charts drops a repeated category, which would shift
// every later bar onto the wrong label.
QStringList chartCategories(const QStringList& labels);

// A label that shows `text` literally, whatever it contains.
QLabel* plainLabel(const QString& text, QWidget* parent);
// Shows `text` literally in `label` (its format becomes Qt::PlainText).
void setPlainText(QLabel* label, const QString& text);

// Lets a label that shows imported text take the width its layout can give
// it: as wide as its text where there is room, clipped where there is not
// (wrapped, where it wraps and the text can break) — never widening the
// window. One 2,000-character word would otherwise make the window 26,000
// pixels wide.
void fitInLayout(QLabel* label);

// Message boxes whose text and informative text are plain text.
void warning(QWidget* parent, const QString& title, const QString& text);
void information(QWidget* parent, const QString& title, const QString& text);
QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons,
                                     QMessageBox::StandardButton defaultButton);
// A message box built by hand: its text and informative text made inert
// and shown as plain text. Call after setting them.
void makePlain(QMessageBox& box);

// Paints an item's text as text() shows it, while an editor opened on the
// item gets the value as stored: for tables whose cells can be edited (the
// matrix editors), where the item itself must keep the real value.
class ItemDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString displayText(const QVariant& value, const QLocale& locale) const override;
};

} // namespace escdesk::ui::shown
