#include "pages/ReviewPage.h"

#include "EditPermission.h"
#include "FreedMemory.h"
#include "ShownText.h"
#include "WorkspaceReading.h"
#include "models/DisplayText.h"
#include "report/ReportBuilder.h"
#include "report/output/ReportOutput.h"
#include "store/Workspace.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace escdesk::ui {

namespace {

// Minutes per agenda step, in the weekly report's section order; 30 in all.
constexpr int stepMinutes[] = {5, 3, 6, 10, 4, 2};

struct Built {
    report::Report report;
    QString error;
};

Built buildWeekly(store::Workspace& workspace, const QDate& monday, UtcSeconds asOf) {
    report::ReportRequest request;
    request.kind = report::ReportKind::Weekly;
    request.first = monday;
    request.last = monday.addDays(6);
    request.zone = workspace.reportingTimeZone();
    request.asOf = asOf;
    try {
        return Built{report::buildReport(workspace, request), {}};
    } catch (const store::StoreError& error) {
        return Built{{}, error.message()};
    }
}

QDate mondayOf(const QDate& day) {
    return day.addDays(1 - day.dayOfWeek());
}

} // namespace

ReviewPage::ReviewPage(QWidget* parent)
    : WorkspacePage(parent)
    , m_week(new QDateEdit(this))
    , m_clock(new QLabel(clockText(meetingSeconds), this))
    , m_startStop(new QPushButton(tr("Start"), this))
    , m_timer(new QTimer(this))
    , m_steps(new QListWidget(this))
    , m_section(new QTextBrowser(this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_next(new QPushButton(tr("Next step"), this))
    , m_decisionForm(new QGroupBox(tr("Record a decision"), this))
    , m_decisionType(new QComboBox(this))
    , m_decisionOwner(new QLineEdit(this))
    , m_decisionConcerns(new QLineEdit(this))
    , m_decisionNote(new QLineEdit(this))
    , m_actionForm(new QGroupBox(tr("New long-term action"), this))
    , m_actionTitle(new QLineEdit(this))
    , m_actionAbout(new QComboBox(this))
    , m_actionOwner(new QLineEdit(this))
    , m_actionDeadline(new QDateEdit(this))
    , m_actions(new QTableWidget(this))
    , m_feedback(new QLabel(this)) {
    m_week->setCalendarPopup(true);
    m_week->setDisplayFormat(QStringLiteral("'Week of' d MMM yyyy"));
    m_week->setAccessibleName(tr("Reviewed week"));
    m_clock->setObjectName(QStringLiteral("reviewClock"));
    m_clock->setAccessibleName(tr("Time left"));
    QFont clockFont = m_clock->font();
    clockFont.setPointSizeF(clockFont.pointSizeF() * 1.8);
    clockFont.setBold(true);
    clockFont.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("monospace")});
    m_clock->setFont(clockFont);
    m_timer->setInterval(1000);
    auto* reset = new QPushButton(tr("Reset"), this);
    // Alt+Left / Alt+Right step through the agenda, as Back and Forward do.
    m_back->setShortcut(QKeySequence::Back);
    m_next->setShortcut(QKeySequence::Forward);
    m_back->setToolTip(
        tr("Previous step (%1)").arg(m_back->shortcut().toString(QKeySequence::NativeText)));
    m_next->setToolTip(
        tr("Next step (%1)").arg(m_next->shortcut().toString(QKeySequence::NativeText)));

    auto* bar = new QHBoxLayout;
    auto* title = new QLabel(tr("Weekly escalation review"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    title->setFont(titleFont);
    bar->addWidget(title);
    bar->addSpacing(16);
    bar->addWidget(m_week);
    bar->addStretch(1);
    bar->addWidget(m_clock);
    bar->addWidget(m_startStop);
    bar->addWidget(reset);

    auto* body = new QHBoxLayout;
    body->addWidget(makeAgenda());
    auto* middle = new QVBoxLayout;
    m_section->setObjectName(QStringLiteral("reviewSection"));
    m_section->setOpenLinks(false);
    m_section->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    middle->addWidget(m_section, 1);
    auto* navigation = new QHBoxLayout;
    navigation->addWidget(m_back);
    navigation->addStretch(1);
    navigation->addWidget(m_next);
    middle->addLayout(navigation);
    body->addLayout(middle, 1);
    body->addWidget(makeForms());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(bar);
    layout->addLayout(body, 1);

    connect(m_week, &QDateEdit::dateChanged, this, [this](const QDate& day) { setWeek(day); });
    connect(m_timer, &QTimer::timeout, this, &ReviewPage::tick);
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        m_timer->isActive() ? m_timer->stop() : m_timer->start();
        m_startStop->setText(m_timer->isActive() ? tr("Pause") : tr("Start"));
    });
    connect(reset, &QPushButton::clicked, this, [this] {
        m_timer->stop();
        m_secondsLeft = meetingSeconds;
        m_startStop->setText(tr("Start"));
        m_clock->setText(clockText(m_secondsLeft));
        m_clock->setStyleSheet(QString());
    });
    connect(m_steps, &QListWidget::currentRowChanged, this, &ReviewPage::showStep);
    connect(m_back, &QPushButton::clicked, this, [this] { setStep(step() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setStep(step() + 1); });

    const QDate today = QDate::currentDate();
    m_weekStart = mondayOf(today).addDays(-7);
    const QSignalBlocker blocker(m_week);
    m_week->setDate(m_weekStart);
}

ReviewPage::~ReviewPage() {
    if (m_watcher) {
        m_watcher->waitForFinished();
    }
}

QWidget* ReviewPage::makeAgenda() {
    m_steps->setObjectName(QStringLiteral("reviewAgenda"));
    m_steps->setAccessibleName(tr("Agenda"));
    m_steps->setFixedWidth(190);
    m_steps->setSpacing(2);
    return m_steps;
}

QWidget* ReviewPage::makeForms() {
    auto* panel = new QWidget(this);
    panel->setFixedWidth(340);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);

    QGroupBox* decision = m_decisionForm;
    auto* decisionForm = new QFormLayout(decision);
    m_decisionType->setEditable(true);
    m_decisionType->addItems(review::suggestedDecisionTypes());
    m_decisionOwner->setPlaceholderText(tr("Who owns it"));
    m_decisionConcerns->setPlaceholderText(tr("Ticket id or root cause"));
    m_decisionNote->setPlaceholderText(tr("What was decided"));
    decisionForm->addRow(tr("Decision"), m_decisionType);
    decisionForm->addRow(tr("Owner"), m_decisionOwner);
    decisionForm->addRow(tr("Concerns"), m_decisionConcerns);
    decisionForm->addRow(tr("Note"), m_decisionNote);
    auto* record = new QPushButton(tr("Record decision"), decision);
    decisionForm->addRow(QString(), record);
    layout->addWidget(decision);

    QGroupBox* action = m_actionForm;
    auto* actionForm = new QFormLayout(action);
    m_actionTitle->setPlaceholderText(tr("What will be done"));
    m_actionAbout->setEditable(true);
    m_actionOwner->setPlaceholderText(tr("Who owns it"));
    m_actionDeadline->setCalendarPopup(true);
    m_actionDeadline->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_actionDeadline->setDate(QDate::currentDate().addDays(14));
    actionForm->addRow(tr("Action"), m_actionTitle);
    actionForm->addRow(tr("Root cause"), m_actionAbout);
    actionForm->addRow(tr("Owner"), m_actionOwner);
    actionForm->addRow(tr("Deadline"), m_actionDeadline);
    auto* add = new QPushButton(tr("Add action"), action);
    actionForm->addRow(QString(), add);
    layout->addWidget(action);

    m_feedback->setWordWrap(true);
    m_feedback->setTextFormat(Qt::PlainText); // names, titles and folders as typed
    m_feedback->setObjectName(QStringLiteral("reviewFeedback"));
    layout->addWidget(m_feedback);

    auto* heading = new QLabel(tr("Open actions"), panel);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    m_actions->setColumnCount(4);
    m_actions->setHorizontalHeaderLabels({tr("Action"), tr("Owner"), tr("Deadline"), tr("Status")});
    m_actions->verticalHeader()->hide();
    m_actions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_actions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_actions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_actions->setAccessibleName(tr("Open actions"));
    layout->addWidget(m_actions, 1);

    connect(record, &QPushButton::clicked, this, [this] {
        const QString problem =
            recordDecision(m_decisionType->currentText(), m_decisionOwner->text(),
                           m_decisionConcerns->text(), m_decisionNote->text());
        shown::setPlainText(m_feedback, problem.isEmpty() ? tr("Decision recorded.") : problem);
        if (problem.isEmpty()) {
            m_decisionNote->clear();
            m_decisionConcerns->clear();
        }
    });
    connect(add, &QPushButton::clicked, this, [this] {
        // A root cause picked from the list is the stored name (the list
        // shows it inert and cut); a typed one is as typed.
        const int picked = m_actionAbout->currentIndex();
        const QString about =
            picked >= 0 && m_actionAbout->currentText() == m_actionAbout->itemText(picked)
                ? m_actionAbout->itemData(picked).toString()
                : m_actionAbout->currentText();
        const QString problem = addAction(m_actionTitle->text(), about, m_actionOwner->text(),
                                          m_actionDeadline->date());
        shown::setPlainText(m_feedback, problem.isEmpty() ? tr("Action added.") : problem);
        if (problem.isEmpty()) {
            m_actionTitle->clear();
        }
    });
    return panel;
}

