#include "import/ImportSourcePage.h"

#include "ShownText.h"
#include "import/HistoryPreview.h"
#include "import/ImportWizard.h"
#include "store/Workspace.h"

#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

using import::ImportKind;

const QString customMapping = QStringLiteral("custom");
// A history export's mapping set up in the wizard's mapping editor.
const QString editedMapping = QStringLiteral("editor");

QString presetLabel(const QString& name) {
    if (name == QLatin1String("zendesk")) {
        return QObject::tr("Zendesk ticket export");
    }
    if (name == QLatin1String("jira")) {
        return QObject::tr("Jira Service Management issues");
    }
    if (name == QLatin1String("freshdesk")) {
        return QObject::tr("Freshdesk tickets");
    }
    if (name == QLatin1String("servicenow")) {
        return QObject::tr("ServiceNow incidents");
    }
    return name;
}

} // namespace

ImportSourcePage::ImportSourcePage(ImportWizard& wizard, const QStringList& files)
    : m_wizard(wizard)
    , m_files(new QListWidget(this))
    , m_kind(new QComboBox(this))
    , m_mapping(new QComboBox(this))
    , m_mappingFile(new QLineEdit(this))
    , m_browseMapping(new QPushButton(tr("Browse…"), this))
    , m_zone(new QComboBox(this))
    , m_dateOrder(new QComboBox(this))
    , m_problem(new QLabel(this)) {
    setTitle(tr("Choose files"));
    setSubTitle(tr("Pick helpdesk or CRM exports and say what they hold. Nothing is written "
                   "until you confirm on the next page."));
    auto* layout = new QVBoxLayout(this);

    auto* fileRow = new QHBoxLayout;
    m_files->setObjectName(QStringLiteral("importFiles"));
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_files->setMinimumHeight(90);
    m_files->setMaximumHeight(170);
    m_files->setToolTip(tr("CSV files dropped on the main window appear here."));
    fileRow->addWidget(m_files, 1);
    auto* fileButtons = new QVBoxLayout;
    auto* add = new QPushButton(tr("Add Files…"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    fileButtons->addWidget(add);
    fileButtons->addWidget(remove);
    fileButtons->addStretch();
    fileRow->addLayout(fileButtons);
    layout->addLayout(fileRow);
    layout->addSpacing(8);
    connect(add, &QPushButton::clicked, this, &ImportSourcePage::addFiles);
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_files->selectedItems());
        emit completeChanged();
    });

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_kind->setObjectName(QStringLiteral("importKind"));
    m_kind->addItem(tr("Tickets"), QStringLiteral("tickets"));
    m_kind->addItem(tr("Escalation events"), QStringLiteral("events"));
    m_kind->addItem(tr("Accounts (CRM)"), QStringLiteral("accounts"));
    m_kind->addItem(tr("Known issues"), QStringLiteral("known-issues"));
    m_kind->addItem(tr("Ticket history (one row per change)"), QStringLiteral("history"));
    m_kind->addItem(tr("Review decisions"), QStringLiteral("decisions"));
    m_kind->addItem(tr("Review actions"), QStringLiteral("actions"));
    m_kind->addItem(tr("Checklist runs"), QStringLiteral("checklist-runs"));
    form->addRow(tr("&Kind:"), m_kind);

    m_mapping->setObjectName(QStringLiteral("importMapping"));
    form->addRow(tr("&Columns:"), m_mapping);
    auto* mappingRow = new QHBoxLayout;
    m_mappingFile->setObjectName(QStringLiteral("mappingFile"));
    m_mappingFile->setPlaceholderText(tr("A JSON mapping file: column → field, date format, "
                                         "value maps"));
    mappingRow->addWidget(m_mappingFile, 1);
    mappingRow->addWidget(m_browseMapping);
    auto* mappingLabel = new QLabel(tr("&Mapping file:"), this);
    mappingLabel->setBuddy(m_mappingFile);
    form->addRow(mappingLabel, mappingRow);

    m_zone->setObjectName(QStringLiteral("sourceZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        m_zone->addItem(QString::fromUtf8(id));
    }
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    setSourceZone(wizard.workspace().reportingTimeZone().id());
    form->addRow(tr("Source time &zone:"), m_zone);
    auto* zoneNote = new QLabel(
        tr("Times without an offset are read in this zone (daylight saving included)."), this);
    zoneNote->setObjectName(QStringLiteral("footnote"));
    form->addRow(QString(), zoneNote);

    m_dateOrder->setObjectName(QStringLiteral("dateOrder"));
    m_dateOrder->addItem(tr("Detect from the values"), int(import::DateOrder::Unknown));
    m_dateOrder->addItem(tr("Day first (31/12/2026)"), int(import::DateOrder::DayFirst));
    m_dateOrder->addItem(tr("Month first (12/31/2026)"), int(import::DateOrder::MonthFirst));
    form->addRow(tr("&Date order:"), m_dateOrder);
    layout->addLayout(form);

    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    layout->addStretch(1);

    connect(m_kind, &QComboBox::activated, this, [this] { m_kindChosen = true; });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateMappingChoices();
        emit completeChanged();
    });
    connect(m_mapping, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_mapping->currentData().toString() == customMapping;
        m_mappingFile->setEnabled(custom);
        m_browseMapping->setEnabled(custom);
        emit completeChanged();
    });
    connect(m_mappingFile, &QLineEdit::textChanged, this, &ImportSourcePage::completeChanged);
    connect(m_zone, &QComboBox::currentTextChanged, this, &ImportSourcePage::completeChanged);
    connect(m_browseMapping, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Mapping File"), {},
                                                          tr("Mapping files (*.json)"));
        if (!path.isEmpty()) {
            m_mappingFile->setText(path);
        }
    });
    updateMappingChoices();
    setFiles(files);
}

