#include "widgets/PeriodPicker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>

namespace escdesk::ui {

using metrics::PeriodPreset;

PeriodPicker::PeriodPicker(QWidget* parent)
    : QWidget(parent)
    , m_period(new QComboBox(this))
    , m_dataEnd(new QLabel(this))
    , m_custom(new QWidget(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto* label = new QLabel(tr("&Period:"), this);
    label->setBuddy(m_period);
    layout->addWidget(label);
    m_period->setAccessibleName(tr("Reporting period"));
    m_period->addItem(tr("Last 7 days"), int(PeriodPreset::Last7Days));
    m_period->addItem(tr("Last 30 days"), int(PeriodPreset::Last30Days));
    m_period->addItem(tr("Last 90 days"), int(PeriodPreset::Last90Days));
    m_period->addItem(tr("This month"), int(PeriodPreset::ThisMonth));
    m_period->addItem(tr("Last month"), int(PeriodPreset::LastMonth));
    m_period->addItem(tr("This quarter"), int(PeriodPreset::ThisQuarter));
    m_period->addItem(tr("Custom…"), int(PeriodPreset::Custom));
    m_period->setCurrentIndex(1);
    layout->addWidget(m_period);

    auto* custom = new QHBoxLayout(m_custom);
    custom->setContentsMargins(6, 0, 0, 0);
    custom->setSpacing(6);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setParent(m_custom);
    }
    m_from->setAccessibleName(tr("First day"));
    m_to->setAccessibleName(tr("Last day"));
    auto* fromLabel = new QLabel(tr("&From"), m_custom);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&to"), m_custom);
    toLabel->setBuddy(m_to);
    custom->addWidget(fromLabel);
    custom->addWidget(m_from);
    custom->addWidget(toLabel);
    custom->addWidget(m_to);
    m_custom->setVisible(false);
    layout->addWidget(m_custom);
    m_dataEnd->setObjectName(QStringLiteral("periodDataEnd"));
    m_dataEnd->setToolTip(tr("The workspace’s data ends before this period would end today, so "
                             "it ends on the last day with tickets instead. Choose Custom… for "
                             "other dates."));
    m_dataEnd->setVisible(false);
    layout->addWidget(m_dataEnd);

    connect(m_period, &QComboBox::currentIndexChanged, this, &PeriodPicker::presetChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &PeriodPicker::changed);
    connect(m_to, &QDateEdit::dateChanged, this, &PeriodPicker::changed);
}

PeriodPreset PeriodPicker::preset() const {
    return static_cast<PeriodPreset>(m_period->currentData().toInt());
}

void PeriodPicker::setPreset(PeriodPreset preset) {
    m_period->setCurrentIndex(m_period->findData(int(preset)));
}

void PeriodPicker::offerTrendPresets() {
    const int custom = m_period->findData(int(PeriodPreset::Custom));
    m_period->insertItem(custom, tr("Last 12 weeks"), int(PeriodPreset::Last12Weeks));
    m_period->insertItem(custom + 1, tr("Last 12 months"), int(PeriodPreset::Last12Months));
}

QString PeriodPicker::presetText() const {
    return m_period->currentText();
}

void PeriodPicker::showDataEnd(const QDate& dataEnd) {
    const bool shown = dataEnd.isValid() && preset() != PeriodPreset::Custom;
    m_dataEnd->setText(
        shown ? tr("to %1").arg(QLocale().toString(dataEnd, QStringLiteral("d MMM yyyy")))
              : QString());
    m_dataEnd->setVisible(shown);
}

QString PeriodPicker::dataEndText() const {
    return m_dataEnd->text();
}

void PeriodPicker::setCustomRange(const QDate& first, const QDate& last) {
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(first);
        m_to->setDate(last);
    }
    if (preset() == PeriodPreset::Custom) {
        emit changed();
    }
}

metrics::DateRange PeriodPicker::dates(const QDate& today) const {
    if (preset() == PeriodPreset::Custom) {
        return {m_from->date(), m_to->date()};
    }
    return metrics::periodDates(preset(), today);
}

void PeriodPicker::presetChanged() {
    const bool custom = preset() == PeriodPreset::Custom;
    if (custom && m_from->date() == QDate(2000, 1, 1)) {
        // First use of Custom: start from the last 30 days.
        const metrics::DateRange start = metrics::periodDates(PeriodPreset::Last30Days, m_today());
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(start.first);
        m_to->setDate(start.last);
    }
    m_custom->setVisible(custom);
    if (custom) {
        showDataEnd({}); // custom dates are the user's own
    }
    emit changed();
}

void PeriodPicker::saveSettings(QSettings& settings, const QString& prefix) const {
    settings.setValue(prefix + QStringLiteral("/period"), int(preset()));
    settings.setValue(prefix + QStringLiteral("/from"), m_from->date());
    settings.setValue(prefix + QStringLiteral("/to"), m_to->date());
}

void PeriodPicker::restoreSettings(QSettings& settings, const QString& prefix) {
    const QDate from = settings.value(prefix + QStringLiteral("/from")).toDate();
    const QDate to = settings.value(prefix + QStringLiteral("/to")).toDate();
    if (from.isValid() && to.isValid()) {
        setCustomRange(from, to);
    }
    const int index = m_period->findData(
        settings.value(prefix + QStringLiteral("/period"), int(PeriodPreset::Last30Days)).toInt());
    if (index >= 0) {
        m_period->setCurrentIndex(index);
    }
}

} // namespace escdesk::ui
