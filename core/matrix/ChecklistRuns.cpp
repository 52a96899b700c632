#include "matrix/ChecklistRuns.h"

#include "store/TicketReader.h"

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
    ChecklistTickWriter(db).write(ticketRow, checklist, *item, done, by, at, note);
}

ChecklistTickWriter::ChecklistTickWriter(store::Database& db)
    : m_upsert(db.prepare(
          "INSERT INTO checklist_runs(ticket, from_tier, to_tier, item_id, item_text, "
          "required, done, done_by, done_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT(ticket, from_tier, to_tier, item_id) DO UPDATE SET "
          "item_text = excluded.item_text, required = excluded.required, "
          "done = excluded.done, done_by = excluded.done_by, done_at = excluded.done_at, "
          "note = excluded.note")) {}

void ChecklistTickWriter::write(std::int64_t ticketRow, const Checklist& checklist,
                                const ChecklistItem& item, bool done, const QString& by,
                                std::optional<UtcSeconds> at, const QString& note) {
    m_upsert
        .bindAll(ticketRow, checklist.fromTier, checklist.toTier, item.id, item.text,
                 int(item.required), int(done), by, at, note)
        .run();
}

std::optional<Checklist> checklistOfTicket(store::Database& db, const Matrix& matrix,
                                           std::int64_t ticketRow) {
    auto transition = latestTransition(store::eventsOfTicket(db, ticketRow));
    if (!transition) {
        store::Statement ticket =
            db.prepare("SELECT tier FROM tickets WHERE id = ? AND escalated = 1 AND tier >= 2");
        ticket.bindAll(ticketRow);
        if (ticket.step()) {
            const int tier = static_cast<int>(ticket.int64(0));
            transition = std::pair{tier - 1, tier};
        }
    }
    if (!transition) {
        return std::nullopt;
    }
    if (const Checklist* checklist = matrix.checklistFor(transition->first, transition->second)) {
        return *checklist;
    }
    return std::nullopt;
}

const ChecklistItem* findChecklistItem(const Checklist& checklist, const QString& label) {
    const QString wanted = label.trimmed();
    for (const ChecklistItem& item : checklist.items) {
        if (item.id.compare(wanted, Qt::CaseInsensitive) == 0 ||
            item.text.trimmed().compare(wanted, Qt::CaseInsensitive) == 0) {
            return &item;
        }
    }
    return nullptr;
}

std::vector<ChecklistTick> checklistTicks(store::Database& db,
                                          std::optional<std::int64_t> ticketRow) {
    store::Statement query = db.prepare(
        "SELECT r.ticket, t.ticket_id, r.from_tier, r.to_tier, r.item_id, r.item_text, "
        "r.required, r.done, r.done_by, r.done_at, r.note, r.batch FROM checklist_runs r "
        "JOIN tickets t ON t.id = r.ticket WHERE ?1 IS NULL OR r.ticket = ?1 "
        "ORDER BY t.ticket_id, r.from_tier, r.to_tier, r.item_id");
    query.bindAll(ticketRow);
    std::vector<ChecklistTick> ticks;
    while (query.step()) {
        ChecklistTick tick;
        tick.ticketRow = query.int64(0);
        tick.ticketId = query.text(1);
        tick.fromTier = static_cast<int>(query.int64(2));
        tick.toTier = static_cast<int>(query.int64(3));
        tick.itemId = query.text(4);
        tick.itemText = query.text(5);
        tick.required = query.int64(6) != 0;
        tick.done = query.int64(7) != 0;
        tick.doneBy = query.text(8);
        tick.doneAt = query.optionalInt64(9);
        tick.note = query.text(10);
        tick.batch = query.optionalInt64(11);
        ticks.push_back(tick);
    }
    return ticks;
}

} // namespace escdesk::matrix
