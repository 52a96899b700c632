#include "matrix/CalendarsEditor.h"

#include "ShownText.h"
#include "matrix/HolidayDialog.h"
#include "matrix/MatrixDocument.h"
#include "models/DisplayText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDate>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

enum WeekColumn { DayColumn, HoursColumn, TotalColumn };
enum HolidayColumn { HolidayNameColumn, HolidayRuleColumn, HolidayNextColumn };

QString hhmm(int seconds) {
    return QStringLiteral("%1:%2")
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
}

QString calendarName(const matrix::Matrix& m, int index) {
    return QStringLiteral("“%1”").arg(m.calendars[std::size_t(index)].name);
}

QStringList zoneIds() {
    QStringList ids;
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        ids << QString::fromUtf8(id);
    }
    return ids;
}

} // namespace

std::optional<std::vector<sla::OpeningHours>> CalendarsEditor::parseHours(const QString& text) {
    static const QRegularExpression interval(
        QStringLiteral("^\\s*(\\d{1,2})(?::(\\d{2}))?\\s*[-–—]\\s*(\\d{1,2})(?::(\\d{2}))?\\s*$"));
    std::vector<sla::OpeningHours> hours;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(tr("Closed"), Qt::CaseInsensitive) == 0 ||
        trimmed.compare(QLatin1String("closed"), Qt::CaseInsensitive) == 0) {
        return hours;
    }
    for (const QString& part : trimmed.split(QRegularExpression(QStringLiteral("[,;]")))) {
        const QRegularExpressionMatch match = interval.match(part);
        if (!match.hasMatch()) {
            return std::nullopt;
        }
        const int open = match.captured(1).toInt() * 3600 + match.captured(2).toInt() * 60;
        const int close = match.captured(3).toInt() * 3600 + match.captured(4).toInt() * 60;
        if (match.captured(2).toInt() >= 60 || match.captured(4).toInt() >= 60 || open > 86400 ||
            close > 86400) {
            return std::nullopt;
        }
        hours.push_back({open, close});
    }
    return hours;
}

QString CalendarsEditor::hoursText(const std::vector<sla::OpeningHours>& hours) {
    if (hours.empty()) {
        return tr("Closed");
    }
    QStringList parts;
    for (const sla::OpeningHours& opening : hours) {
        parts << hhmm(opening.openSecond) + QStringLiteral("–") + hhmm(opening.closeSecond);
    }
    return parts.join(QStringLiteral(", "));
}

