#pragma once

// The words every surface uses for escalation counts, each defined once
// (SPEC §7). An escalation is an event and an escalated ticket is a ticket,
// and over one period the two counts differ: a ticket escalated twice is two
// escalations; a ticket created before the period and escalated in it adds
// an escalation but no escalated ticket; a ticket created in the period and
// escalated after it adds an escalated ticket but no escalation. The GUI
// shows the definitions on hover, the reports in a glossary, the CLI in its
// help. The texts are marked for translation in the "Vocabulary" context.

#include <QtGlobal>

#include <QString>

#include <vector>

namespace escdesk::metrics {

struct Term {
    const char* name;       // e.g. "Escalations"
    const char* definition; // one sentence
};

inline constexpr Term escalationsTerm{
    QT_TRANSLATE_NOOP("Vocabulary", "Escalations"),
    QT_TRANSLATE_NOOP("Vocabulary",
                      "Escalations are the “escalated” events in the period: a ticket escalated "
                      "twice counts twice, whenever it was created.")};

inline constexpr Term escalatedTicketsTerm{
    QT_TRANSLATE_NOOP("Vocabulary", "Escalated tickets"),
    QT_TRANSLATE_NOOP("Vocabulary",
                      "Escalated tickets are the tickets created in the period that were "
                      "escalated at least once (an “escalated” event, or without an event log "
                      "the escalated flag).")};

inline constexpr Term escalationRateTerm{
    QT_TRANSLATE_NOOP("Vocabulary", "Escalation rate"),
    QT_TRANSLATE_NOOP("Vocabulary",
                      "The escalation rate is escalated tickets divided by the tickets created "
                      "in the period.")};

// The terms in the order a glossary lists them.
inline const std::vector<Term>& glossaryTerms() {
    static const std::vector<Term> terms{escalatedTicketsTerm, escalationsTerm, escalationRateTerm};
    return terms;
}

// What a SPEC §7 metric counts over, when it is one of the two: the
// escalations (E(W)) or the escalated tickets created in the period. Null
// for a metric over all tickets or others.
const Term* populationOf(const QString& metricKey);

} // namespace escdesk::metrics
