#pragma once

// Edit › Preferences…: the workspace settings a person may change (report
// recipients and sender, the reporting time zone, the name recorded with
// matrix changes, the renewal window of the segments), each checked by core
// (report/output/WorkspaceSettings.h) exactly as `escdesk settings set`
// checks it. A refused value is named under its field and nothing is saved.

#include <QDialog>

#include <map>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    PreferencesDialog(store::Workspace& workspace, QWidget* parent = nullptr);

    // The field of a setting key; null for an unknown key.
    QLineEdit* field(const QString& key) const;
    // The problem shown under a setting's field; empty when none.
    QString problem(const QString& key) const;
    // Whether the last accept changed a setting.
    bool changed() const { return m_changed; }

    // Checks every field and, when all pass, saves the changed ones and
    // closes; otherwise names the problems and stays open.
    void accept() override;

private:
    store::Workspace& m_workspace;
    std::map<QString, QLineEdit*> m_fields;
    std::map<QString, QLabel*> m_problems;
    QDialogButtonBox* m_buttons;
    bool m_changed = false;
};

} // namespace escdesk::ui
