#include "matrix/TestTicketPanel.h"

#include "ShownText.h"
#include "browse/TicketQuery.h"
#include "matrix/MatrixDocument.h"
#include "matrix/RulesEditor.h"
#include "matrix/TicketAssessment.h"
#include "models/DisplayText.h"
#include "risk/Sentiment.h"
#include "store/Workspace.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStringListModel>
#include <QTableWidget>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

enum ClockColumn {
    TargetColumn,
    GoalColumn,
    StatusColumn,
    ElapsedColumn,
    RemainingColumn,
    ConsumedColumn,
    AtRiskColumn,
    BreachColumn,
    ClockColumnCount
};

constexpr int completionLimit = 30;

QString minutes(double value) {
    return QLocale().toString(value, 'f', value == std::floor(value) ? 0 : 1) +
           TestTicketPanel::tr(" min");
}

QString targetLabel(sla::SlaTarget target) {
    switch (target) {
    case sla::SlaTarget::FirstResponse:
        return TestTicketPanel::tr("First response");
    case sla::SlaTarget::Resolution:
        return TestTicketPanel::tr("Resolution");
    case sla::SlaTarget::Claim:
        return TestTicketPanel::tr("Claim (handoff)");
    }
    return {};
}

QString statusLabel(const sla::TargetClock& clock) {
    switch (clock.status) {
    case sla::ClockStatus::Met:
        return TestTicketPanel::tr("Met");
    case sla::ClockStatus::Breached:
        return TestTicketPanel::tr("Breached");
    case sla::ClockStatus::Running:
        return clock.atRisk ? TestTicketPanel::tr("Running — at risk")
                            : TestTicketPanel::tr("Running");
    case sla::ClockStatus::Paused:
        return TestTicketPanel::tr("Paused");
    case sla::ClockStatus::NotStarted:
        return TestTicketPanel::tr("Not started");
    }
    return {};
}

QColor statusColour(const sla::TargetClock& clock) {
    if (clock.status == sla::ClockStatus::Breached) {
        return QColor(0xc5, 0x30, 0x30);
    }
    if (clock.atRisk) {
        return QColor(0xb7, 0x79, 0x1f);
    }
    if (clock.status == sla::ClockStatus::Met) {
        return QColor(0x2f, 0x85, 0x5a);
    }
    return QColor(0x1f, 0x29, 0x33);
}

QString conditionText(const matrix::Condition& condition) {
    return condition.op == matrix::ConditionOperator::IsEmpty
               ? QStringLiteral("%1 %2").arg(condition.field,
                                             RulesEditor::operatorLabel(condition.op))
               : QStringLiteral("%1 %2 “%3”")
                     .arg(condition.field, RulesEditor::operatorLabel(condition.op),
                          condition.value);
}

// The edit has no time zone of its own (Qt 6.4): it shows the wall-clock
// time of `instant` in `zone`.
void showWallClock(QDateTimeEdit* edit, UtcSeconds instant, const QTimeZone& zone) {
    const QDateTime local = QDateTime::fromSecsSinceEpoch(instant, zone);
    edit->setDateTime(QDateTime(local.date(), local.time()));
}

QString shortened(const QString& text) {
    constexpr int limit = 90;
    const QString flat = text.simplified();
    return flat.size() > limit ? flat.left(limit) + QStringLiteral("…") : flat;
}

} // namespace