CalendarsEditor::CalendarsEditor(MatrixDocument* document, QWidget* parent)
    : MatrixEditor(document, parent)
    , m_calendars(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_zone(new QComboBox(this))
    , m_zoneBadge(new IssueBadge(this))
    , m_roundTheClock(new QCheckBox(tr("Open 24×7 (every hour counts, no holidays)"), this))
    , m_week(new QTableWidget(7, 3, this))
    , m_weekBadge(new IssueBadge(this))
    , m_weekProblem(new QLabel(this))
    , m_holidays(new QTableWidget(0, 3, this))
    , m_noHolidays(new QLabel(this))
    , m_addCalendar(toolButton(tr("Add calendar"), tr("Add a business-hours calendar"), this))
    , m_removeCalendar(toolButton(tr("Remove"), tr("Remove the selected calendar"), this))
    , m_addHoliday(toolButton(tr("Add holiday…"), tr("Add a holiday or a holiday rule"), this))
    , m_removeHoliday(toolButton(tr("Remove"), tr("Remove the selected holiday"), this))
    , m_detail(new QWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(hint(tr("SLA clocks count only business hours of a policy's calendar, in "
                              "its time zone. A holiday is a whole local day off. Write the hours "
                              "of a day as intervals, e.g. 09:00–12:00, 13:00–17:00."),
                           this));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addCalendar);
    listButtons->addWidget(m_removeCalendar);
    listButtons->addStretch();
    leftLayout->addLayout(listButtons);
    m_calendars->setAccessibleName(tr("Calendars"));
    m_calendars->setMinimumWidth(220);
    m_calendars->setSpacing(3);
    leftLayout->addWidget(m_calendars, 1);
    splitter->addWidget(left);

    auto* detail = new QVBoxLayout(m_detail);
    detail->setContentsMargins(12, 0, 0, 0);
    auto* form = new QFormLayout;
    m_name->setAccessibleName(tr("Calendar name"));
    form->addRow(tr("Name"), m_name);
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->addItems(zoneIds());
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->setAccessibleName(tr("Time zone"));
    m_zone->setMinimumWidth(240);
    auto* zoneRow = new QHBoxLayout;
    zoneRow->addWidget(m_zone);
    zoneRow->addWidget(m_zoneBadge);
    zoneRow->addStretch();
    form->addRow(tr("Time zone"), zoneRow);
    form->addRow(QString(), m_roundTheClock);
    detail->addLayout(form);

    auto* weekHeader = new QHBoxLayout;
    auto* weekTitle = new QLabel(tr("Weekly business hours"), m_detail);
    weekTitle->setObjectName(QStringLiteral("sectionTitle"));
    weekHeader->addWidget(weekTitle);
    weekHeader->addWidget(m_weekBadge);
    weekHeader->addStretch();
    detail->addSpacing(4);
    detail->addLayout(weekHeader);
    setupTable(m_week);
    m_week->setAccessibleName(tr("Weekly business hours"));
    m_week->setHorizontalHeaderLabels({tr("Day"), tr("Hours"), tr("Total")});
    m_week->setColumnWidth(DayColumn, 120);
    m_week->setColumnWidth(HoursColumn, 280);
    m_week->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_week->setFixedHeight(m_week->horizontalHeader()->sizeHint().height() +
                           7 * m_week->verticalHeader()->defaultSectionSize() + 4);
    for (int day = 0; day < 7; ++day) {
        putCell(m_week, day, DayColumn, QLocale::c().dayName(day + 1), false);
    }
    detail->addWidget(m_week);
    m_weekProblem->setObjectName(QStringLiteral("footnote"));
    m_weekProblem->setWordWrap(true);
    detail->addWidget(m_weekProblem);

    auto* holidayHeader = new QHBoxLayout;
    auto* holidayTitle = new QLabel(tr("Holidays"), m_detail);
    holidayTitle->setObjectName(QStringLiteral("sectionTitle"));
    holidayHeader->addWidget(holidayTitle);
    holidayHeader->addStretch();
    holidayHeader->addWidget(m_addHoliday);
    holidayHeader->addWidget(m_removeHoliday);
    detail->addLayout(holidayHeader);
    setupTable(m_holidays);
    m_holidays->setAccessibleName(tr("Holidays"));
    m_holidays->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_holidays->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_holidays->setHorizontalHeaderLabels({tr("Holiday"), tr("Rule"), tr("Next")});
    m_holidays->setColumnWidth(HolidayNameColumn, 200);
    m_holidays->setColumnWidth(HolidayRuleColumn, 260);
    detail->addWidget(m_holidays, 1);
    m_noHolidays->setObjectName(QStringLiteral("emptyState"));
    m_noHolidays->setWordWrap(true);
    m_noHolidays->setAlignment(Qt::AlignCenter);
    m_noHolidays->setText(tr("No holidays yet. Add a single date (2026-12-31), a date every year "
                             "(every 25 December) or a rule such as the fourth Thursday of "
                             "November or the last Monday of May."));
    detail->addWidget(m_noHolidays, 1);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    layout->addWidget(splitter, 1);

    connect(m_calendars, &QListWidget::currentRowChanged, this, &CalendarsEditor::showSelected);
    connect(m_name, &QLineEdit::editingFinished, this, &CalendarsEditor::commitName);
    connect(m_zone, &QComboBox::activated, this, &CalendarsEditor::commitZone);
    connect(m_zone->lineEdit(), &QLineEdit::editingFinished, this, &CalendarsEditor::commitZone);
    connect(m_roundTheClock, &QCheckBox::clicked, this, &CalendarsEditor::commitRoundTheClock);
    connect(m_week, &QTableWidget::cellChanged, this, &CalendarsEditor::weekEdited);
    connect(m_addCalendar, &QToolButton::clicked, this, &CalendarsEditor::addCalendar);
    connect(m_removeCalendar, &QToolButton::clicked, this, &CalendarsEditor::removeCalendar);
    connect(m_addHoliday, &QToolButton::clicked, this, [this] { chooseHoliday(-1); });
    connect(m_holidays, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { chooseHoliday(row); });
    connect(m_removeHoliday, &QToolButton::clicked, this, &CalendarsEditor::removeHoliday);
    removeOnDelete(m_holidays, [this] { removeHoliday(); });
    refresh();
}

