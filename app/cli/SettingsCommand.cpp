// escdesk settings get KEY | set KEY VALUE | list: the workspace settings a
// person may change (report/output/WorkspaceSettings.h), so that nobody
// edits the settings table with SQL. An empty VALUE clears a setting.

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "report/output/WorkspaceSettings.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace escdesk::cli {

namespace {

QString settingsHelp() {
    QString help = QStringLiteral(
        "Read or change the workspace settings.\n"
        "  get KEY          print the setting's value (empty when unset)\n"
        "  set KEY VALUE    check and store VALUE; an empty VALUE clears the setting\n"
        "  list             every setting, its value and its default\n\nSettings:");
    for (const report::SettingDefinition& definition : report::settingDefinitions()) {
        help += QStringLiteral("\n  %1  %2 Default: %3.")
                    .arg(definition.key, definition.description, definition.defaultText);
    }
    return help;
}

const report::SettingDefinition& knownSetting(const QString& key) {
    const report::SettingDefinition* definition = report::findSetting(key);
    if (!definition) {
        throw UsageProblem{report::settingProblem(key, {})};
    }
    return *definition;
}

QJsonObject settingJson(const report::SettingValue& setting) {
    return QJsonObject{{QStringLiteral("key"), setting.definition->key},
                       {QStringLiteral("value"), setting.value.isEmpty()
                                                     ? QJsonValue(QJsonValue::Null)
                                                     : QJsonValue(setting.value)},
                       {QStringLiteral("default"), setting.definition->defaultText},
                       {QStringLiteral("description"), setting.definition->description}};
}

void printJson(const QJsonObject& object) {
    out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
}

int listSettings(store::Workspace& workspace, bool json) {
    const std::vector<report::SettingValue> settings = report::workspaceSettings(workspace);
    if (json) {
        QJsonArray array;
        for (const report::SettingValue& setting : settings) {
            array.append(settingJson(setting));
        }
        printJson(QJsonObject{{QStringLiteral("settings"), array}});
        return Success;
    }
    for (const report::SettingValue& setting : settings) {
        out() << setting.definition->key << " = "
              << (setting.value.isEmpty()
                      ? QStringLiteral("(not set: %1)").arg(setting.definition->defaultText)
                      : setting.value)
              << '\n';
    }
    return Success;
}

int getSetting(store::Workspace& workspace, const QString& key, bool json) {
    const report::SettingDefinition& definition = knownSetting(key);
    const report::SettingValue setting{&definition, report::workspaceSetting(workspace, key)};
    if (json) {
        printJson(settingJson(setting));
    } else {
        out() << setting.value << '\n';
    }
    return Success;
}

int setSetting(store::Workspace& workspace, const QString& key, const QString& value, bool json) {
    const report::SettingDefinition& definition = knownSetting(key);
    try {
        report::setWorkspaceSetting(workspace, key, value);
    } catch (const report::SettingRefused& refused) {
        err() << "escdesk settings: " << QFileInfo(workspace.path()).fileName() << ": " << key
              << ": " << refused.message() << '\n';
        return RefusedInput;
    }
    return getSetting(workspace, definition.key, json);
}

// The action and its arguments, or a usage problem naming what is missing.
QStringList actionArguments(const QCommandLineParser& parser) {
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        throw UsageProblem{QStringLiteral("give get KEY, set KEY VALUE or list.")};
    }
    const QString& action = positional.first();
    struct Form {
        const char* action;
        qsizetype words;
        const char* usage;
    };
    static constexpr Form forms[] = {{"get", 2, "get takes one KEY."},
                                     {"set", 3, "set takes KEY VALUE (\"\" clears it)."},
                                     {"list", 1, "list takes nothing more."}};
    for (const Form& form : forms) {
        if (action == QLatin1String(form.action)) {
            if (positional.size() != form.words) {
                throw UsageProblem{QString::fromUtf8(form.usage)};
            }
            return positional;
        }
    }
    throw UsageProblem{QStringLiteral("'%1' is not get, set or list.").arg(action)};
}

} // namespace

int runSettings(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(settingsHelp());
    addDatabaseOption(parser);
    addJsonOption(parser);
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("get KEY | set KEY VALUE | list"));
    parseOrThrow(parser, arguments);
    const QStringList positional = actionArguments(parser);
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString& action = positional.first();
    if (action == QLatin1String("set")) {
        knownSetting(positional.at(1)); // a usage error before anything is opened
        const QString path = workspacePath(parser);
        if (!QFileInfo(path).isFile()) {
            throw noWorkspaceAt(path);
        }
        auto workspace = openWorkspaceToWrite(parser);
        return setSetting(*workspace, positional.at(1), positional.at(2), json);
    }
    auto workspace = openWorkspace(parser);
    return action == QLatin1String("get") ? getSetting(*workspace, positional.at(1), json)
                                          : listSettings(*workspace, json);
}

} // namespace escdesk::cli
