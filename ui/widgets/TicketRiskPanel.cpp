#include "widgets/TicketRiskPanel.h"

#include "ShownText.h"
#include "models/DisplayText.h"
#include "risk/RiskModelStore.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace escdesk::ui {

namespace {

QString bandColour(risk::RiskBand band) {
    switch (band) {
    case risk::RiskBand::Flag:
        return QStringLiteral("#c53030");
    case risk::RiskBand::Review:
        return QStringLiteral("#b7791f");
    case risk::RiskBand::Low:
        break;
    }
    return QStringLiteral("#2f855a");
}

QString sentimentWord(double score) {
    if (score < 35) {
        return TicketRiskPanel::tr("negative");
    }
    if (score < 45) {
        return TicketRiskPanel::tr("somewhat negative");
    }
    if (score <= 55) {
        return TicketRiskPanel::tr("neutral");
    }
    return score <= 65 ? TicketRiskPanel::tr("somewhat positive") : TicketRiskPanel::tr("positive");
}

// A driving word as a coloured chip: red for negative, green for positive.
QString chip(const risk::SentimentDriver& d) {
    const bool negative = d.valence < 0;
    const QString background = negative ? QStringLiteral("#fde8e8") : QStringLiteral("#e6f4ea");
    const QString colour = negative ? QStringLiteral("#9b2c2c") : QStringLiteral("#276749");
    QString label = shown::html(d.words);
    if (d.source == risk::SentimentDriver::Source::EscalationKeyword) {
        label = QStringLiteral("<b>%1</b>").arg(label);
    }
    return QStringLiteral("<span style='background-color:%1; color:%2'>&nbsp;%3 %4&nbsp;</span>")
        .arg(background, colour, label,
             (d.valence > 0 ? QStringLiteral("+") : QStringLiteral("−")) +
                 QString::number(std::abs(d.valence), 'g', 3));
}

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("sectionTitle"));
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

QTreeWidget* compactTree(const QStringList& headers, QWidget* parent) {
    auto* tree = new QTreeWidget(parent);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->setHeaderLabels(headers);
    tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tree->header()->setStretchLastSection(true);
    return tree;
}

// Sizes a tree to its rows so the scroll area, not the tree, scrolls.
void fitHeight(QTreeWidget* tree) {
    int height = tree->header()->sizeHint().height() + 2 * tree->frameWidth() + 2;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        height += tree->sizeHintForRow(0);
    }
    tree->setFixedHeight(height);
}

} // namespace