int CalendarsEditor::selectedCalendar() const {
    const int row = m_calendars->currentRow();
    return row >= 0 && row < int(document()->matrix().calendars.size()) ? row : -1;
}

void CalendarsEditor::refresh() {
    const auto& calendars = document()->matrix().calendars;
    const auto& issues = document()->issues();
    const QSignalBlocker block(m_calendars);
    const int current = m_calendars->currentRow();
    while (m_calendars->count() > int(calendars.size())) {
        delete m_calendars->takeItem(m_calendars->count() - 1);
    }
    while (m_calendars->count() < int(calendars.size())) {
        new QListWidgetItem(m_calendars);
    }
    for (int i = 0; i < int(calendars.size()); ++i) {
        const sla::BusinessCalendar& calendar = calendars[std::size_t(i)];
        QListWidgetItem* item = m_calendars->item(i);
        int weekly = 0;
        for (const auto& day : calendar.week) {
            for (const sla::OpeningHours& opening : day) {
                weekly += std::max(0, opening.closeSecond - opening.openSecond);
            }
        }
        item->setText(shown::text(QStringLiteral("%1\n%2").arg(
            calendar.name,
            calendar.roundTheClock
                ? tr("Round the clock")
                : tr("%1 · %2 h a week")
                      .arg(calendar.timeZone, QLocale().toString(weekly / 3600.0, 'g', 4)))));
        const IssueList found = issuesAt(issues, QStringLiteral("calendars[%1]").arg(i), true);
        item->setIcon(found.empty() ? QIcon()
                                    : issueIcon(hasError(found)
                                                    ? matrix::ValidationIssue::Severity::Error
                                                    : matrix::ValidationIssue::Severity::Warning));
        item->setToolTip(shown::toolTip(issueTooltip(found)));
    }
    m_calendars->setCurrentRow(current >= 0 && current < m_calendars->count() ? current
                               : m_calendars->count() > 0                     ? 0
                                                                              : -1);
    enableEditing(m_addCalendar);
    showSelected();
}

void CalendarsEditor::showSelected() {
    const int index = selectedCalendar();
    m_detail->setEnabled(index >= 0);
    enableEditing(m_removeCalendar, index >= 0);
    enableEditing({m_name, m_zone, m_roundTheClock, m_addHoliday});
    const sla::BusinessCalendar calendar =
        index >= 0 ? document()->matrix().calendars[std::size_t(index)] : sla::BusinessCalendar{};
    const auto& issues = document()->issues();
    const QString path = QStringLiteral("calendars[%1]").arg(index);
    if (m_name->text() != calendar.name) {
        m_name->setText(calendar.name);
    }
    markLineEdit(m_name, issuesAt(issues, path + QStringLiteral(".name")));
    {
        const QSignalBlocker block(m_zone);
        m_zone->setCurrentText(calendar.timeZone);
    }
    m_zoneBadge->setIssues(issuesAt(issues, path + QStringLiteral(".time_zone")));
    m_roundTheClock->setChecked(calendar.roundTheClock);
    m_week->setEnabled(!calendar.roundTheClock);
    m_weekBadge->setIssues(issuesAt(issues, path + QStringLiteral(".hours")));
    {
        const QSignalBlocker block(m_week);
        for (int day = 0; day < 7; ++day) {
            const auto& hours = calendar.week[std::size_t(day)];
            int seconds = 0;
            for (const sla::OpeningHours& opening : hours) {
                seconds += std::max(0, opening.closeSecond - opening.openSecond);
            }
            markItem(putCell(m_week, day, HoursColumn,
                             calendar.roundTheClock ? tr("00:00–24:00") : hoursText(hours)),
                     issuesAt(issues, path + QStringLiteral(".hours[%1]").arg(day), true));
            putCell(m_week, day, TotalColumn,
                    calendar.roundTheClock ? tr("24 h")
                    : seconds == 0         ? QStringLiteral("—")
                                   : tr("%1 h").arg(QLocale().toString(seconds / 3600.0, 'g', 4)),
                    false);
        }
    }
    const QSignalBlocker block(m_holidays);
    m_holidays->setRowCount(int(calendar.holidays.size()));
    const QDate today = QDate::currentDate();
    for (int row = 0; row < int(calendar.holidays.size()); ++row) {
        const sla::Holiday& holiday = calendar.holidays[std::size_t(row)];
        markItem(putCell(m_holidays, row, HolidayNameColumn, holiday.name, false),
                 issuesAt(issues, path + QStringLiteral(".holidays[%1]").arg(row)));
        putCell(m_holidays, row, HolidayRuleColumn, holiday.describe(), false);
        QString next;
        if (holiday.kind == sla::Holiday::Kind::Date) {
            next = holiday.date.toString(Qt::ISODate);
        } else {
            for (int year = today.year(); year <= today.year() + 1 && next.isEmpty(); ++year) {
                const auto date = holiday.dateIn(year);
                if (date && *date >= today) {
                    next = date->toString(Qt::ISODate);
                }
            }
        }
        putCell(m_holidays, row, HolidayNextColumn, next, false);
    }
    enableEditing(m_removeHoliday, index >= 0 && !calendar.holidays.empty());
    m_holidays->setToolTip(canEdit() ? tr("Double-click a holiday to change it")
                                     : shown::toolTip(document()->readOnlyExplanation()));
    m_holidays->setVisible(!calendar.holidays.empty());
    m_noHolidays->setVisible(calendar.holidays.empty() && !calendar.roundTheClock);
}