QString ReviewPage::clockText(int secondsLeft) {
    const int magnitude = std::abs(secondsLeft);
    return QStringLiteral("%1%2:%3")
        .arg(secondsLeft < 0 ? QStringLiteral("+") : QString())
        .arg(magnitude / 60, 2, 10, QLatin1Char('0'))
        .arg(magnitude % 60, 2, 10, QLatin1Char('0'));
}

void ReviewPage::tick() {
    --m_secondsLeft;
    m_clock->setText(clockText(m_secondsLeft));
    // The last five minutes and any overrun in red.
    m_clock->setStyleSheet(m_secondsLeft <= 5 * 60 ? QStringLiteral("color: #cf222e;") : QString());
}

void ReviewPage::setWorkspace(store::Workspace* workspace) {
    m_workspace = workspace;
    // The agenda reads; only recording needs a workspace that can be written.
    const QString readOnly = readOnlyExplanation(workspace);
    enableEdit(m_decisionForm, true, readOnly);
    enableEdit(m_actionForm, true, readOnly);
    shown::setPlainText(
        m_feedback, readOnly.isEmpty()
                        ? QString()
                        : tr("%1 Decisions and actions cannot be recorded here.").arg(readOnly));
    refresh();
}

void ReviewPage::prepareScreenshot() {
    // The step with the action follow-up when an action is followed up (the
    // review's question "did last month's actions work?"), else the first.
    int shown = 0;
    for (std::size_t i = 0; i < m_report.sections.size(); ++i) {
        for (const report::Block& block : m_report.sections[i].blocks) {
            const auto* table = std::get_if<report::Table>(&block);
            if (table && table->id == QLatin1String("action-follow-up") && !table->rows.empty()) {
                shown = static_cast<int>(i);
            }
        }
    }
    setStep(shown);
}

