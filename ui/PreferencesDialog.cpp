#include "PreferencesDialog.h"

#include "EditPermission.h"
#include "ShownText.h"
#include "report/output/WorkspaceSettings.h"
#include "store/Workspace.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

// Every zone the system knows, for the reporting time zone's completer.
QStringList zoneNames() {
    QStringList names;
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        names << QString::fromUtf8(id);
    }
    return names;
}

QString labelOf(const QString& key) {
    if (key == QLatin1String("report_recipients")) {
        return PreferencesDialog::tr("Report &recipients:");
    }
    if (key == QLatin1String("report_sender")) {
        return PreferencesDialog::tr("Report &sender:");
    }
    if (key == QLatin1String("reporting_tz")) {
        return PreferencesDialog::tr("Reporting &time zone:");
    }
    if (key == QLatin1String("user_name")) {
        return PreferencesDialog::tr("Your &name:");
    }
    if (key == QLatin1String("renewal_window_days")) {
        return PreferencesDialog::tr("Renewal &window (days):");
    }
    return key;
}

} // namespace

PreferencesDialog::PreferencesDialog(store::Workspace& workspace, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(560);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Settings of this workspace, shared by everyone who opens it and by escdesk settings."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const QString readOnly = readOnlyExplanation(&workspace);
    for (const report::SettingValue& setting : report::workspaceSettings(workspace)) {
        const QString& key = setting.definition->key;
        auto* edit = new QLineEdit(setting.value, this);
        edit->setObjectName(key);
        edit->setPlaceholderText(tr("Default: %1").arg(setting.definition->defaultText));
        edit->setToolTip(shown::toolTip(setting.definition->description));
        edit->setAccessibleDescription(setting.definition->description);
        if (key == QLatin1String("reporting_tz")) {
            auto* completer = new QCompleter(zoneNames(), edit);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            completer->setFilterMode(Qt::MatchContains);
            edit->setCompleter(completer);
        }
        enableEdit(edit, true, readOnly);
        auto* problem = new QLabel(this);
        problem->setWordWrap(true);
        problem->setStyleSheet(QStringLiteral("color: #b42318;"));
        problem->hide();
        auto* column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(edit);
        column->addWidget(problem);
        auto* label = new QLabel(labelOf(key), this);
        label->setBuddy(edit);
        form->addRow(label, column);
        m_fields[key] = edit;
        m_problems[key] = problem;
    }
    layout->addLayout(form);
    if (!readOnly.isEmpty()) {
        auto* why = new QLabel(readOnly, this);
        why->setWordWrap(true);
        layout->addWidget(why);
    }
    layout->addStretch();
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(readOnly.isEmpty());
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QLineEdit* PreferencesDialog::field(const QString& key) const {
    const auto found = m_fields.find(key);
    return found == m_fields.end() ? nullptr : found->second;
}

QString PreferencesDialog::problem(const QString& key) const {
    const auto found = m_problems.find(key);
    return found == m_problems.end() || found->second->isHidden() ? QString()
                                                                  : found->second->text();
}

void PreferencesDialog::accept() {
    bool allPass = true;
    for (const auto& [key, edit] : m_fields) {
        const QString problem = report::settingProblem(key, edit->text());
        QLabel* label = m_problems[key];
        shown::setPlainText(label, problem);
        label->setVisible(!problem.isEmpty());
        // The form lays out a row by its field's size hint, not by the
        // height a wrapped label needs at the field's width: asked for here.
        label->setMinimumHeight(problem.isEmpty() ? 0 : label->heightForWidth(edit->width()));
        allPass = allPass && problem.isEmpty();
    }
    if (!allPass) {
        layout()->activate();
        adjustSize(); // room for the problems now shown
        return;
    }
    m_changed = false;
    try {
        for (const auto& [key, edit] : m_fields) {
            if (edit->text().trimmed() != report::workspaceSetting(m_workspace, key)) {
                report::setWorkspaceSetting(m_workspace, key, edit->text());
                m_changed = true;
            }
        }
    } catch (const report::SettingRefused& refused) {
        shown::warning(this, tr("Preferences"), refused.message());
        return;
    } catch (const store::StoreError& error) {
        shown::warning(this, tr("Preferences"), error.message());
        return;
    }
    QDialog::accept();
}

} // namespace escdesk::ui
