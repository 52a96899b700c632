#pragma once

// Asks before a draft is published: what publishing does, the differences
// it makes (as MatrixDiff words them) and the summary the history records.
// A draft with validation errors cannot be published: the dialog says so
// and offers only Cancel.

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace escdesk::ui {

class MatrixDocument;

class PublishDraftDialog : public QDialog {
    Q_OBJECT
public:
    explicit PublishDraftDialog(const MatrixDocument& document, QWidget* parent = nullptr);

    QLineEdit* summaryField() const { return m_summary; }
    QPlainTextEdit* differences() const { return m_differences; }
    QPushButton* publishButton() const { return m_publish; }
    // The summary typed (empty: core's "Draft published").
    QString summary() const;

private:
    QLineEdit* m_summary;
    QPlainTextEdit* m_differences;
    QPushButton* m_publish;
};

} // namespace escdesk::ui
