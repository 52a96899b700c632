#include "widgets/EngineeringCard.h"

#include "analysis/EngineeringLedger.h"
#include "matrix/MatrixStore.h"
#include "models/DisplayText.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>

#include <cmath>

namespace escdesk::ui {

namespace {

struct LedgerPair {
    analysis::EngineeringLedger current;
    analysis::EngineeringLedger previous;
    QString error;
};

} // namespace

EngineeringCard::EngineeringCard(QWidget* parent)
    : KpiCard(tr("Engineering time"), parent)
    , m_annualised(new QLabel(parent)) {
    setCompact(true);
    m_annualised->setObjectName(QStringLiteral("footnote"));
    m_annualised->setWordWrap(true);
    m_annualised->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setToolTip(tr("Engineer hours taken by escalations that reached the engineering tier "
                  "(interruption + context-switch recovery each, from the matrix's cost "
                  "settings)."));
}

EngineeringCard::~EngineeringCard() {
    m_job.finish();
}

void EngineeringCard::showWaiting() {
    m_job.cancel();
    m_annualised->clear();
    setValue(QStringLiteral("…"));
    clearChange(QString());
    setBand(Tone::Neutral, QString());
}

void EngineeringCard::showPeriod(store::Workspace* workspace, const metrics::DateRange& current,
                                 const metrics::DateRange& previous) {
    if (!workspace || !current.isValid()) {
        m_job.cancel();
        m_annualised->clear();
        setValue(QStringLiteral("—"));
        clearChange(QString());
        setBand(Tone::Neutral, QString());
        return;
    }
    const QTimeZone zone = workspace->reportingTimeZone();
    const Window now = metrics::windowOf(current, zone);
    const Window before = metrics::windowOf(previous, zone);
    const qint64 nowDays = current.days();
    const qint64 beforeDays = previous.days();
    setValue(QStringLiteral("…"));
    m_job.run<LedgerPair>(
        this, workspace->path(),
        [now, before, nowDays, beforeDays](store::Workspace& w) {
            const matrix::Matrix matrix = matrix::loadMatrix(w.db());
            const UtcSeconds asOf = QDateTime::currentSecsSinceEpoch();
            LedgerPair pair;
            pair.current = analysis::engineeringLedger(w.db(), now, nowDays, matrix, asOf);
            if (beforeDays > 0) {
                pair.previous =
                    analysis::engineeringLedger(w.db(), before, beforeDays, matrix, asOf);
            }
            return pair;
        },
        [this](LedgerPair pair) {
            m_annualised->clear();
            if (!pair.error.isEmpty()) {
                setValue(QStringLiteral("—"));
                clearChange(QString());
                setBand(Tone::Neutral, tr("Not available"), pair.error);
                return;
            }
            const analysis::EngineeringLedger& l = pair.current;
            if (!l.engineeringLevel) {
                setValue(QStringLiteral("—"));
                clearChange(QString());
                setBand(Tone::Watch, tr("No engineering tier"), analysis::ledgerSentence(l));
                return;
            }
            setValue(display::hours(l.engineerHours));
            const double difference = l.engineerHours - pair.previous.engineerHours;
            const double shown = std::round(difference * 10.0) / 10.0;
            setChange(shown,
                      (shown > 0   ? QStringLiteral("+")
                       : shown < 0 ? QStringLiteral("−")
                                   : QString()) +
                          display::hours(std::abs(shown)),
                      tr("Previous: %1").arg(display::hours(pair.previous.engineerHours)),
                      Trend::UpIsBad);
            const QString share =
                l.avoidableShare ? display::percent(l.avoidableShare) : QStringLiteral("—");
            // Not a benchmark: the share is told, not judged.
            setBand(Tone::Neutral, tr("%1 avoidable").arg(share));
            m_annualised->setText(
                tr("A year at this rate: %1 engineer hours, %2 %3; %4 h "
                   "avoidable.")
                    .arg(QLocale().toString(l.annualisedEngineerHours, 'f', 0),
                         QLocale().toString(l.annualisedCost, 'f', 0), l.currency,
                         QLocale().toString(l.avoidableAnnualisedEngineerHours, 'f', 0)));
            setToolTip(analysis::ledgerSentence(l) + QLatin1Char('\n') +
                       analysis::annualisedSentence(l) + QLatin1Char('\n') +
                       tr("Avoidable: an avoidable root cause in the taxonomy, a known issue with "
                          "a workaround, or bounced back."));
        });
}

} // namespace escdesk::ui
