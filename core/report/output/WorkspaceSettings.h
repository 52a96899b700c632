#pragma once

// The workspace settings a person may read and change (`escdesk settings`,
// Edit › Preferences…), each with what it means, its default and the check
// a new value must pass. Other keys of the settings table (kept counts, the
// trained risk model…) belong to the program and are neither listed nor
// settable here.
//
// It lives beside the e-mail writer because a report_recipients or
// report_sender value is valid exactly when that writer accepts its
// mailboxes: one rule, checked when it is set and when a report is mailed.

#include "store/Workspace.h"

#include <QString>

#include <optional>
#include <stdexcept>
#include <vector>

namespace escdesk::report {

// The default N of the renewal-window segments: accounts renewing within N
// days of the period's end.
inline constexpr int defaultRenewalWindowDays = 90;
inline constexpr int longestRenewalWindowDays = 3650;

struct SettingDefinition {
    QString key;
    QString description; // one sentence, for --help, list and the dialog
    QString defaultText; // what applies when unset, in words
};

// The settings a person may change, in the order they are listed.
const std::vector<SettingDefinition>& settingDefinitions();
const SettingDefinition* findSetting(const QString& key);

// Why `value` cannot be the value of the known setting `key`; empty when it
// can. An empty value (after trimming) is always accepted: it clears the
// setting, so that its default applies.
QString settingProblem(const QString& key, const QString& value);

// Thrown by setWorkspaceSetting for an unknown key or a refused value.
class SettingRefused : public std::runtime_error {
public:
    explicit SettingRefused(const QString& message);
    QString message() const;
};

// The stored value (trimmed) of a known setting; empty when unset.
QString workspaceSetting(store::Workspace& workspace, const QString& key);

// Stores the trimmed value after its check; throws SettingRefused.
void setWorkspaceSetting(store::Workspace& workspace, const QString& key, const QString& value);

struct SettingValue {
    const SettingDefinition* definition = nullptr;
    QString value; // empty: unset, the default applies
};

std::vector<SettingValue> workspaceSettings(store::Workspace& workspace);

// The renewal window's N from the setting, else defaultRenewalWindowDays.
int renewalWindowDays(store::Workspace& workspace);

} // namespace escdesk::report
