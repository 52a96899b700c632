#include "widgets/KpiCard.h"

#include "Appearance.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QStyle>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

struct ToneColours {
    QString accent;
    QString background;
};

ToneColours coloursOf(KpiCard::Tone tone) {
    const ThemeColours& theme = themeColours();
    switch (tone) {
    case KpiCard::Tone::Good:
        return {theme.good.name(), theme.goodTint.name()};
    case KpiCard::Tone::Watch:
        return {theme.watch.name(), theme.watchTint.name()};
    case KpiCard::Tone::Bad:
        return {theme.bad.name(), theme.badTint.name()};
    case KpiCard::Tone::Neutral:
        break;
    }
    return {theme.mutedText.name(), theme.neutralTint.name()};
}

} // namespace

KpiCard::KpiCard(const QString& title, QWidget* parent)
    : QFrame(parent)
    , m_titleText(title)
    , m_title(new QLabel(title.toUpper(), this))
    , m_value(new QLabel(QStringLiteral("—"), this))
    , m_change(new QLabel(this))
    , m_previous(new QLabel(this))
    , m_band(new QLabel(this)) {
    setObjectName(QStringLiteral("kpiCard"));
    setAccessibleName(title);
    setMinimumWidth(240);
    // Cards in a row share the tallest one's height.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_title->setObjectName(QStringLiteral("kpiTitle"));
    m_value->setObjectName(QStringLiteral("kpiValue"));
    m_change->setObjectName(QStringLiteral("kpiChange"));
    m_previous->setObjectName(QStringLiteral("kpiPrevious"));
    m_band->setObjectName(QStringLiteral("kpiBand"));
    m_value->setAccessibleName(tr("%1 value").arg(title));
    m_band->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 18);
    layout->setSpacing(6);
    layout->setAlignment(Qt::AlignTop);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    layout->addWidget(m_previous);
    layout->addSpacing(4);
    layout->addWidget(m_band, 0, Qt::AlignLeft);
    setBand(Tone::Neutral, {});
}

void KpiCard::setCompact(bool compact) {
    m_compact = compact;
    setMinimumWidth(compact ? 150 : 240);
    // Capitals with letter spacing need more room than a row of six has.
    m_title->setText(compact ? m_titleText : m_titleText.toUpper());
    m_title->setObjectName(compact ? QStringLiteral("kpiTitleCompact")
                                   : QStringLiteral("kpiTitle"));
    m_title->style()->unpolish(m_title);
    m_title->style()->polish(m_title);
    layout()->setContentsMargins(compact ? QMargins(14, 12, 12, 12) : QMargins(20, 16, 20, 18));
    layout()->setSpacing(compact ? 3 : 6);
    m_value->setObjectName(compact ? QStringLiteral("kpiValueCompact")
                                   : QStringLiteral("kpiValue"));
    m_title->setWordWrap(compact);
    m_previous->setWordWrap(compact);
    // Re-apply the style sheet for the new object name.
    m_value->style()->unpolish(m_value);
    m_value->style()->polish(m_value);
}

void KpiCard::setValue(const QString& value) {
    m_value->setText(value);
}

void KpiCard::setChange(double difference, const QString& text, const QString& previous,
                        Trend trend) {
    QString arrow = QStringLiteral("▶");
    Tone tone = Tone::Neutral;
    if (difference > 0) {
        arrow = QStringLiteral("▲");
        tone = trend == Trend::UpIsBad    ? Tone::Bad
               : trend == Trend::UpIsGood ? Tone::Good
                                          : Tone::Neutral;
    } else if (difference < 0) {
        arrow = QStringLiteral("▼");
        tone = trend == Trend::UpIsBad    ? Tone::Good
               : trend == Trend::UpIsGood ? Tone::Bad
                                          : Tone::Neutral;
    }
    m_changeTone = tone;
    m_change->setText(arrow + QLatin1Char(' ') + text);
    m_change->setStyleSheet(QStringLiteral("color: %1;").arg(coloursOf(tone).accent));
    m_previous->setText(previous);
}

void KpiCard::clearChange(const QString& previous) {
    m_changeTone.reset();
    m_change->setText(tr("No comparison"));
    m_change->setStyleSheet(QStringLiteral("color: %1;").arg(themeColours().mutedText.name()));
    m_previous->setText(previous);
}

void KpiCard::setBand(Tone tone, const QString& text, const QString& toolTip) {
    m_tone = tone;
    const ToneColours colours = coloursOf(tone);
    m_band->setVisible(!text.isEmpty());
    m_band->setText(text);
    m_band->setToolTip(toolTip);
    m_band->setStyleSheet(
        QStringLiteral("QLabel#kpiBand { color: %1; background: %2; "
                       "border-radius: 10px; padding: %3; "
                       "font-weight: 600; %4 }")
            .arg(colours.accent, colours.background,
                 m_compact ? QStringLiteral("2px 8px") : QStringLiteral("3px 10px"),
                 m_compact ? QStringLiteral("font-size: 8.5pt;") : QString()));
    const bool banded = tone != Tone::Neutral;
    setStyleSheet(QStringLiteral("QFrame#kpiCard { background: %1; border: 1px solid %2; "
                                 "border-radius: 8px; }")
                      .arg(themeColours().card.name(),
                           banded ? colours.accent : themeColours().border.name()));
    m_value->setStyleSheet(banded ? QStringLiteral("color: %1;").arg(colours.accent) : QString());
}

void KpiCard::setClickable(bool clickable) {
    m_clickable = clickable;
    setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void KpiCard::mouseReleaseEvent(QMouseEvent* event) {
    QFrame::mouseReleaseEvent(event);
    if (m_clickable && event->button() == Qt::LeftButton && rect().contains(event->pos())) {
        emit clicked();
    }
}

QString KpiCard::valueText() const {
    return m_value->text();
}
QString KpiCard::changeText() const {
    return m_change->text();
}
QString KpiCard::bandText() const {
    return m_band->isVisibleTo(this) ? m_band->text() : QString();
}

void KpiCard::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    // The tone colours come from the theme: a theme switch recolours them.
    if (event->type() == QEvent::PaletteChange && !m_restyling) {
        m_restyling = true;
        setBand(m_tone, m_band->text(), m_band->toolTip());
        m_change->setStyleSheet(QStringLiteral("color: %1;")
                                    .arg(m_changeTone ? coloursOf(*m_changeTone).accent
                                                      : themeColours().mutedText.name()));
        m_restyling = false;
    }
}

} // namespace escdesk::ui