void ReviewPage::setWeek(const QDate& day) {
    m_weekStart = mondayOf(day);
    if (m_week->date() != m_weekStart) {
        const QSignalBlocker blocker(m_week);
        m_week->setDate(m_weekStart);
    }
    refresh();
}

int ReviewPage::step() const {
    return m_steps->currentRow();
}

void ReviewPage::setStep(int index) {
    if (index >= 0 && index < m_steps->count()) {
        m_steps->setCurrentRow(index);
    }
}

void ReviewPage::showEvent(QShowEvent* event) {
    WorkspacePage::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void ReviewPage::refresh() {
    m_stale = true;
    if (!isVisible() && m_asynchronous) {
        return;
    }
    m_stale = false;
    const quint64 generation = ++m_generation;
    if (!m_workspace) {
        m_report = {};
        m_error = tr("No workspace is open.");
        showReport();
        return;
    }
    const UtcSeconds now = QDateTime::currentSecsSinceEpoch();
    if (!m_asynchronous) {
        const Built built = buildWeekly(*m_workspace, m_weekStart, now);
        m_report = built.report;
        m_error = built.error;
        showReport();
        return;
    }
    m_loading = true;
    auto* watcher = new QFutureWatcher<Built>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        releaseFreedMemory(); // what the worker freed
        if (generation == m_generation) {
            m_loading = false;
            m_report = watcher->result().report;
            m_error = watcher->result().error;
            showReport();
        }
    });
    m_watcher = watcher;
    watcher->setFuture(QtConcurrent::run([path = m_workspace->path(), monday = m_weekStart, now] {
        try {
            store::Workspace workspace(path, store::Workspace::Access::ReadOnly);
            readWithoutFileMap(workspace.db());
            return buildWeekly(workspace, monday, now);
        } catch (const store::StoreError& error) {
            return Built{{}, error.message()};
        }
    }));
}

