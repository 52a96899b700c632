#include "report/output/WorkspaceSettings.h"

#include "report/output/EmailMessage.h"
#include "text/InertText.h"

#include <QTimeZone>

namespace escdesk::report {

namespace {

const QString recipientsKey = QStringLiteral("report_recipients");
const QString senderKey = QStringLiteral("report_sender");
const QString zoneKey = QStringLiteral("reporting_tz");
const QString userKey = QStringLiteral("user_name");
const QString renewalKey = QStringLiteral("renewal_window_days");

// Why the mailbox cannot head an e-mail, in the e-mail writer's own words.
QString mailboxProblem(const QString& mailbox) {
    try {
        encodeMailbox(mailbox);
    } catch (const std::runtime_error& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

QString recipientsProblem(const QString& value) {
    for (const QString& mailbox : splitMailboxList(value)) {
        if (QString problem = mailboxProblem(mailbox); !problem.isEmpty()) {
            return problem;
        }
    }
    return {};
}

QString senderProblem(const QString& value) {
    if (splitMailboxList(value).size() > 1) {
        return QStringLiteral("The sender is one mailbox, not a list: “%1”.")
            .arg(text::inert(value));
    }
    return mailboxProblem(value);
}

QString zoneProblem(const QString& value) {
    if (QTimeZone::isTimeZoneIdAvailable(value.toUtf8())) {
        return {};
    }
    return QStringLiteral("“%1” is not a time zone this system knows; give an IANA name such as "
                          "Europe/Berlin or America/New_York.")
        .arg(text::inert(value));
}

QString renewalProblem(const QString& value) {
    bool number = false;
    const int days = value.toInt(&number);
    if (number && days >= 1 && days <= longestRenewalWindowDays) {
        return {};
    }
    return QStringLiteral("“%1” is not a whole number of days from 1 to %2.")
        .arg(text::inert(value))
        .arg(longestRenewalWindowDays);
}

QString unknownKeyMessage(const QString& key) {
    QStringList keys;
    for (const SettingDefinition& definition : settingDefinitions()) {
        keys << definition.key;
    }
    return QStringLiteral("“%1” is not a setting; the settings are %2.")
        .arg(text::inert(key), keys.join(QStringLiteral(", ")));
}

} // namespace

const std::vector<SettingDefinition>& settingDefinitions() {
    static const std::vector<SettingDefinition> definitions{
        {recipientsKey,
         QStringLiteral("Who the e-mailed reports go to: mailboxes separated by commas, such as "
                        "Zoë Ünal <zoe@example.com>, lead@example.com."),
         QStringLiteral("no recipients (the e-mail is a draft to address)")},
        {senderKey, QStringLiteral("The sender (From) of the e-mailed reports: one mailbox."),
         QStringLiteral("no sender (the mail program fills it in)")},
        {zoneKey,
         QStringLiteral("The IANA time zone that reporting periods are cut in, such as "
                        "Europe/Berlin; --tz overrides it."),
         QStringLiteral("the system's time zone")},
        {userKey, QStringLiteral("The name recorded with each change of the escalation matrix."),
         QStringLiteral("the login name")},
        {renewalKey,
         QStringLiteral("Segments by renewal window: accounts renewing within this many days "
                        "after the period's end."),
         QString::number(defaultRenewalWindowDays)},
    };
    return definitions;
}

const SettingDefinition* findSetting(const QString& key) {
    for (const SettingDefinition& definition : settingDefinitions()) {
        if (definition.key == key) {
            return &definition;
        }
    }
    return nullptr;
}

QString settingProblem(const QString& key, const QString& value) {
    if (!findSetting(key)) {
        return unknownKeyMessage(key);
    }
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    if (key == recipientsKey) {
        return recipientsProblem(trimmed);
    }
    if (key == senderKey) {
        return senderProblem(trimmed);
    }
    if (key == zoneKey) {
        return zoneProblem(trimmed);
    }
    if (key == renewalKey) {
        return renewalProblem(trimmed);
    }
    return {}; // user_name: any text
}

SettingRefused::SettingRefused(const QString& message)
    : std::runtime_error(message.toStdString()) {}

QString SettingRefused::message() const {
    return QString::fromUtf8(what());
}

QString workspaceSetting(store::Workspace& workspace, const QString& key) {
    if (!findSetting(key)) {
        throw SettingRefused(unknownKeyMessage(key));
    }
    return workspace.setting(key).trimmed();
}

void setWorkspaceSetting(store::Workspace& workspace, const QString& key, const QString& value) {
    if (const QString problem = settingProblem(key, value); !problem.isEmpty()) {
        throw SettingRefused(problem);
    }
    // Stored as an empty text, never NULL (the column is NOT NULL): cleared.
    const QString trimmed = value.trimmed();
    workspace.setSetting(key, trimmed.isNull() ? QStringLiteral("") : trimmed);
}

std::vector<SettingValue> workspaceSettings(store::Workspace& workspace) {
    std::vector<SettingValue> values;
    for (const SettingDefinition& definition : settingDefinitions()) {
        values.push_back(SettingValue{&definition, workspace.setting(definition.key).trimmed()});
    }
    return values;
}

int renewalWindowDays(store::Workspace& workspace) {
    const QString value = workspace.setting(renewalKey).trimmed();
    // A value stored before the check existed (or by hand) that fails it
    // falls back to the default rather than cutting a nonsense window.
    return !value.isEmpty() && renewalProblem(value).isEmpty() ? value.toInt()
                                                               : defaultRenewalWindowDays;
}

} // namespace escdesk::report
