#include "matrix/ChecklistRuns.h"

#include <algorithm>

namespace escdesk::matrix {

bool ChecklistRun::ready() const {
    return std::all_of(items.begin(), items.end(),
                       [](const ChecklistRunItem& item) { return !item.required || item.done; });
}

QStringList ChecklistRun::missingRequired() const {
    QStringList missing;
    for (const ChecklistRunItem& item : items) {
        if (item.required && !item.done) {
            missing.append(item.text);
        }
    }
    return missing;
}

std::optional<std::pair<int, int>> latestTransition(const std::vector<TicketEvent>& events) {
    std::optional<std::pair<int, int>> transition;
    UtcSeconds latest = 0;
    for (const TicketEvent& event : events) {
        if (event.kind != EventKind::Escalated || !event.toTier ||
            (transition && event.occurredAt < latest)) {
            continue;
        }
        latest = event.occurredAt;
        transition = std::pair{event.fromTier.value_or(*event.toTier - 1), *event.toTier};
    }
    return transition;
}

ChecklistRun checklistRunOf(store::Database& db, std::int64_t ticketRow,
                            const Checklist& checklist) {
    ChecklistRun run;
    run.fromTier = checklist.fromTier;
    run.toTier = checklist.toTier;
    store::Statement query =
        db.prepare("SELECT done, done_by, done_at, note FROM checklist_runs "
                   "WHERE ticket = ? AND from_tier = ? AND to_tier = ? AND item_id = ?");
    for (const ChecklistItem& item : checklist.items) {
        ChecklistRunItem entry;
        entry.itemId = item.id;
        entry.text = item.text;
        entry.required = item.required;
        query.reset();
        query.bindAll(ticketRow, checklist.fromTier, checklist.toTier, item.id);
        if (query.step()) {
            entry.done = query.int64(0) != 0;
            entry.doneBy = query.text(1);
            entry.doneAt = query.optionalInt64(2);
            entry.note = query.text(3);
        }
        run.items.push_back(entry);
    }
    return run;
}

void setChecklistItem(store::Database& db, std::int64_t ticketRow, const Checklist& checklist,
                      const QString& itemId, bool done, const QString& by, UtcSeconds at,
                      const QString& note) {
    const auto item =
        std::find_if(checklist.items.begin(), checklist.items.end(),
                     [&](const ChecklistItem& candidate) { return candidate.id == itemId; });
    if (item == checklist.items.end()) {
        throw store::StoreError(
            QStringLiteral("The %1 checklist has no item \"%2\".").arg(checklist.name(), itemId));
    }
    db.prepare("INSERT INTO checklist_runs(ticket, from_tier, to_tier, item_id, item_text, "
               "required, done, done_by, done_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT(ticket, from_tier, to_tier, item_id) DO UPDATE SET "
               "item_text = excluded.item_text, required = excluded.required, "
               "done = excluded.done, done_by = excluded.done_by, done_at = excluded.done_at, "
               "note = excluded.note")
        .bindAll(ticketRow, checklist.fromTier, checklist.toTier, itemId, item->text,
                 int(item->required), int(done), by, at, note)
        .run();
}

} // namespace escdesk::matrix