void ReviewPage::showReport() {
    const int current = std::max(0, step());
    {
        const QSignalBlocker blocker(m_steps);
        m_steps->clear();
        for (std::size_t i = 0; i < m_report.sections.size(); ++i) {
            const int minutes = i < std::size(stepMinutes) ? stepMinutes[i] : 2;
            auto* item = new QListWidgetItem(m_report.sections[i].title + QStringLiteral("\n") +
                                                 tr("%n min", nullptr, minutes),
                                             m_steps);
            item->setSizeHint(QSize(0, 48));
        }
    }
    // Root causes of the week to pick from for a new action.
    const QString typed = m_actionAbout->currentText();
    m_actionAbout->clear();
    for (const report::Table* table : m_report.tables()) {
        if (table->id == QLatin1String("root-causes")) {
            for (const auto& row : table->rows) {
                m_actionAbout->addItem(shown::text(row.front().text), row.front().text);
            }
        }
    }
    m_actionAbout->setEditText(typed);
    if (!m_error.isEmpty()) {
        m_section->setPlainText(shown::text(m_error));
    }
    setStep(std::min(current, m_steps->count() - 1));
    showStep();
    showActions();
}

void ReviewPage::showStep() {
    const int index = step();
    m_back->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < m_steps->count());
    if (index < 0 || index >= static_cast<int>(m_report.sections.size())) {
        return;
    }
    // The one section on screen; the headline figures with the first.
    report::Report page = m_report;
    page.sections = {m_report.sections[index]};
    if (index > 0) {
        page.headlines.clear();
    }
    std::unique_ptr<QTextDocument> document =
        report::reportDocument(page, std::min(700, m_section->viewport()->width() - 56));
    document->setDocumentMargin(24);
    m_section->setDocument(document.get());
    m_document = std::move(document);
}

