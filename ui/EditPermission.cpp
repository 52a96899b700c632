#include "EditPermission.h"

#include "ShownText.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QCoreApplication>
#include <QLineEdit>

namespace escdesk::ui {

namespace {

// The control's own tooltip, kept while the read-only explanation shows,
// and the explanation shown (to tell it from a tooltip set since).
constexpr char ownToolTip[] = "escdeskOwnToolTip";
constexpr char shownExplanation[] = "escdeskReadOnlyToolTip";

template <typename Control> void explainReadOnly(Control* control, const QString& readOnly) {
    const QVariant shown = control->property(shownExplanation);
    const bool showing = shown.isValid() && control->toolTip() == shown.toString();
    if (!readOnly.isEmpty()) {
        if (!showing) {
            control->setProperty(ownToolTip, control->toolTip());
        }
        // The reason names a folder, which may hold anything: shown literally.
        const QString toolTip = shown::toolTip(readOnly);
        control->setToolTip(toolTip);
        control->setProperty(shownExplanation, toolTip);
        return;
    }
    if (showing) {
        control->setToolTip(control->property(ownToolTip).toString());
    }
    control->setProperty(ownToolTip, QVariant());
    control->setProperty(shownExplanation, QVariant());
}

} // namespace

QString readOnlyExplanation(const store::Workspace* workspace) {
    if (!workspace || !workspace->isReadOnly()) {
        return {};
    }
    if (workspace->readOnlyReason().isEmpty()) {
        return QCoreApplication::translate("EditPermission", "The workspace is read-only.");
    }
    return QCoreApplication::translate("EditPermission", "The workspace is read-only: %1.")
        .arg(workspace->readOnlyReason());
}

void enableEdit(QWidget* control, bool enabled, const QString& readOnly) {
    // Text stays legible (and can be copied) in a read-only field.
    if (auto* line = qobject_cast<QLineEdit*>(control)) {
        line->setReadOnly(!readOnly.isEmpty());
        line->setEnabled(enabled);
    } else if (auto* spin = qobject_cast<QAbstractSpinBox*>(control)) {
        spin->setReadOnly(!readOnly.isEmpty());
        spin->setEnabled(enabled);
    } else {
        control->setEnabled(enabled && readOnly.isEmpty());
    }
    explainReadOnly(control, readOnly);
}

void enableEdit(QAction* control, bool enabled, const QString& readOnly) {
    control->setEnabled(enabled && readOnly.isEmpty());
    explainReadOnly(control, readOnly);
}

} // namespace escdesk::ui
