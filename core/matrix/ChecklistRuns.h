#pragma once

// Checklist runs: for an escalated ticket, the pre-escalation checklist of its
// transition (Tier 1 → 2, Tier 2 → 3) with the items ticked so far, who
// ticked them and when. Stored per ticket and item in checklist_runs so that
// analyses can relate checklist completion to bouncebacks.

#include "domain/Instant.h"
#include "domain/TicketEvent.h"
#include "matrix/Matrix.h"
#include "store/Database.h"

#include <optional>
#include <vector>

namespace escdesk::matrix {

struct ChecklistRunItem {
    QString itemId;
    QString text;
    bool required = true;
    bool done = false;
    QString doneBy;
    std::optional<UtcSeconds> doneAt;
    QString note;
};

struct ChecklistRun {
    int fromTier = 1;
    int toTier = 2;
    std::vector<ChecklistRunItem> items;

    // Every required item done. A ticket going to Tier 3 that is not ready is
    // "not ready for engineering".
    bool ready() const;
    QStringList missingRequired() const;
};

// The transition of the ticket's latest escalation, from its tiers (from_tier
// defaults to to_tier − 1).
std::optional<std::pair<int, int>> latestTransition(const std::vector<TicketEvent>& events);

// The checklist as it stands for the ticket: the matrix's items, in order,
// with what has been ticked. Ticks of items no longer in the checklist are
// left out.
ChecklistRun checklistRunOf(store::Database& db, std::int64_t ticketRow,
                            const Checklist& checklist);

// Writes ticks with one prepared statement, for many tickets at once (the
// demo's history); a tick of an item already recorded replaces it.
class ChecklistTickWriter {
public:
    explicit ChecklistTickWriter(store::Database& db);
    void write(std::int64_t ticketRow, const Checklist& checklist, const ChecklistItem& item,
               bool done, const QString& by, std::optional<UtcSeconds> at,
               const QString& note = {});

private:
    store::Statement m_upsert;
};

// Ticks (or unticks) one item for the ticket, recording who and when.
// Throws store::StoreError for an item the checklist does not have.
void setChecklistItem(store::Database& db, std::int64_t ticketRow, const Checklist& checklist,
                      const QString& itemId, bool done, const QString& by, UtcSeconds at,
                      const QString& note = {});

// The checklist of the ticket's latest escalation in `matrix`: the
// transition of its latest `escalated` event (latestTransition()); without
// an event log, the ticket's own escalation (escalated to tier N: N − 1 → N).
// Nullopt when the ticket has not escalated or the matrix has no checklist
// for that transition.
std::optional<Checklist> checklistOfTicket(store::Database& db, const Matrix& matrix,
                                           std::int64_t ticketRow);

// The item of `checklist` whose id or text is `label` (ignoring case and
// surrounding blanks), or null.
const ChecklistItem* findChecklistItem(const Checklist& checklist, const QString& label);

// One stored tick (a row of checklist_runs), with its ticket's helpdesk id.
struct ChecklistTick {
    std::int64_t ticketRow = 0;
    QString ticketId;
    int fromTier = 1;
    int toTier = 2;
    QString itemId;
    QString itemText;
    bool required = true;
    bool done = false;
    QString doneBy;
    std::optional<UtcSeconds> doneAt;
    QString note;
    std::optional<std::int64_t> batch; // the import that wrote it; none: ticked here
};

// Every stored tick, or those of one ticket, by ticket id, transition and
// item id.
std::vector<ChecklistTick> checklistTicks(store::Database& db,
                                          std::optional<std::int64_t> ticketRow = std::nullopt);

} // namespace escdesk::matrix