void ReviewPage::showActions() {
    m_actions->setRowCount(0);
    m_actionRows.clear();
    if (!m_workspace) {
        return;
    }
    const QDate today = QDate::currentDate();
    // Agreed at last week's review: created during the week after the one
    // reviewed then, i.e. this reviewed week's Monday to Sunday.
    const QTimeZone zone = m_workspace->reportingTimeZone();
    const Window lastReview = windowOfLocalDates(m_weekStart, m_weekStart.addDays(7), zone);
    m_actionRows = review::openActions(m_workspace->db());
    m_actions->setRowCount(static_cast<int>(m_actionRows.size()));
    for (int row = 0; row < static_cast<int>(m_actionRows.size()); ++row) {
        const review::Action& action = m_actionRows[row];
        auto* title = new QTableWidgetItem(shown::text(action.title));
        if (lastReview.contains(action.createdAt)) {
            title->setText(shown::text(action.title + tr("  (agreed last week)")));
        }
        // Imported and typed actions alike; the tooltip tells which.
        const QString source =
            action.batch
                ? tr("Imported (import batch %1, id %2)").arg(*action.batch).arg(action.exportId())
                : tr("Typed in here (id %1)").arg(action.exportId());
        title->setToolTip(shown::toolTip(
            (action.subject.isEmpty() ? action.title
                                      : action.title + QStringLiteral(" — ") + action.subject) +
            QStringLiteral("\n") + source));
        m_actions->setItem(row, 0, title);
        auto* owner = new QTableWidgetItem(shown::text(action.owner));
        owner->setToolTip(shown::toolTip(action.owner));
        m_actions->setItem(row, 1, owner);
        auto* deadline = new QTableWidgetItem(action.deadline.toString(QStringLiteral("d MMM")));
        if (action.isOverdueOn(today)) {
            deadline->setForeground(QColor(0xcf, 0x22, 0x2e));
            deadline->setToolTip(tr("Overdue"));
        }
        m_actions->setItem(row, 2, deadline);
        auto* status = new QComboBox(m_actions);
        for (auto value : {review::ActionStatus::Open, review::ActionStatus::InProgress,
                           review::ActionStatus::Done, review::ActionStatus::Dropped}) {
            status->addItem(review::actionStatusLabel(value), static_cast<int>(value));
        }
        status->setCurrentIndex(status->findData(static_cast<int>(action.status)));
        enableEdit(status, true, readOnlyExplanation(m_workspace));
        connect(status, &QComboBox::currentIndexChanged, this, [this, status, row] {
            review::Action changed = m_actionRows[row];
            changed.status = static_cast<review::ActionStatus>(status->currentData().toInt());
            try {
                review::updateAction(m_workspace->db(), changed);
                shown::setPlainText(
                    m_feedback,
                    tr("“%1” is now %2.")
                        .arg(changed.title, review::actionStatusLabel(changed.status).toLower()));
            } catch (const store::StoreError& error) {
                shown::setPlainText(m_feedback, error.message());
            }
            QTimer::singleShot(0, this, [this] { refresh(); });
        });
        m_actions->setCellWidget(row, 3, status);
    }
    m_actions->resizeColumnsToContents();
    // The panel is narrow: a long owner name gives way to the action's title
    // (both are whole in their tooltips and on the agenda beside them).
    const int ownerWidth = m_actions->fontMetrics().averageCharWidth() * 10;
    if (m_actions->horizontalHeader()->sectionSize(1) > ownerWidth) {
        m_actions->horizontalHeader()->resizeSection(1, ownerWidth);
    }
    m_actions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

QString ReviewPage::recordDecision(const QString& type, const QString& owner,
                                   const QString& concerns, const QString& note) {
    if (!m_workspace) {
        return tr("No workspace is open.");
    }
    if (m_workspace->isReadOnly()) {
        return readOnlyExplanation(m_workspace);
    }
    review::Decision decision;
    decision.decidedOn = QDate::currentDate();
    decision.decisionType = type;
    decision.owner = owner;
    decision.note = note;
    // A helpdesk id names a ticket; anything else is taken as a root cause.
    static const QRegularExpression ticketLike(QStringLiteral("^[A-Za-z]*-?\\d+$"));
    (ticketLike.match(concerns.trimmed()).hasMatch() ? decision.ticketId : decision.rootCause) =
        concerns.trimmed();
    decision.createdAt = QDateTime::currentSecsSinceEpoch();
    try {
        review::addDecision(m_workspace->db(), decision);
    } catch (const store::StoreError& error) {
        return error.message();
    }
    refresh();
    return {};
}

QString ReviewPage::addAction(const QString& title, const QString& about, const QString& owner,
                              const QDate& deadline) {
    if (!m_workspace) {
        return tr("No workspace is open.");
    }
    if (m_workspace->isReadOnly()) {
        return readOnlyExplanation(m_workspace);
    }
    review::Action action;
    action.title = title;
    action.subjectKind =
        about.trimmed().isEmpty() ? review::ActionSubject::Other : review::ActionSubject::RootCause;
    action.subject = about;
    action.owner = owner;
    action.deadline = deadline;
    action.createdAt = QDateTime::currentSecsSinceEpoch();
    try {
        review::addAction(m_workspace->db(), action);
    } catch (const store::StoreError& error) {
        return error.message();
    }
    refresh();
    return {};
}

} // namespace escdesk::ui
