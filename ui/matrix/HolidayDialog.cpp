#include "matrix/HolidayDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

using Kind = sla::Holiday::Kind;

QComboBox* monthCombo(QWidget* parent) {
    auto* combo = new QComboBox(parent);
    for (int month = 1; month <= 12; ++month) {
        combo->addItem(QLocale::c().monthName(month), month);
    }
    return combo;
}

} // namespace

HolidayDialog::HolidayDialog(const sla::Holiday& holiday, QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(holiday.name, this))
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_date(new QDateEdit(this))
    , m_yearlyMonth(monthCombo(this))
    , m_yearlyDay(new QSpinBox(this))
    , m_nth(new QComboBox(this))
    , m_weekday(new QComboBox(this))
    , m_month(monthCombo(this))
    , m_preview(new QLabel(this)) {
    setWindowTitle(holiday.name.isEmpty() ? tr("Add holiday") : tr("Edit holiday"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_name->setPlaceholderText(tr("e.g. Thanksgiving"));
    form->addRow(tr("Name"), m_name);
    m_kind->addItem(tr("On one date"), int(Kind::Date));
    m_kind->addItem(tr("Every year on a date"), int(Kind::Yearly));
    m_kind->addItem(tr("Every year on the nth weekday of a month"), int(Kind::NthWeekday));
    m_kind->addItem(tr("Every year on the last weekday of a month"), int(Kind::LastWeekday));
    form->addRow(tr("Falls"), m_kind);
    layout->addLayout(form);

    // One page of fields per kind.
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setDate(holiday.date.isValid() ? holiday.date : QDate::currentDate());
    auto* datePage = new QWidget(m_pages);
    auto* dateLayout = new QFormLayout(datePage);
    dateLayout->addRow(tr("Date"), m_date);
    m_pages->addWidget(datePage);

    auto* yearlyPage = new QWidget(m_pages);
    auto* yearlyLayout = new QHBoxLayout(yearlyPage);
    m_yearlyDay->setRange(1, 31);
    m_yearlyDay->setValue(holiday.kind == Kind::Yearly ? holiday.day : 1);
    yearlyLayout->addWidget(new QLabel(tr("Every"), yearlyPage));
    yearlyLayout->addWidget(m_yearlyDay);
    yearlyLayout->addWidget(m_yearlyMonth, 1);
    m_pages->addWidget(yearlyPage);

    const QStringList ordinals{tr("first"), tr("second"), tr("third"), tr("fourth"), tr("fifth")};
    for (int n = 1; n <= 5; ++n) {
        m_nth->addItem(ordinals[n - 1], n);
    }
    for (int day = 1; day <= 7; ++day) {
        m_weekday->addItem(QLocale::c().dayName(day), day);
    }
    auto* weekdayPage = new QWidget(m_pages);
    auto* weekdayLayout = new QHBoxLayout(weekdayPage);
    weekdayLayout->addWidget(new QLabel(tr("The"), weekdayPage));
    weekdayLayout->addWidget(m_nth);
    weekdayLayout->addWidget(m_weekday);
    weekdayLayout->addWidget(new QLabel(tr("of"), weekdayPage));
    weekdayLayout->addWidget(m_month, 1);
    m_pages->addWidget(weekdayPage);
    layout->addWidget(m_pages);

    m_yearlyMonth->setCurrentIndex(std::clamp(holiday.month, 1, 12) - 1);
    m_month->setCurrentIndex(std::clamp(holiday.month, 1, 12) - 1);
    m_nth->setCurrentIndex(std::clamp(holiday.nth, 1, 5) - 1);
    m_weekday->setCurrentIndex(std::clamp(holiday.weekday, 1, 7) - 1);
    m_kind->setCurrentIndex(m_kind->findData(int(holiday.kind)));

    m_preview->setObjectName(QStringLiteral("subtitle"));
    m_preview->setWordWrap(true);
    m_preview->setMinimumHeight(m_preview->fontMetrics().lineSpacing() * 2);
    layout->addWidget(m_preview);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const auto changed = [this] {
        updatePreview();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_name, &QLineEdit::textChanged, this, changed);
    connect(m_date, &QDateEdit::dateChanged, this, changed);
    connect(m_yearlyDay, &QSpinBox::valueChanged, this, changed);
    for (QComboBox* combo : {m_yearlyMonth, m_nth, m_weekday, m_month}) {
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    }
    updatePreview();
    setMinimumWidth(460);
}

sla::Holiday HolidayDialog::holiday() const {
    sla::Holiday holiday;
    holiday.name = m_name->text().trimmed();
    holiday.kind = Kind(m_kind->currentData().toInt());
    switch (holiday.kind) {
    case Kind::Date:
        holiday.date = m_date->date();
        break;
    case Kind::Yearly:
        holiday.month = m_yearlyMonth->currentData().toInt();
        holiday.day = m_yearlyDay->value();
        break;
    case Kind::NthWeekday:
        holiday.nth = m_nth->currentData().toInt();
        [[fallthrough]];
    case Kind::LastWeekday:
        holiday.weekday = m_weekday->currentData().toInt();
        holiday.month = m_month->currentData().toInt();
        break;
    }
    return holiday;
}

void HolidayDialog::updatePreview() {
    const int kind = m_kind->currentIndex();
    m_pages->setCurrentIndex(kind);
    m_nth->setVisible(Kind(m_kind->currentData().toInt()) == Kind::NthWeekday);
    const sla::Holiday rule = holiday();
    QStringList next;
    const int thisYear = QDate::currentDate().year();
    for (int year = thisYear; year < thisYear + 3 && rule.kind != Kind::Date; ++year) {
        if (const auto date = rule.dateIn(year)) {
            next << QLocale::c().toString(*date, QStringLiteral("ddd d MMM yyyy"));
        }
    }
    const bool valid = rule.kind == Kind::Date ? rule.date.isValid() : !next.isEmpty();
    m_preview->setText(rule.describe() +
                       (next.isEmpty() ? QString() : tr(" — next: %1").arg(next.join(", "))));
    if (QPushButton* ok = findChild<QDialogButtonBox*>()
                              ? findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)
                              : nullptr) {
        ok->setEnabled(valid && !rule.name.isEmpty());
    }
}

} // namespace escdesk::ui
