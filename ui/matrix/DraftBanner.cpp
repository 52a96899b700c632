#include "matrix/DraftBanner.h"

#include "Appearance.h"
#include "EditPermission.h"
#include "ShownText.h"
#include "matrix/MatrixChangeLog.h"
#include "matrix/MatrixDiff.h"
#include "matrix/MatrixDocument.h"
#include "models/DisplayText.h"
#include "store/Workspace.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace escdesk::ui {

namespace {

// The published matrix a draft started from, by the change-log entry that
// was newest then.
QString baseText(store::Workspace& workspace, const QString& baseHash) {
    if (baseHash == matrix::genesisHash) {
        return DraftBanner::tr("the default matrix (no change recorded before it)");
    }
    try {
        for (const matrix::MatrixChange& change : matrix::readMatrixChanges(workspace.db())) {
            if (change.hash == baseHash) {
                return DraftBanner::tr("the published matrix of %1 (change %2, by %3)")
                    .arg(display::dateTime(change.changedAt, workspace.reportingTimeZone()))
                    .arg(change.id)
                    .arg(shown::html(change.author));
            }
        }
    } catch (const store::StoreError&) {
        // Said as unknown below: the banner is no place for a store error.
    }
    return DraftBanner::tr("an earlier published matrix");
}

QString differencesText(std::size_t count) {
    if (count == 0) {
        return DraftBanner::tr("No differences from the published matrix yet.");
    }
    return count == 1 ? DraftBanner::tr("<b>1 difference</b> from the published matrix.")
                      : DraftBanner::tr("<b>%1 differences</b> from the published matrix.")
                            .arg(display::count(std::int64_t(count)));
}

} // namespace

DraftBanner::DraftBanner(MatrixDocument* document, QWidget* parent)
    : QFrame(parent)
    , m_document(document)
    , m_label(new QLabel(this))
    , m_compare(new QPushButton(tr("&Compare"), this))
    , m_replay(new QPushButton(tr("Rep&lay…"), this))
    , m_publish(new QPushButton(tr("Pu&blish…"), this))
    , m_discard(new QPushButton(tr("&Discard…"), this)) {
    setObjectName(QStringLiteral("draftBanner"));
    setAccessibleName(tr("Draft"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(8);
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    layout->addWidget(m_label, 1);
    m_compare->setToolTip(tr("Show every difference between the published matrix and the draft"));
    m_replay->setToolTip(tr("Run a past period's tickets through the published matrix and the "
                            "draft, side by side"));
    m_publish->setToolTip(
        tr("Make the draft the team's matrix: one entry in the history, then the draft is gone"));
    m_discard->setToolTip(tr("Delete the draft; the published matrix stays as it is"));
    for (QPushButton* button : {m_compare, m_replay, m_publish, m_discard}) {
        layout->addWidget(button, 0, Qt::AlignVCenter);
    }
    connect(m_compare, &QPushButton::clicked, this, &DraftBanner::compareRequested);
    connect(m_replay, &QPushButton::clicked, this, &DraftBanner::replayRequested);
    connect(m_publish, &QPushButton::clicked, this, &DraftBanner::publishRequested);
    connect(m_discard, &QPushButton::clicked, this, &DraftBanner::discardRequested);
    hide();
}

void DraftBanner::reloadDraft() {
    const auto& draft = m_document->draft();
    store::Workspace* workspace = m_document->workspace();
    setVisible(draft && workspace);
    m_base = draft && workspace ? baseText(*workspace, draft->baseHash) : QString();
    refresh();
}

void DraftBanner::refresh() {
    const auto& draft = m_document->draft();
    store::Workspace* workspace = m_document->workspace();
    if (!draft || !workspace) {
        m_label->clear();
        return;
    }
    const QTimeZone zone = workspace->reportingTimeZone();
    const std::size_t differences =
        matrix::diffMatrices(m_document->publishedMatrix(), m_document->matrix()).size();
    QString text = tr("<b>You are editing a draft.</b> The published matrix — the team's policy "
                      "— stays as it is until you publish the draft.");
    text += QStringLiteral("<br>");
    text +=
        tr("Based on %1. Started by %2 on %3")
            .arg(m_base, shown::html(draft->startedBy), display::dateTime(draft->startedAt, zone));
    if (draft->savedAt != draft->startedAt || draft->savedBy != draft->startedBy) {
        text += tr("; last saved by %1 on %2")
                    .arg(shown::html(draft->savedBy), display::dateTime(draft->savedAt, zone));
    }
    text += QStringLiteral(". ") + differencesText(differences);
    if (m_document->draftIsStale()) {
        text += QStringLiteral("<br><span style='color:%1'>").arg(themeColours().bad.name());
        text += tr("<b>The published matrix changed since this draft was started:</b> "
                   "publishing the draft replaces those changes.");
        text += QStringLiteral("</span>");
    }
    const QString readOnly = m_document->readOnlyExplanation();
    if (!readOnly.isEmpty()) {
        text += QStringLiteral("<br><span style='color:%1'>%2</span> ")
                    .arg(themeColours().watch.name(), shown::html(readOnly));
        text += tr("The draft can be compared and replayed, not changed.");
    }
    m_label->setText(text);
    for (QPushButton* button : {m_publish, m_discard}) {
        enableEdit(button, true, readOnly);
    }
}

void DraftBanner::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        refresh(); // its warning colours follow the theme
    }
}

} // namespace escdesk::ui