TestTicketPanel::TestTicketPanel(MatrixDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_ticket(new QLineEdit(this))
    , m_completions(new QStringListModel(this))
    , m_now(new QCheckBox(tr("Now"), this))
    , m_asOf(new QDateTimeEdit(this))
    , m_run(new QPushButton(tr("Test"), this))
    , m_heading(new QLabel(this))
    , m_verdict(new QLabel(this))
    , m_conditions(new QTreeWidget(this))
    , m_clocks(new QTableWidget(0, ClockColumnCount, this))
    , m_clockNote(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    auto* bar = new QHBoxLayout;
    auto* ticketLabel = new QLabel(tr("Ticket"), this);
    ticketLabel->setBuddy(m_ticket);
    m_ticket->setAccessibleName(tr("Ticket id"));
    m_ticket->setPlaceholderText(tr("Ticket id, e.g. SUP-1042"));
    m_ticket->setClearButtonEnabled(true);
    m_ticket->setMinimumWidth(220);
    auto* completer = new QCompleter(m_completions, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_ticket->setCompleter(completer);
    bar->addWidget(ticketLabel);
    bar->addWidget(m_ticket);
    bar->addSpacing(16);
    bar->addWidget(new QLabel(tr("As of"), this));
    m_now->setChecked(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setEnabled(false);
    m_asOf->setAccessibleName(tr("As of"));
    bar->addWidget(m_now);
    bar->addWidget(m_asOf);
    bar->addWidget(m_run);
    bar->addStretch();
    layout->addLayout(bar);

    m_heading->setObjectName(QStringLiteral("detailHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    layout->addWidget(m_heading);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    layout->addWidget(m_verdict);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    auto* rulesBox = new QWidget(splitter);
    auto* rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    auto* rulesTitle = new QLabel(tr("Severity rules, in order"), rulesBox);
    rulesTitle->setObjectName(QStringLiteral("sectionTitle"));
    rulesLayout->addWidget(rulesTitle);
    m_conditions->setAccessibleName(tr("Rules and conditions"));
    m_conditions->setHeaderLabels({tr("Rule / condition"), tr("Ticket value"), tr("Result")});
    m_conditions->setAlternatingRowColors(true);
    m_conditions->setUniformRowHeights(true);
    m_conditions->setSelectionMode(QAbstractItemView::NoSelection);
    m_conditions->header()->setStretchLastSection(false);
    m_conditions->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_conditions->setColumnWidth(1, 300);
    m_conditions->setColumnWidth(2, 110);
    rulesLayout->addWidget(m_conditions);
    splitter->addWidget(rulesBox);

    auto* clocksBox = new QWidget(splitter);
    auto* clocksLayout = new QVBoxLayout(clocksBox);
    clocksLayout->setContentsMargins(0, 0, 0, 0);
    auto* clocksTitle = new QLabel(tr("SLA clocks"), clocksBox);
    clocksTitle->setObjectName(QStringLiteral("sectionTitle"));
    clocksLayout->addWidget(clocksTitle);
    m_clocks->setAccessibleName(tr("SLA clocks"));
    m_clocks->setHorizontalHeaderLabels({tr("Target"), tr("Goal"), tr("Status"), tr("Elapsed"),
                                         tr("Remaining"), tr("Consumed"), tr("At risk"),
                                         tr("Breach at")});
    m_clocks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_clocks->setSelectionMode(QAbstractItemView::NoSelection);
    m_clocks->setShowGrid(false);
    m_clocks->setAlternatingRowColors(true);
    m_clocks->verticalHeader()->setVisible(false);
    m_clocks->verticalHeader()->setDefaultSectionSize(m_clocks->fontMetrics().height() + 12);
    m_clocks->horizontalHeader()->setStretchLastSection(true);
    m_clocks->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int widths[] = {140, 90, 150, 110, 110, 100, 80};
    for (int column = 0; column < BreachColumn; ++column) {
        m_clocks->setColumnWidth(column, widths[column]);
    }
    clocksLayout->addWidget(m_clocks);
    m_clockNote->setObjectName(QStringLiteral("footnote"));
    m_clockNote->setWordWrap(true);
    clocksLayout->addWidget(m_clockNote);
    splitter->addWidget(clocksBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_now, &QCheckBox::toggled, m_asOf, [this](bool now) {
        m_asOf->setEnabled(!now);
        evaluate();
    });
    connect(m_asOf, &QDateTimeEdit::dateTimeChanged, this, [this] { evaluate(); });
    connect(m_run, &QPushButton::clicked, this, &TestTicketPanel::evaluate);
    connect(m_ticket, &QLineEdit::returnPressed, this, &TestTicketPanel::evaluate);
    connect(m_ticket, &QLineEdit::textEdited, this, &TestTicketPanel::updateCompletions);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& id) {
                m_ticket->setText(id);
                evaluate();
            });
    // The matrix being edited is what is tested: an edit re-runs the test.
    connect(document, &MatrixDocument::matrixChanged, this, [this] {
        if (!m_ticket->text().trimmed().isEmpty()) {
            evaluate();
        } else {
            m_heading->setText(tr("Choose a ticket to see which rule fires and its SLA clocks."));
        }
    });
    m_heading->setText(tr("Choose a ticket to see which rule fires and its SLA clocks."));
}

void TestTicketPanel::updateCompletions(const QString& text) {
    store::Workspace* workspace = m_document->workspace();
    if (!workspace || text.trimmed().size() < 2) {
        return;
    }
    browse::TicketFilter filter;
    filter.text = text.trimmed();
    browse::TicketSort sort;
    sort.column = browse::TicketColumn::TicketId;
    sort.descending = false;
    std::vector<std::int64_t> rows = browse::ticketRowIds(workspace->db(), filter, sort);
    if (rows.size() > std::size_t(completionLimit)) {
        rows.resize(completionLimit);
    }
    QStringList ids;
    for (const browse::TicketListRow& row : browse::ticketListRows(workspace->db(), rows)) {
        ids << row.ticketId;
    }
    m_completions->setStringList(ids);
}

void TestTicketPanel::chooseExample() {
    store::Workspace* workspace = m_document->workspace();
    if (!workspace || !m_ticket->text().isEmpty()) {
        return;
    }
    // The newest escalated ticket still open and at least a day old, so its
    // clocks have run; else the newest escalated one.
    constexpr std::size_t looked = 500;
    browse::TicketFilter filter;
    filter.escalatedOnly = true;
    std::vector<std::int64_t> rows =
        browse::ticketRowIds(workspace->db(), filter, browse::TicketSort{});
    rows.resize(std::min(rows.size(), looked));
    const auto listed = browse::ticketListRows(workspace->db(), rows);
    const UtcSeconds dayAgo = QDateTime::currentSecsSinceEpoch() - 86400;
    const browse::TicketListRow* chosen = listed.empty() ? nullptr : &listed.front();
    for (const browse::TicketListRow& row : listed) {
        const QString status = row.status.toLower();
        if (row.createdAt <= dayAgo && status != QLatin1String("solved") &&
            status != QLatin1String("closed") && status != QLatin1String("resolved")) {
            chosen = &row;
            break;
        }
    }
    if (chosen) {
        testTicket(chosen->ticketId);
    }
}

void TestTicketPanel::testTicket(const QString& ticketId, std::optional<UtcSeconds> asOf) {
    m_ticket->setText(ticketId);
    {
        const QSignalBlocker blockNow(m_now);
        const QSignalBlocker blockAsOf(m_asOf);
        m_now->setChecked(!asOf);
        m_asOf->setEnabled(asOf.has_value());
        if (asOf && m_document->workspace()) {
            showWallClock(m_asOf, *asOf, m_document->workspace()->reportingTimeZone());
        }
    }
    evaluate();
}

void TestTicketPanel::evaluate() {
    m_conditions->clear();
    m_clocks->setRowCount(0);
    m_verdict->clear();
    m_clockNote->clear();
    m_firedRule.clear();
    store::Workspace* workspace = m_document->workspace();
    const QString id = m_ticket->text().trimmed();
    if (!workspace || id.isEmpty()) {
        m_heading->setText(tr("Choose a ticket to see which rule fires and its SLA clocks."));
        return;
    }
    const QTimeZone zone = workspace->reportingTimeZone();
    const std::optional<matrix::TicketContext> context =
        matrix::loadTicketContext(workspace->db(), id);
    if (!context) {
        m_heading->setText(tr("No ticket %1 in this workspace.").arg(shown::html(id)));
        return;
    }
    if (m_now->isChecked()) {
        const QSignalBlocker block(m_asOf);
        showWallClock(m_asOf, QDateTime::currentSecsSinceEpoch(), zone);
    }
    // The edit shows wall-clock time in the reporting zone.
    const UtcSeconds asOf =
        m_now->isChecked() ? QDateTime::currentSecsSinceEpoch()
                           : QDateTime(m_asOf->date(), m_asOf->time(), zone).toSecsSinceEpoch();
    matrix::MatrixEvaluator evaluator(m_document->matrix());
    evaluator.setSentimentSource(risk::ticketSentimentSource(m_document->matrix()));
    const auto evaluation = evaluator.sla(*context, asOf);
    const matrix::TriageResult result = evaluator.triage(*context, asOf);

    m_heading->setText(QStringLiteral("%1 <span style='font-weight:400; color:#52606d'>— %2</span>")
                           .arg(shown::html(context->ticket.ticketId),
                                shown::html(shortened(context->ticket.subject))));
    if (result.ruleIndex) {
        m_firedRule = result.rule;
        m_verdict->setText(tr("Rule %1 <b>“%2”</b> fires: <b>%3</b> priority, to <b>%4</b>.<br>%5")
                               .arg(*result.ruleIndex + 1)
                               .arg(shown::html(result.rule), shown::html(result.priority),
                                    display::tier(result.targetTier), shown::html(result.action)));
    } else {
        m_verdict->setText(tr("No rule fires for this ticket: it gets no priority from the rules. "
                              "End the rules with a catch-all."));
    }

    // Every rule up to the one that fired, each condition with its value:
    // why the earlier ones did not fire and why that one did.
    const matrix::TriageInput input = evaluator.triageInput(*context, asOf);
    const auto& rules = m_document->matrix().rules;
    const int last = result.ruleIndex ? *result.ruleIndex : int(rules.size()) - 1;
    for (int r = 0; r <= last && r < int(rules.size()); ++r) {
        const matrix::SeverityRule& rule = rules[std::size_t(r)];
        const bool fired = result.ruleIndex && *result.ruleIndex == r;
        auto* ruleItem = new QTreeWidgetItem(m_conditions);
        ruleItem->setText(0, shown::text(QStringLiteral("%1. %2").arg(r + 1).arg(rule.name)));
        ruleItem->setText(2, fired ? tr("✔ fires") : tr("✖ no match"));
        ruleItem->setForeground(2, fired ? QColor(0x2f, 0x85, 0x5a) : QColor(0x7b, 0x87, 0x94));
        QFont font = ruleItem->font(0);
        font.setWeight(fired ? QFont::DemiBold : QFont::Normal);
        ruleItem->setFont(0, font);
        ruleItem->setFont(2, font);
        if (rule.conditions.empty()) {
            auto* item = new QTreeWidgetItem(ruleItem);
            item->setText(0, tr("no conditions: matches every ticket"));
            item->setText(2, tr("holds"));
        }
        for (const matrix::Condition& condition : rule.conditions) {
            const matrix::ConditionOutcome outcome = matrix::evaluateCondition(condition, input);
            const bool held = outcome.held;
            auto* item = new QTreeWidgetItem(ruleItem);
            item->setText(0, shown::text(conditionText(condition)));
            item->setText(1, outcome.shown.isEmpty() ? tr("(empty)")
                                                     : shown::text(shortened(outcome.shown)));
            item->setToolTip(1, shown::toolTip(outcome.shown));
            item->setText(2, held ? tr("holds") : tr("does not hold"));
            item->setForeground(2, held ? QColor(0x2f, 0x85, 0x5a) : QColor(0xc5, 0x30, 0x30));
        }
        ruleItem->setExpanded(fired || r == last || r < 3);
    }

    if (!evaluation) {
        m_clockNote->setText(tr("The matrix has no SLA policy (or calendar) for this ticket's "
                                "customer tier and priority."));
        return;
    }
    QString note =
        tr("Policy %1 on the calendar “%2”, as of %3. Minutes are business minutes "
           "outside pauses.")
            .arg(evaluation->policy, evaluation->calendar, display::dateTime(asOf, zone));
    // The helpdesk's own priority, when it has one, chooses the policy.
    const QString used = matrix::priorityOf(m_document->matrix(), *context);
    if (result.ruleIndex && used.compare(result.priority, Qt::CaseInsensitive) != 0) {
        note += QLatin1Char(' ') +
                tr("The policy follows the ticket's own priority (%1); the rules would make it %2.")
                    .arg(used, result.priority);
    }
    shown::setPlainText(m_clockNote, note); // names from the matrix and the ticket
    m_clocks->setRowCount(int(evaluation->targets.size()));
    for (int row = 0; row < int(evaluation->targets.size()); ++row) {
        const sla::TargetClock& clock = evaluation->targets[std::size_t(row)];
        const QString texts[] = {
            targetLabel(clock.target),
            minutes(clock.targetMin),
            statusLabel(clock),
            minutes(clock.elapsedBusinessMin),
            minutes(clock.remainingBusinessMin),
            display::percent(clock.consumed, 0),
            clock.atRisk ? tr("Yes") : QStringLiteral("—"),
            clock.breachAt ? display::dateTime(*clock.breachAt, zone) : QStringLiteral("—"),
        };
        for (int column = 0; column < ClockColumnCount; ++column) {
            auto* item = new QTableWidgetItem(shown::text(texts[column]));
            if (column == AtRiskColumn && clock.atRisk) {
                item->setForeground(statusColour(clock));
            }
            if (column == StatusColumn) {
                item->setForeground(statusColour(clock));
                QFont font = item->font();
                font.setWeight(QFont::DemiBold);
                item->setFont(font);
            }
            m_clocks->setItem(row, column, item);
        }
    }
}

} // namespace escdesk::ui
