#pragma once

// The band above the matrix editors while a draft is edited: it says so,
// what the draft is based on (the published matrix as of which change), who
// started and last saved it and when, how many differences it has from the
// published matrix, and — when the published matrix changed meanwhile — that
// publishing would replace those changes. Its buttons compare, replay,
// publish and discard the draft.

#include <QFrame>

class QLabel;
class QPushButton;

namespace escdesk::ui {

class MatrixDocument;

class DraftBanner : public QFrame {
    Q_OBJECT
public:
    explicit DraftBanner(MatrixDocument* document, QWidget* parent = nullptr);

    QLabel* label() const { return m_label; }
    QPushButton* compareButton() const { return m_compare; }
    QPushButton* replayButton() const { return m_replay; }
    QPushButton* publishButton() const { return m_publish; }
    QPushButton* discardButton() const { return m_discard; }

    // Rereads what the draft is based on (after a draft was started, taken
    // up or left) and shows the banner while there is a draft.
    void reloadDraft();
    // Shows the draft's last save and its differences (after each edit).
    void refresh();

signals:
    void compareRequested();
    void replayRequested();
    void publishRequested();
    void discardRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    MatrixDocument* m_document;
    QLabel* m_label;
    QPushButton* m_compare;
    QPushButton* m_replay;
    QPushButton* m_publish;
    QPushButton* m_discard;
    QString m_base; // "the published matrix of 2026-11-20 14:02 (Dana Lead)"
};

} // namespace escdesk::ui