void CalendarsEditor::commitName() {
    const int index = selectedCalendar();
    const QString name = m_name->text().trimmed();
    if (index < 0) {
        return;
    }
    const QString old = document()->matrix().calendars[std::size_t(index)].name;
    // Policies refer to a calendar by name: renaming carries them along.
    document()->edit(
        tr("Rename the calendar %1 to “%2”").arg(calendarName(document()->matrix(), index), name),
        [&](matrix::Matrix& m) {
            m.calendars[std::size_t(index)].name = name;
            for (sla::SlaPolicy& policy : m.policies) {
                if (policy.calendar == old) {
                    policy.calendar = name;
                }
            }
        },
        QStringLiteral("calendars[%1].name").arg(index));
}

void CalendarsEditor::commitZone() {
    const int index = selectedCalendar();
    const QString zone = m_zone->currentText().trimmed();
    if (index < 0) {
        return;
    }
    document()->edit(
        tr("Set the time zone of %1 to %2").arg(calendarName(document()->matrix(), index), zone),
        [&](matrix::Matrix& m) { m.calendars[std::size_t(index)].timeZone = zone; });
}

void CalendarsEditor::commitRoundTheClock(bool on) {
    const int index = selectedCalendar();
    if (index < 0) {
        return;
    }
    document()->edit(
        on ? tr("Make %1 24×7").arg(calendarName(document()->matrix(), index))
           : tr("Give %1 business hours").arg(calendarName(document()->matrix(), index)),
        [&](matrix::Matrix& m) {
            sla::BusinessCalendar& calendar = m.calendars[std::size_t(index)];
            calendar.roundTheClock = on;
            const bool closed = std::all_of(calendar.week.begin(), calendar.week.end(),
                                            [](const auto& d) { return d.empty(); });
            if (!on && closed) {
                // Start from Monday to Friday, 09:00–17:00.
                for (int day = 0; day < 5; ++day) {
                    calendar.week[std::size_t(day)] = {{9 * 3600, 17 * 3600}};
                }
            }
        });
}

void CalendarsEditor::weekEdited(int row, int column) {
    const int index = selectedCalendar();
    const QTableWidgetItem* item = m_week->item(row, column);
    if (index < 0 || column != HoursColumn || !item) {
        return;
    }
    const auto hours = parseHours(item->text());
    const QString day = QLocale::c().dayName(row + 1);
    if (!hours) {
        m_weekProblem->setText(tr("“%1” is not a list of hours for %2; write intervals such as "
                                  "09:00–12:00, 13:00–17:00, or Closed.")
                                   .arg(item->text(), day));
        showSelected();
        return;
    }
    m_weekProblem->clear();
    document()->edit(
        tr("Set the hours of %1 on %2").arg(calendarName(document()->matrix(), index), day),
        [&](matrix::Matrix& m) {
            m.calendars[std::size_t(index)].week[std::size_t(row)] = *hours;
        });
    showSelected();
}

