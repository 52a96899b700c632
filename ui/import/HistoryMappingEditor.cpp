#include "import/HistoryMappingEditor.h"

#include "ShownText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace escdesk::ui {

namespace {

using import::TimestampForm;

// The null tokens offered with a check box each; others are typed.
const QStringList commonNullTokens{QStringLiteral("?"), QStringLiteral("N/A"), QStringLiteral("-"),
                                   QStringLiteral("(none)")};

const QString caseRole = QStringLiteral("case");
const QString timeRole = QStringLiteral("time");
const QString statusRole = QStringLiteral("status");

QStringList tokensIn(const QString& text) {
    QStringList tokens;
    for (const QString& token : text.split(QLatin1Char(','))) {
        if (!token.trimmed().isEmpty()) {
            tokens << token.trimmed();
        }
    }
    return tokens;
}

bool containsIgnoringCase(const QStringList& list, const QString& value) {
    return list.contains(value.trimmed(), Qt::CaseInsensitive);
}

// The roles a change derives events from; the others are ticket fields.
const QStringList changeRoles{caseRole,
                              timeRole,
                              statusRole,
                              QStringLiteral("tier"),
                              QStringLiteral("group"),
                              QStringLiteral("priority")};

QString roleLabel(const QString& key) {
    static const std::pair<const char*, const char*> labels[] = {
        {"case", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Case id")},
        {"time", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Change time")},
        {"status", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Status")},
        {"tier", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Tier (support level)")},
        {"group", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Group")},
        {"priority", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Priority")},
        {"channel", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Channel")},
        {"account_id", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Account")},
        {"product_area", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Product area")},
        {"root_cause", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Root cause")},
        {"reason_code", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Reason code")},
        {"subject", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Subject")},
        {"description", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Description")},
        {"assignee", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Assignee")},
        {"resolution_type", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Resolution type")},
        {"resolution_notes", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Resolution notes")},
        {"tags", QT_TRANSLATE_NOOP("HistoryMappingEditor", "Tags")},
    };
    for (const auto& [name, label] : labels) {
        if (key == QLatin1String(name)) {
            return HistoryMappingEditor::tr(label);
        }
    }
    return key;
}

QString roleNote(const QString& key) {
    if (key == QLatin1String("tier")) {
        return HistoryMappingEditor::tr("Store each support level as a tier 1 to 4. 1, L1, T1, "
                                        "Tier 1 and Level 1 are read as they stand.");
    }
    if (key == QLatin1String("priority")) {
        return HistoryMappingEditor::tr("Store each value as Critical, High, Medium or Low. "
                                        "Urgent, Normal, P1–P4 and Sev1–Sev4 are read as they "
                                        "stand.");
    }
    if (key == statusRole) {
        return HistoryMappingEditor::tr("Say which statuses mean waiting (the ticket is paused), "
                                        "resolved or closed. Leave \"Stored as\" empty to keep a "
                                        "value as it is.");
    }
    if (key == caseRole || key == timeRole) {
        return HistoryMappingEditor::tr("Read as they stand; a null token makes the row "
                                        "unreadable.");
    }
    return HistoryMappingEditor::tr("The latest value of a case is stored. Leave \"Stored as\" "
                                    "empty to keep a value as it is.");
}

} // namespace

HistoryMappingEditor::HistoryMappingEditor(QWidget* parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_otherNulls(new QLineEdit(this))
    , m_rolesTable(new QTableWidget(this))
    , m_details(new QGroupBox(this))
    , m_detailsNote(new QLabel(this))
    , m_timeRow(new QWidget(this))
    , m_timeFormChoice(new QComboBox(this))
    , m_dateOrderChoice(new QComboBox(this))
    , m_values(new QTableWidget(this))
    , m_ownNulls(new QCheckBox(tr("Own null tokens for this field:"), this))
    , m_ownNullTokens(new QLineEdit(this)) {
    const QStringList keys = changeRoles + import::historyTicketFields();
    for (const QString& key : keys) {
        m_roles.push_back({key, roleLabel(key), {}, {}, std::nullopt});
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createMappingWideRow());
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(createRolesTable());
    split->addWidget(createDetails());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    showRole(0);
}

QWidget* HistoryMappingEditor::createMappingWideRow() {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_name->setObjectName(QStringLiteral("historyMappingName"));
    m_name->setPlaceholderText(tr("Name of the mapping"));
    auto* nameLabel = new QLabel(tr("&Name:"), row);
    nameLabel->setBuddy(m_name);
    layout->addWidget(nameLabel);
    layout->addWidget(m_name, 2);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("Null tokens (every field):"), row));
    for (const QString& token : commonNullTokens) {
        auto* box = new QCheckBox(token, row);
        box->setToolTip(tr("A value \"%1\" means no value.").arg(token));
        m_commonNulls.push_back(box);
        layout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &HistoryMappingEditor::edited);
    }
    m_otherNulls->setObjectName(QStringLiteral("historyOtherNulls"));
    m_otherNulls->setAccessibleName(tr("Other null tokens"));
    m_otherNulls->setPlaceholderText(tr("others, separated by commas"));
    layout->addWidget(m_otherNulls, 1);
    connect(m_otherNulls, &QLineEdit::textChanged, this, &HistoryMappingEditor::edited);
    return row;
}

QWidget* HistoryMappingEditor::createRolesTable() {
    m_rolesTable->setObjectName(QStringLiteral("historyRoles"));
    m_rolesTable->setColumnCount(3);
    m_rolesTable->setHorizontalHeaderLabels({tr("Field"), tr("Column in the file"), tr("Values")});
    m_rolesTable->verticalHeader()->hide();
    m_rolesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rolesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rolesTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rolesTable->setRowCount(static_cast<int>(m_roles.size()));
    for (int r = 0; r < static_cast<int>(m_roles.size()); ++r) {
        const Role& role = m_roles[static_cast<std::size_t>(r)];
        auto* label =
            new QTableWidgetItem(r < 2 ? tr("%1 (required)").arg(role.label) : role.label);
        label->setToolTip(role.key);
        m_rolesTable->setItem(r, 0, label);
        m_rolesTable->setItem(r, 2, new QTableWidgetItem);
        auto* choice = new QComboBox(m_rolesTable);
        choice->setObjectName(QStringLiteral("historyColumn_") + role.key);
        choice->setAccessibleName(tr("Column of %1").arg(role.label));
        m_columnChoices.push_back(choice);
        m_rolesTable->setCellWidget(r, 1, choice);
        connect(choice, &QComboBox::currentIndexChanged, this, [this, r, choice] {
            if (!m_filling) {
                setRoleColumn(m_roles[static_cast<std::size_t>(r)].key,
                              choice->currentData().toString());
            }
        });
    }
    fillColumnChoices();
    m_rolesTable->resizeColumnToContents(0);
    m_rolesTable->setColumnWidth(1, 180);
    m_rolesTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_rolesTable, &QTableWidget::currentCellChanged, this,
            [this](int row) { showRole(row); });
    return m_rolesTable;
}

QGroupBox* HistoryMappingEditor::createDetails() {
    m_details->setObjectName(QStringLiteral("historyRoleDetails"));
    auto* layout = new QVBoxLayout(m_details);
    m_detailsNote->setObjectName(QStringLiteral("footnote"));
    m_detailsNote->setWordWrap(true);
    layout->addWidget(m_detailsNote);

    auto* timeLayout = new QFormLayout(m_timeRow);
    timeLayout->setContentsMargins(0, 0, 0, 0);
    m_timeFormChoice->setObjectName(QStringLiteral("historyTimeForm"));
    m_timeFormChoice->addItem(tr("Detect from the values"), -1);
    const std::pair<TimestampForm, QString> forms[] = {
        {TimestampForm::Iso8601, tr("ISO 8601 (2026-03-02 09:00)")},
        {TimestampForm::SlashDayFirst, tr("Day first (02/03/2026 09:00)")},
        {TimestampForm::SlashMonthFirst, tr("Month first (03/02/2026 9:00 AM)")},
        {TimestampForm::Dotted, tr("Dotted (02.03.2026 09:00)")},
        {TimestampForm::Jira, tr("Jira (02/Mar/26 9:00 AM)")},
        {TimestampForm::EpochSeconds, tr("Epoch seconds")},
        {TimestampForm::EpochMillis, tr("Epoch milliseconds")}};
    for (const auto& [form, label] : forms) {
        m_timeFormChoice->addItem(label, int(form));
    }
    timeLayout->addRow(tr("&Form:"), m_timeFormChoice);
    m_dateOrderChoice->setObjectName(QStringLiteral("historyDateOrder"));
    m_dateOrderChoice->addItem(tr("Detect from the values"), int(import::DateOrder::Unknown));
    m_dateOrderChoice->addItem(tr("Day first (31/12/2026)"), int(import::DateOrder::DayFirst));
    m_dateOrderChoice->addItem(tr("Month first (12/31/2026)"), int(import::DateOrder::MonthFirst));
    timeLayout->addRow(tr("Date &order:"), m_dateOrderChoice);
    layout->addWidget(m_timeRow);
    connect(m_timeFormChoice, &QComboBox::currentIndexChanged, this, [this] {
        const int form = m_timeFormChoice->currentData().toInt();
        m_timeForm = form < 0 ? std::nullopt : std::optional(static_cast<TimestampForm>(form));
        edited();
    });
    connect(m_dateOrderChoice, &QComboBox::currentIndexChanged, this,
            &HistoryMappingEditor::edited);

    m_values->setObjectName(QStringLiteral("historyValues"));
    m_values->verticalHeader()->hide();
    m_values->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_values->setItemDelegate(new shown::ItemDelegate(m_values));
    layout->addWidget(m_values, 1);
    connect(m_values, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling) {
            storeValues();
        }
    });

    auto* nullsRow = new QHBoxLayout;
    m_ownNulls->setObjectName(QStringLiteral("historyOwnNulls"));
    m_ownNullTokens->setObjectName(QStringLiteral("historyOwnNullTokens"));
    m_ownNullTokens->setAccessibleName(tr("The field's own null tokens"));
    m_ownNullTokens->setPlaceholderText(tr("separated by commas; none when empty"));
    nullsRow->addWidget(m_ownNulls);
    nullsRow->addWidget(m_ownNullTokens, 1);
    layout->addLayout(nullsRow);
    connect(m_ownNulls, &QCheckBox::toggled, this, [this] {
        if (!m_filling) {
            storeOwnNulls();
        }
    });
    connect(m_ownNullTokens, &QLineEdit::textChanged, this, [this] {
        if (!m_filling) {
            storeOwnNulls();
        }
    });
    return m_details;
}

// ---- The file and the mapping -------------------------------------------------

void HistoryMappingEditor::setSample(const import::HistorySample& sample) {
    m_sample = sample;
    fillColumnChoices();
    showRole(std::max(m_current, 0));
}

void HistoryMappingEditor::setMapping(const import::HistoryMapping& mapping) {
    m_filling = true;
    m_name->setText(mapping.name);
    QStringList others;
    for (const QString& token : mapping.nulls) {
        if (!containsIgnoringCase(commonNullTokens, token)) {
            others << token;
        }
    }
    for (std::size_t i = 0; i < m_commonNulls.size(); ++i) {
        m_commonNulls[i]->setChecked(containsIgnoringCase(mapping.nulls, commonNullTokens[i]));
    }
    m_otherNulls->setText(others.join(QStringLiteral(", ")));
    m_dateOrderChoice->setCurrentIndex(m_dateOrderChoice->findData(int(mapping.dateOrder)));
    m_timeForm = mapping.time.form;
    m_timeFormChoice->setCurrentIndex(
        m_timeFormChoice->findData(mapping.time.form ? int(*mapping.time.form) : -1));
    if (m_timeFormChoice->currentIndex() < 0) {
        m_timeFormChoice->setCurrentIndex(0); // a form no mapping file names: detected
    }
    const auto fill = [this](Role& role, const import::FieldSource* source) {
        role.column.clear();
        role.values.clear();
        role.nulls = source ? source->nulls : std::nullopt;
        role.patterns = source ? source->patterns : std::vector<import::ValuePattern>{};
        if (!source || source->columns.isEmpty()) {
            return;
        }
        // The first of its columns that the file has, as the file spells it.
        role.column = source->columns.first();
        for (const QString& column : source->columns) {
            const auto present = std::find_if(
                m_sample.columns.begin(), m_sample.columns.end(), [&column](const QString& c) {
                    return c.compare(column, Qt::CaseInsensitive) == 0;
                });
            if (present != m_sample.columns.end()) {
                role.column = *present;
                break;
            }
        }
        const QStringList seen = sampledValues(role.column);
        for (const auto& [from, to] : source->values) {
            const QString key = QString::fromStdString(from);
            const auto shown = std::find_if(seen.begin(), seen.end(), [&key](const QString& v) {
                return v.compare(key, Qt::CaseInsensitive) == 0;
            });
            role.values.emplace_back(shown != seen.end() ? *shown : key,
                                     QString::fromStdString(to));
        }
    };
    const auto optionalSource = [](const std::optional<import::FieldSource>& source) {
        return source ? &*source : nullptr;
    };
    fill(role(caseRole), &mapping.caseId);
    fill(role(timeRole), &mapping.time);
    fill(role(statusRole), optionalSource(mapping.status));
    fill(role(QStringLiteral("tier")), optionalSource(mapping.tier));
    fill(role(QStringLiteral("group")), optionalSource(mapping.group));
    fill(role(QStringLiteral("priority")), optionalSource(mapping.priority));
    for (Role& r : m_roles) {
        if (changeRoles.contains(r.key)) {
            continue;
        }
        const auto found =
            std::find_if(mapping.ticketFields.begin(), mapping.ticketFields.end(),
                         [&r](const import::FieldSource& s) { return s.field == r.key; });
        fill(r, found != mapping.ticketFields.end() ? &*found : nullptr);
    }
    m_waiting = mapping.waitingStatuses;
    m_resolved = mapping.resolvedStatuses;
    m_closed = mapping.closedStatuses;
    m_attributes = mapping.attributes;
    fillColumnChoices();
    m_filling = false;
    showRole(std::max(m_current, 0));
    updateSummaries();
    emit changed();
}

std::optional<import::FieldSource> HistoryMappingEditor::sourceOf(const Role& role) const {
    if (role.column.isEmpty()) {
        return std::nullopt;
    }
    import::FieldSource source;
    source.field = role.key;
    source.columns << role.column;
    for (const auto& [from, to] : role.values) {
        if (!to.trimmed().isEmpty()) {
            source.values[from.trimmed().toLower().toStdString()] = to.trimmed().toStdString();
        }
    }
    source.nulls = role.nulls;
    source.patterns = role.patterns;
    if (role.key == timeRole) {
        source.form = m_timeForm;
    }
    return source;
}

import::HistoryMapping HistoryMappingEditor::mapping() const {import::HistoryMapping mapping;
mapping.name =
    m_name->text().trimmed().isEmpty() ? tr("History mapping") : m_name->text().trimmed();
for (std::size_t i = 0; i < m_commonNulls.size(); ++i) {
    if (m_commonNulls[i]->isChecked()) {
        mapping.nulls << commonNullTokens[i];
    }
}
mapping.nulls += tokensIn(m_otherNulls->text());
mapping.dateOrder = static_cast<import::DateOrder>(m_dateOrderChoice->currentData().toInt());
for (const Role& r : m_roles) {
    std::optional<import::FieldSource> source = sourceOf(r);
    if (r.key == caseRole || r.key == timeRole) {
        import::FieldSource unmapped;
        unmapped.field = r.key;
        (r.key == caseRole ? mapping.caseId : mapping.time) = source.value_or(unmapped);
    } else if (r.key == statusRole) {
        mapping.status = source;
    } else if (r.key == QLatin1String("tier")) {
        mapping.tier = source;
    } else if (r.key == QLatin1String("group")) {
        mapping.group = source;
    } else if (r.key == QLatin1String("priority")) {
        mapping.priority = source;
    } else if (source) {
        mapping.ticketFields.push_back(*source);
    }
}
if (mapping.status) {
    mapping.waitingStatuses = m_waiting;
    mapping.resolvedStatuses = m_resolved;
    mapping.closedStatuses = m_closed;
}
mapping.attributes = m_attributes;
return mapping;
} // namespace escdesk::ui

QString HistoryMappingEditor::problem() const {
    if (role(caseRole).column.isEmpty()) {
        return tr("Choose the column that holds the case id.");
    }
    if (role(timeRole).column.isEmpty()) {
        return tr("Choose the column that holds the time of each change.");
    }
    if (role(statusRole).column.isEmpty() && role(QStringLiteral("tier")).column.isEmpty() &&
        role(QStringLiteral("group")).column.isEmpty()) {
        return tr("Choose a status, tier or group column: the tickets' events are derived from "
                  "their changes.");
    }
    return {};
}

// ---- Roles ---------------------------------------------------------------------

QStringList HistoryMappingEditor::roles() const {
    QStringList keys;
    for (const Role& r : m_roles) {
        keys << r.key;
    }
    return keys;
}

HistoryMappingEditor::Role& HistoryMappingEditor::role(const QString& key) {
    return *std::find_if(m_roles.begin(), m_roles.end(),
                         [&key](const Role& r) { return r.key == key; });
}

const HistoryMappingEditor::Role& HistoryMappingEditor::role(const QString& key) const {
    return *std::find_if(m_roles.begin(), m_roles.end(),
                         [&key](const Role& r) { return r.key == key; });
}

QComboBox* HistoryMappingEditor::columnChoice(const QString& key) const {
    const int index = static_cast<int>(roles().indexOf(key));
    return index < 0 ? nullptr : m_columnChoices[static_cast<std::size_t>(index)];
}

void HistoryMappingEditor::selectRole(const QString& key) {
    m_rolesTable->setCurrentCell(static_cast<int>(roles().indexOf(key)), 0);
}

QString HistoryMappingEditor::selectedRole() const {
    return m_current < 0 ? QString() : m_roles[static_cast<std::size_t>(m_current)].key;
}

QCheckBox* HistoryMappingEditor::commonNull(const QString& token) const {
    const auto index = commonNullTokens.indexOf(token);
    return index < 0 ? nullptr : m_commonNulls[static_cast<std::size_t>(index)];
}

// Each role's choice: not mapped, or a column of the file (a column a
// loaded mapping names that the file lacks is offered as such).
void HistoryMappingEditor::fillColumnChoices() {
    const bool filling = std::exchange(m_filling, true);
    for (std::size_t i = 0; i < m_roles.size(); ++i) {
        QComboBox* choice = m_columnChoices[i];
        choice->clear();
        choice->addItem(tr("— not mapped —"), QString());
        for (const QString& column : m_sample.columns) {
            choice->addItem(shown::text(column), column);
        }
        const QString& column = m_roles[i].column;
        if (!column.isEmpty() && choice->findData(column) < 0) {
            choice->addItem(tr("%1 (not in this file)").arg(shown::text(column)), column);
        }
        choice->setCurrentIndex(std::max(0, choice->findData(column)));
    }
    m_filling = filling;
}

void HistoryMappingEditor::setRoleColumn(const QString& key, const QString& column) {
    Role& r = role(key);
    r.column = column;
    r.values.clear(); // of another column's values
    selectRole(key);
    showRole(m_current);
    updateSummaries();
    edited();
}

QStringList HistoryMappingEditor::sampledValues(const QString& column) const {
    const auto index = m_sample.columns.indexOf(column);
    return index < 0 ? QStringList() : m_sample.values[static_cast<std::size_t>(index)];
}

// ---- The selected role's details ---------------------------------------------------

void HistoryMappingEditor::showRole(int index) {
    if (index < 0 || index >= static_cast<int>(m_roles.size())) {
        return;
    }
    m_current = index;
    const Role& r = m_roles[static_cast<std::size_t>(index)];
    const bool filling = std::exchange(m_filling, true);
    m_details->setTitle(
        r.column.isEmpty() ? r.label : tr("%1 — column %2").arg(r.label, shown::text(r.column)));
    m_detailsNote->setText(roleNote(r.key));
    m_timeRow->setVisible(r.key == timeRole);
    m_values->setVisible(r.key != caseRole && r.key != timeRole);
    m_values->setEnabled(!r.column.isEmpty());
    fillValueTable(r);
    m_ownNulls->setChecked(r.nulls.has_value());
    m_ownNullTokens->setText(r.nulls ? r.nulls->join(QStringLiteral(", ")) : QString());
    m_ownNullTokens->setEnabled(r.nulls.has_value());
    m_filling = filling;
}

void HistoryMappingEditor::fillValueTable(const Role& r) {
    const bool status = r.key == statusRole;
    m_values->setRowCount(0); // its meaning boxes with it
    m_values->clear();
    m_values->setColumnCount(status ? 3 : 2);
    QStringList headers{tr("Value in the file"), tr("Stored as")};
    if (status) {
        headers << tr("Means");
    }
    m_values->setHorizontalHeaderLabels(headers);
    QStringList values = sampledValues(r.column);
    for (const auto& [from, to] : r.values) {
        if (!containsIgnoringCase(values, from)) {
            values << from;
        }
    }
    m_values->setRowCount(static_cast<int>(values.size()));
    for (int row = 0; row < values.size(); ++row) {
        auto* from = new QTableWidgetItem(shown::text(values[row]));
        from->setData(Qt::UserRole, values[row]);
        from->setFlags(from->flags() & ~Qt::ItemIsEditable);
        m_values->setItem(row, 0, from);
        const auto mapped = std::find_if(r.values.begin(), r.values.end(), [&](const auto& v) {
            return v.first.compare(values[row], Qt::CaseInsensitive) == 0;
        });
        const QString to = mapped != r.values.end() ? mapped->second : QString();
        m_values->setItem(row, 1, new QTableWidgetItem(to));
        if (status) {
            addStatusMeaning(row, to.isEmpty() ? values[row] : to);
        }
    }
    m_values->resizeColumnsToContents();
    m_values->horizontalHeader()->setStretchLastSection(true);
}

void HistoryMappingEditor::addStatusMeaning(int row, const QString& status) {
    auto* meaning = new QComboBox(m_values);
    meaning->addItem(tr("open"), int(Meaning::Open));
    meaning->addItem(tr("waiting (paused)"), int(Meaning::Waiting));
    meaning->addItem(tr("resolved"), int(Meaning::Resolved));
    meaning->addItem(tr("closed"), int(Meaning::Closed));
    meaning->setCurrentIndex(meaning->findData(int(meaningOf(status))));
    meaning->setProperty("status", status);
    meaning->setAccessibleName(tr("Meaning of %1").arg(shown::text(status)));
    m_values->setCellWidget(row, 2, meaning);
    connect(meaning, &QComboBox::currentIndexChanged, this, [this, meaning] {
        setMeaning(meaning->property("status").toString(),
                   static_cast<Meaning>(meaning->currentData().toInt()));
        updateSummaries();
        edited();
    });
}

QComboBox* HistoryMappingEditor::statusMeaning(int row) const {
    return qobject_cast<QComboBox*>(m_values->cellWidget(row, 2));
}

HistoryMappingEditor::Meaning HistoryMappingEditor::meaningOf(const QString& status) const {
    if (containsIgnoringCase(m_waiting, status)) {
        return Meaning::Waiting;
    }
    if (containsIgnoringCase(m_closed, status)) {
        return Meaning::Closed;
    }
    return containsIgnoringCase(m_resolved, status) ? Meaning::Resolved : Meaning::Open;
}

void HistoryMappingEditor::setMeaning(const QString& status, Meaning meaning) {
    for (QStringList* list : {&m_waiting, &m_resolved, &m_closed}) {
        list->removeIf([&status](const QString& s) {
            return s.trimmed().compare(status.trimmed(), Qt::CaseInsensitive) == 0;
        });
    }
    if (meaning == Meaning::Waiting) {
        m_waiting << status;
    } else if (meaning == Meaning::Resolved) {
        m_resolved << status;
    } else if (meaning == Meaning::Closed) {
        m_closed << status;
    }
}

// The value table edited: the role's value map follows, and a status's
// meaning follows its new name.
void HistoryMappingEditor::storeValues() {
    if (m_current < 0) {
        return;
    }
    Role& r = m_roles[static_cast<std::size_t>(m_current)];
    r.values.clear();
    for (int row = 0; row < m_values->rowCount(); ++row) {
        const QString from = m_values->item(row, 0)->data(Qt::UserRole).toString();
        const QString to =
            m_values->item(row, 1) ? m_values->item(row, 1)->text().trimmed() : QString();
        if (!to.isEmpty()) {
            r.values.emplace_back(from, to);
        }
        if (QComboBox* meaning = statusMeaning(row)) {
            const QString status = to.isEmpty() ? from : to;
            const QString was = meaning->property("status").toString();
            if (status != was) {
                const Meaning kept = meaningOf(was);
                setMeaning(was, Meaning::Open);
                setMeaning(status, kept);
                meaning->setProperty("status", status);
                meaning->setAccessibleName(tr("Meaning of %1").arg(shown::text(status)));
            }
        }
    }
    updateSummaries();
    edited();
}

void HistoryMappingEditor::storeOwnNulls() {
    if (m_current < 0) {
        return;
    }
    Role& r = m_roles[static_cast<std::size_t>(m_current)];
    m_ownNullTokens->setEnabled(m_ownNulls->isChecked());
    r.nulls =
        m_ownNulls->isChecked() ? std::optional(tokensIn(m_ownNullTokens->text())) : std::nullopt;
    updateSummaries();
    edited();
}

void HistoryMappingEditor::updateSummaries() {
    for (std::size_t i = 0; i < m_roles.size(); ++i) {
        const Role& r = m_roles[i];
        QStringList parts;
        if (!r.values.empty()) {
            parts << tr("%n mapped", "", static_cast<int>(r.values.size()));
        }
        if (r.nulls) {
            parts << tr("own null tokens");
        }
        if (r.key == statusRole && !r.column.isEmpty()) {
            parts << tr("%1 waiting, %2 resolved, %3 closed")
                         .arg(m_waiting.size())
                         .arg(m_resolved.size())
                         .arg(m_closed.size());
        }
        QTableWidgetItem* summary = m_rolesTable->item(static_cast<int>(i), 2);
        summary->setText(parts.join(QStringLiteral(" · ")));
        summary->setToolTip(parts.join(QLatin1Char('\n'))); // the column may cut it
    }
}

void HistoryMappingEditor::edited() {
    if (!m_filling) {
        emit changed();
    }
}

} // namespace escdesk::ui