void ImportSourcePage::updateMappingChoices() {
    const QString kind = m_kind->currentData().toString();
    m_mapping->clear();
    if (kind == QLatin1String("history")) {
        m_mapping->addItem(tr("Map the columns in the next step (case, time, status, tier…)"),
                           editedMapping);
        m_mapping->addItem(tr("History mapping file…"), customMapping);
        return;
    }
    m_mapping->addItem(tr("Escalation Desk layout (canonical column names)"), QString());
    if (kind == QLatin1String("tickets")) {
        for (const QString& name : import::presetNames()) {
            m_mapping->addItem(presetLabel(name), name);
        }
    }
    m_mapping->addItem(tr("Custom mapping file…"), customMapping);
}

void ImportSourcePage::addFiles() {
    const QStringList chosen = QFileDialog::getOpenFileNames(
        this, tr("Import CSV Files"), {}, tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    setFiles(files() + chosen);
}

void ImportSourcePage::setFiles(const QStringList& files) {
    m_files->clear();
    QStringList seen;
    for (const QString& file : files) {
        const QString path = QFileInfo(file).absoluteFilePath();
        if (seen.contains(path)) {
            continue;
        }
        seen << path;
        auto* item = new QListWidgetItem(shown::text(QFileInfo(path).fileName()), m_files);
        item->setData(Qt::UserRole, path);
        item->setToolTip(shown::toolTip(path));
    }
    guessKind();
    emit completeChanged();
}

void ImportSourcePage::guessKind() {
    if (m_kindChosen || m_files->count() == 0) {
        return;
    }
    try {
        // The first 256 KB of the first file: quick enough for the GUI thread.
        if (import::looksLikeChangeLog(import::sampleHistoryCsv(files().first()))) {
            setKind(QStringLiteral("history"));
        }
    } catch (const import::ImportRefused&) {
        // Not a readable CSV file: the preview will say why.
    }
}

int ImportSourcePage::nextId() const {
    const bool edited = m_kind->currentData().toString() == QLatin1String("history") &&
                        m_mapping->currentData().toString() == editedMapping;
    return edited ? ImportWizard::HistoryMappingPageId : ImportWizard::PreviewPageId;
}

QStringList ImportSourcePage::files() const {
    QStringList paths;
    for (int i = 0; i < m_files->count(); ++i) {
        paths << m_files->item(i)->data(Qt::UserRole).toString();
    }
    return paths;
}

void ImportSourcePage::setKind(const QString& kind) {
    m_kind->setCurrentIndex(m_kind->findData(kind));
}

void ImportSourcePage::setPreset(const QString& preset) {
    m_mapping->setCurrentIndex(m_mapping->findData(preset));
}

void ImportSourcePage::setMappingFile(const QString& path) {
    m_mapping->setCurrentIndex(m_mapping->findData(customMapping));
    m_mappingFile->setText(path);
}

void ImportSourcePage::setSourceZone(const QByteArray& ianaId) {
    m_zone->setCurrentIndex(m_zone->findText(QString::fromUtf8(ianaId)));
}

void ImportSourcePage::setDateOrder(int order) {
    m_dateOrder->setCurrentIndex(m_dateOrder->findData(order));
}

QByteArray ImportSourcePage::sourceZone() const {
    return m_zone->currentText().trimmed().toUtf8();
}

bool ImportSourcePage::isComplete() const {
    if (m_files->count() == 0 || !QTimeZone::isTimeZoneIdAvailable(sourceZone())) {
        return false;
    }
    return m_mapping->currentData().toString() != customMapping ||
           !m_mappingFile->text().trimmed().isEmpty();
}

bool ImportSourcePage::validatePage() {
    ImportChoice& choice = m_wizard.choice();
    choice = ImportChoice{};
    choice.files = files();
    choice.kind = *import::parseImportKind(m_kind->currentData().toString());
    choice.sourceZone = QTimeZone(sourceZone());
    choice.dateOrder = static_cast<import::DateOrder>(m_dateOrder->currentData().toInt());
    const QString mapping = m_mapping->currentData().toString();
    try {
        if (choice.kind == ImportKind::History && mapping == editedMapping) {
            // Set up on the next page.
        } else if (choice.kind == ImportKind::History) {
            choice.history = import::readHistoryMappingFile(m_mappingFile->text().trimmed());
        } else if (mapping == customMapping) {
            choice.mapping = import::readMappingFile(m_mappingFile->text().trimmed());
            if (choice.mapping->kind != choice.kind) {
                throw import::MappingError(tr("The mapping %1 is for %2, not %3.")
                                               .arg(choice.mapping->name,
                                                    import::importKindName(choice.mapping->kind),
                                                    import::importKindName(choice.kind)));
            }
        } else if (!mapping.isEmpty()) {
            choice.mapping = import::presetMapping(mapping);
        }
    } catch (const import::MappingError& error) {
        shown::setPlainText(m_problem, error.message());
        m_problem->show();
        return false;
    }
    m_problem->hide();
    return true;
}

} // namespace escdesk::ui