void CalendarsEditor::addCalendar() {
    const auto& calendars = document()->matrix().calendars;
    QString name = tr("New calendar");
    for (int n = 2; document()->matrix().calendarNamed(name); ++n) {
        name = tr("New calendar %1").arg(n);
    }
    sla::BusinessCalendar calendar;
    calendar.name = name;
    calendar.timeZone = calendars.empty() ? QStringLiteral("UTC") : calendars.front().timeZone;
    for (int day = 0; day < 5; ++day) {
        calendar.week[std::size_t(day)] = {{9 * 3600, 17 * 3600}};
    }
    document()->edit(tr("Add the calendar “%1”").arg(name),
                     [&](matrix::Matrix& m) { m.calendars.push_back(calendar); });
    m_calendars->setCurrentRow(m_calendars->count() - 1);
}

void CalendarsEditor::removeCalendar() {
    const int index = selectedCalendar();
    if (index < 0) {
        return;
    }
    document()->edit(tr("Remove the calendar %1").arg(calendarName(document()->matrix(), index)),
                     [&](matrix::Matrix& m) { m.calendars.erase(m.calendars.begin() + index); });
}

void CalendarsEditor::addHoliday(const sla::Holiday& holiday) {
    const int index = selectedCalendar();
    if (index < 0) {
        return;
    }
    document()->edit(
        tr("Add the holiday “%1” to %2")
            .arg(holiday.name, calendarName(document()->matrix(), index)),
        [&](matrix::Matrix& m) { m.calendars[std::size_t(index)].holidays.push_back(holiday); });
}

void CalendarsEditor::chooseHoliday(int row) {
    const int index = selectedCalendar();
    // A double-click on a read-only workspace's holiday changes nothing.
    if (index < 0 || !canEdit()) {
        return;
    }
    const auto& holidays = document()->matrix().calendars[std::size_t(index)].holidays;
    sla::Holiday start;
    if (row >= 0 && row < int(holidays.size())) {
        start = holidays[std::size_t(row)];
    } else {
        start.date = QDate::currentDate();
    }
    HolidayDialog dialog(start, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const sla::Holiday chosen = dialog.holiday();
    if (row < 0 || row >= int(holidays.size())) {
        addHoliday(chosen);
        return;
    }
    document()->edit(tr("Change the holiday “%1” of %2")
                         .arg(start.name, calendarName(document()->matrix(), index)),
                     [&](matrix::Matrix& m) {
                         m.calendars[std::size_t(index)].holidays[std::size_t(row)] = chosen;
                     });
}

void CalendarsEditor::removeHoliday() {
    const int index = selectedCalendar();
    const int row = m_holidays->currentRow();
    const auto& holidays = index >= 0 ? document()->matrix().calendars[std::size_t(index)].holidays
                                      : std::vector<sla::Holiday>{};
    if (row < 0 || row >= int(holidays.size())) {
        return;
    }
    document()->edit(
        tr("Remove the holiday “%1” from %2")
            .arg(holidays[std::size_t(row)].name, calendarName(document()->matrix(), index)),
        [&](matrix::Matrix& m) {
            auto& list = m.calendars[std::size_t(index)].holidays;
            list.erase(list.begin() + row);
        });
}

bool CalendarsEditor::reveal(const QString& path) {
    const auto parts = pathParts(path);
    if (parts.empty() || parts[0].first != QLatin1String("calendars")) {
        return false;
    }
    if (parts[0].second >= 0) {
        m_calendars->setCurrentRow(parts[0].second);
    }
    if (parts.size() > 1 && parts[1].first == QLatin1String("hours")) {
        if (parts[1].second >= 0) {
            m_week->setCurrentCell(parts[1].second, HoursColumn);
        }
        m_week->setFocus(Qt::OtherFocusReason);
    } else if (parts.size() > 1 && parts[1].first == QLatin1String("holidays")) {
        m_holidays->selectRow(std::max(0, parts[1].second));
        m_holidays->setFocus(Qt::OtherFocusReason);
    } else if (parts.size() > 1 && parts[1].first == QLatin1String("time_zone")) {
        m_zone->setFocus(Qt::OtherFocusReason);
    } else {
        m_name->setFocus(Qt::OtherFocusReason);
    }
    return true;
}

} // namespace escdesk::ui
