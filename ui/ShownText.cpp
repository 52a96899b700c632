#include "ShownText.h"

#include "text/InertText.h"

#include <QLabel>
#include <QSet>
#include <QTextDocument>

namespace escdesk::ui::shown {

namespace {

QString cut(const QString& text, qsizetype characters) {
    if (text.size() <= characters) {
        return text;
    }
    qsizetype end = characters;
    if (text.at(end - 1).isHighSurrogate()) {
        --end; // never half a character
    }
    return text.left(end) + QChar(0x2026);
}

// The message box's own labels: its text and informative text.
void plainLabels(QMessageBox& box) {
    box.setTextFormat(Qt::PlainText);
    for (QLabel* label : box.findChildren<QLabel*>()) {
        if (label->objectName() == QLatin1String("qt_msgbox_label") ||
            label->objectName() == QLatin1String("qt_msgbox_informativelabel")) {
            label->setTextFormat(Qt::PlainText);
        }
    }
}

} // namespace

QString text(const QString& text) {
    // Cut before making it inert: the 1 MB subject is not copied whole.
    return escdesk::text::inert(cut(text, maxCharacters));
}

QString toolTip(const QString& text) {
    if (text.isEmpty()) {
        return text; // no tooltip at all
    }
    // Qt::convertFromPlainText escapes the text and marks it as rich text,
    // so the tooltip shows it literally (line breaks kept).
    return Qt::convertFromPlainText(shown::text(text), Qt::WhiteSpaceNormal);
}

QString html(const QString& text) {
    return shown::text(text).toHtmlEscaped();
}

QString chartLabel(const QString& text) {
    return escdesk::text::inert(cut(text, maxChartLabelCharacters)).toHtmlEscaped();
}

QStringList chartCategories(const QStringList& labels) {
    QStringList categories;
    QSet<QString> taken;
    for (const QString& label : labels) {
        const QString base = chartLabel(label);
        QString category = base;
        for (int n = 2; taken.contains(category); ++n) {
            category = base + QStringLiteral(" (%1)").arg(n);
        }
        taken.insert(category);
        categories << category;
    }
    return categories;
}

QLabel* plainLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(parent);
    setPlainText(label, text);
    return label;
}

void setPlainText(QLabel* label, const QString& text) {
    label->setTextFormat(Qt::PlainText);
    label->setText(shown::text(text));
}

void fitInLayout(QLabel* label) {
    // An explicit minimum replaces the label's own (its whole text): the
    // layout still gives it the width it prefers when there is room.
    label->setMinimumWidth(1);
}

void makePlain(QMessageBox& box) {
    box.setText(shown::text(box.text()));
    if (!box.informativeText().isEmpty()) {
        box.setInformativeText(shown::text(box.informativeText()));
    }
    plainLabels(box);
}

namespace {

QMessageBox::StandardButton ask(QMessageBox::Icon icon, QWidget* parent, const QString& title,
                                const QString& text, QMessageBox::StandardButtons buttons,
                                QMessageBox::StandardButton defaultButton) {
    QMessageBox box(icon, shown::text(title), text, buttons, parent);
    box.setDefaultButton(defaultButton);
    makePlain(box);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

} // namespace

void warning(QWidget* parent, const QString& title, const QString& text) {
    ask(QMessageBox::Warning, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

void information(QWidget* parent, const QString& title, const QString& text) {
    ask(QMessageBox::Information, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons,
                                     QMessageBox::StandardButton defaultButton) {
    return ask(QMessageBox::Question, parent, title, text, buttons, defaultButton);
}

QString ItemDelegate::displayText(const QVariant& value, const QLocale& locale) const {
    return shown::text(QStyledItemDelegate::displayText(value, locale));
}

} // namespace escdesk::ui::shown
