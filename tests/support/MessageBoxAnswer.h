#pragma once

// Test support: answers the modal message box an action shows, as a user
// would, so that a suite can check its words and what each answer does.

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QString>
#include <QTimer>

#include <functional>

namespace escdesk::testsupport {

// Runs `showIt`, which shows a modal message box, clicks the box's button
// labelled `answer` (or just closes it when `answer` is empty or no button
// has that label) and returns the box's text: empty when no box showed.
inline QString answerMessageBox(const QString& answer, const std::function<void()>& showIt) {
    QString text;
    QTimer poll; // the box's own event loop runs it
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            return;
        }
        text = box->text();
        for (QAbstractButton* button : box->buttons()) {
            if (!answer.isEmpty() && button->text() == answer) {
                button->click();
                return;
            }
        }
        box->done(0);
    });
    poll.start(20);
    showIt();
    return text;
}

} // namespace escdesk::testsupport
