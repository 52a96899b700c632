#pragma once

// Whether a control may change the open workspace, and why not. A
// workspace that cannot be written (a read-only folder, file or drive)
// opens for reading: every control that would write to it is disabled, and
// its tooltip says why instead of what it does.

#include <QString>

class QAction;
class QWidget;

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

// "The workspace is read-only: its folder /x is read-only." — empty when
// `workspace` is null or can be written.
QString readOnlyExplanation(const store::Workspace* workspace);

// Enables `control` when `enabled` and `readOnly` (an explanation as above)
// is empty. While the workspace is read-only the control is disabled (a
// text field or spin box is made read-only instead, so that its text stays
// legible) and its tooltip shows `readOnly`; its own tooltip comes back
// once the workspace can be written.
void enableEdit(QWidget* control, bool enabled, const QString& readOnly);
void enableEdit(QAction* control, bool enabled, const QString& readOnly);

} // namespace escdesk::ui
