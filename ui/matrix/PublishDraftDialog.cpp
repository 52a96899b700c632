#include "matrix/PublishDraftDialog.h"

#include "Appearance.h"
#include "matrix/MatrixDiff.h"
#include "matrix/MatrixDocument.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace escdesk::ui {

PublishDraftDialog::PublishDraftDialog(const MatrixDocument& document, QWidget* parent)
    : QDialog(parent)
    , m_summary(new QLineEdit(this))
    , m_differences(new QPlainTextEdit(this)) {
    setWindowTitle(tr("Publish the Draft"));
    resize(620, 440);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Publishing makes the draft the team's escalation matrix. It is "
                                "recorded as one entry in the history, with the summary below, "
                                "and the draft is then gone."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_differences->setReadOnly(true);
    m_differences->setAccessibleName(tr("Differences the draft makes"));
    m_differences->setPlainText(
        matrix::diffText(matrix::diffMatrices(document.publishedMatrix(), document.matrix())));
    layout->addWidget(m_differences, 1);
    auto* form = new QFormLayout;
    m_summary->setPlaceholderText(tr("Draft published"));
    m_summary->setAccessibleName(tr("Summary for the history"));
    m_summary->setToolTip(tr("What the change is and why, as the history will show it"));
    form->addRow(tr("&Summary:"), m_summary);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_publish = buttons->addButton(tr("Publish"), QDialogButtonBox::AcceptRole);
    const int errors = document.errorCount();
    if (errors > 0) {
        auto* refusal = new QLabel(
            errors == 1 ? tr("The draft has 1 validation error: correct it before publishing.")
                        : tr("The draft has %1 validation errors: correct them before publishing.")
                              .arg(errors),
            this);
        refusal->setWordWrap(true);
        QPalette palette = refusal->palette();
        palette.setColor(QPalette::WindowText, themeColours().bad);
        refusal->setPalette(palette);
        layout->addWidget(refusal);
        m_publish->setEnabled(false);
    }
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_summary->setFocus();
}

QString PublishDraftDialog::summary() const {
    return m_summary->text().trimmed();
}

} // namespace escdesk::ui