TicketRiskPanel::TicketRiskPanel(QWidget* parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_band(new QLabel(this))
    , m_contributions(compactTree({tr("Feature"), tr("Value"), tr("Effect")}, this))
    , m_sentiment(new QLabel(this))
    , m_drivers(new QLabel(this))
    , m_knownIssue(new QLabel(this))
    , m_similar(compactTree({tr("Ticket"), tr("Match"), tr("Resolution"), tr("Notes")}, this))
    , m_noSimilar(new QLabel(tr("No resolved escalation reads like this ticket."), this)) {
    setAccessibleName(tr("Early warning"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 8, 8, 8);
    layout->setSpacing(6);

    m_headline->setTextFormat(Qt::RichText);
    m_headline->setAccessibleName(tr("Escalation risk"));
    m_band->setObjectName(QStringLiteral("footnote"));
    m_band->setWordWrap(true);
    layout->addWidget(m_headline);
    layout->addWidget(m_band);
    m_contributions->setAccessibleName(tr("Features behind the risk"));
    m_contributions->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_contributions->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_contributions->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_contributions->header()->setStretchLastSection(false);
    layout->addWidget(m_contributions);

    layout->addSpacing(6);
    layout->addWidget(heading(tr("Sentiment"), content));
    m_sentiment->setTextFormat(Qt::RichText);
    m_sentiment->setAccessibleName(tr("Sentiment"));
    m_drivers->setTextFormat(Qt::RichText);
    m_drivers->setWordWrap(true);
    m_drivers->setAccessibleName(tr("Words that drove the sentiment"));
    layout->addWidget(m_sentiment);
    layout->addWidget(m_drivers);

    layout->addSpacing(6);
    layout->addWidget(heading(tr("Before escalating to Tier 3"), content));
    m_knownIssue->setTextFormat(Qt::RichText);
    m_knownIssue->setWordWrap(true);
    m_knownIssue->setAccessibleName(tr("Matching known issue"));
    m_knownIssue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_knownIssue);
    auto* similarTitle =
        new QLabel(tr("Similar resolved escalations — how they were solved"), content);
    similarTitle->setObjectName(QStringLiteral("footnote"));
    layout->addSpacing(4);
    layout->addWidget(similarTitle);
    m_similar->setAccessibleName(tr("Similar resolved escalations"));
    m_similar->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_similar->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_similar->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(m_similar);
    m_noSimilar->setObjectName(QStringLiteral("footnote"));
    layout->addWidget(m_noSimilar);
    layout->addStretch();
    showResult({});
}

TicketRiskPanel::~TicketRiskPanel() {
    m_job.finish();
}

void TicketRiskPanel::showTicket(store::Workspace* workspace, const QString& ticketId) {
    if (!workspace || ticketId.isEmpty()) {
        m_job.cancel();
        showResult({});
        return;
    }
    m_headline->setText(tr("Assessing %1…").arg(shown::html(ticketId)));
    m_job.run<TicketRiskResult>(
        this, workspace->path(),
        [ticketId](store::Workspace& readOnly) {
            TicketRiskResult result;
            risk::keepRiskModel(readOnly.db());
            result.risk = risk::assessTicketRisk(readOnly.db(), ticketId, false);
            return result;
        },
        [this](TicketRiskResult result) { showResult(std::move(result)); });
}

void TicketRiskPanel::showResult(TicketRiskResult result) {
    m_contributions->clear();
    m_similar->clear();
    if (!result.risk) {
        m_headline->setText(result.error.isEmpty()
                                ? QString()
                                : QStringLiteral("<span style='color:#c53030'>%1</span>")
                                      .arg(shown::html(result.error)));
        m_band->clear();
        m_sentiment->clear();
        m_drivers->clear();
        m_knownIssue->clear();
        m_contributions->hide();
        m_similar->hide();
        m_noSimilar->hide();
        emit scoreShown(-1);
        return;
    }
    const risk::TicketRisk& r = *result.risk;
    const QString colour = bandColour(r.score.band);
    m_headline->setText(tr("<span style='font-size:20px; font-weight:600; color:%1'>%2%</span>"
                           "&nbsp;&nbsp;<span style='color:%1; font-weight:600'>%3</span>")
                            .arg(colour)
                            .arg(r.score.score)
                            .arg(r.score.band == risk::RiskBand::Flag ? tr("High escalation risk")
                                 : r.score.band == risk::RiskBand::Review
                                     ? tr("Uncertain — human review")
                                     : tr("Low escalation risk")));
    m_band->setText(tr("Chance of escalation from a model trained on this workspace's %1 "
                       "tickets. Flagged from %2; %3–%2 goes to human review. Effect: each "
                       "feature's push on the log-odds.")
                        .arg(display::count(r.model.trainedTickets()),
                             display::percent(r.model.flagFrom(), 0),
                             display::percent(r.model.reviewFrom(), 0)));
    for (const risk::FeatureContribution& c : r.score.contributions) {
        auto* item = new QTreeWidgetItem(m_contributions);
        item->setText(0, shown::text(c.feature));
        item->setText(1, shown::text(c.value));
        item->setText(2, (c.contribution >= 0 ? QStringLiteral("+") : QStringLiteral("−")) +
                             QString::number(std::abs(c.contribution), 'f', 2));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setForeground(2, c.contribution >= 0 ? QColor(0xc5, 0x30, 0x30)
                                                   : QColor(0x2f, 0x85, 0x5a));
        item->setToolTip(0, tr("Coefficient × standardised value, in log-odds"));
    }
    m_contributions->show();
    fitHeight(m_contributions);
    const bool scored = r.model.cannotTrain().isEmpty() && r.withheld.isEmpty();
    if (!scored) {
        // No score rather than 0%: the model has nothing to learn from, or
        // its held-out evaluation says its scores are not to be trusted.
        m_headline->setText(tr("<span style='font-size:16px; font-weight:600'>Escalation risk "
                               "not available</span>"));
        m_band->setText(r.model.cannotTrain().isEmpty()
                            ? tr("Not shown: %1.").arg(shown::html(r.withheld))
                            : tr("The risk model cannot be trained: %1.")
                                  .arg(shown::html(r.model.cannotTrain())));
        m_contributions->clear();
        m_contributions->hide();
    }

    m_sentiment->setText(
        tr("<b>%1</b> / 100 — %2 · %3 escalation keyword(s)")
            .arg(QString::number(r.sentiment.score, 'f', 0), sentimentWord(r.sentiment.score))
            .arg(r.sentiment.keywordHits));
    QStringList chips;
    for (const risk::SentimentDriver& d : r.sentiment.drivers) {
        if (chips.size() < 10) {
            chips.append(chip(d));
        }
    }
    m_drivers->setText(chips.isEmpty() ? tr("No rated words in the subject, description or notes.")
                                       : chips.join(QStringLiteral(" ")));

    QStringList checks;
    const auto& v = r.verification;
    if (v.knownIssue) {
        checks.append(tr("<b>Known issue %1</b> %2 (%3)<br>Workaround: %4")
                          .arg(shown::html(v.knownIssue->issueId), shown::html(v.knownIssue->title),
                               shown::html(v.knownIssue->status),
                               v.knownIssue->workaround.isEmpty()
                                   ? tr("none recorded")
                                   : shown::html(v.knownIssue->workaround)));
    } else {
        checks.append(tr("No known issue matches this ticket."));
    }
    if (v.checklist) {
        checks.append(v.checklist->ready()
                          ? tr("<span style='color:#2f855a'>✔ Tier 2 → 3 checklist complete</span>")
                          : tr("<span style='color:#c53030'>✖ Tier 2 → 3 checklist: %1 "
                               "required item(s) open</span>")
                                .arg(v.checklist->missingRequired().size()));
    }
    m_knownIssue->setText(checks.join(QStringLiteral("<br>")));
    for (const risk::SimilarCase& s : v.similarCases) {
        auto* item = new QTreeWidgetItem(m_similar);
        item->setText(0, shown::text(s.ticketId));
        item->setText(1, display::percent(s.similarity, 0));
        item->setText(2, s.resolutionType.isEmpty() ? QStringLiteral("—")
                                                    : shown::text(s.resolutionType));
        item->setText(3, shown::text(s.resolutionNotes));
        item->setToolTip(0, shown::toolTip(s.subject));
        item->setToolTip(3, shown::toolTip(s.resolutionNotes));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_similar->setVisible(!v.similarCases.empty());
    m_noSimilar->setVisible(v.similarCases.empty());
    fitHeight(m_similar);
    emit scoreShown(scored ? r.score.score : -1);
}

} // namespace escdesk::ui
