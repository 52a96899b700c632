#pragma once

// A small history for the suggested rules (analysis/SuggestedRules.h), laid
// out so every figure can be counted by hand: 20 resolved tickets over four
// months of 2026 (UTC), 10 in August–September (training when two months are
// held out) and 10 in October–November, plus one ticket still open and not
// escalated (no outcome yet: left out). No accounts; no descriptions.
//
//  id   month priority area     channel subject                       escalated to
//  T1   Aug   High     Billing  email   Payment declined at checkout  Tier 3
//  T2   Aug   High     Billing  phone   Payment declined again        Tier 3
//  T3   Aug   Low      Billing  email   Invoice address change        —
//  T4   Aug   Low      Reports  email   Export to CSV                 —
//  T5   Aug   High     Reports  web     Report slow                   Tier 2
//  T6   Sep   High     Billing  email   Payment declined for card     Tier 3
//  T7   Sep   Low      Reports  web     Chart colours                 —
//  T8   Sep   High     Reports  email   Dashboard question            —
//  T9   Sep   Low      Billing  phone   Payment receipt copy          —
//  T10  Sep   Low      Reports  web     Filter settings               —
//  H1   Oct   High     Billing  email   Payment declined on renewal   Tier 3
//  H2   Oct   High     Billing  web     Payment failed                Tier 3
//  H3   Oct   High     Reports  email   Report timeout                —
//  H4   Oct   Low      Billing  phone   Payment declined twice        Tier 2
//  H5   Oct   Low      Reports  web     Font size                     —
//  H6   Nov   High     Reports  phone   Slow dashboard                Tier 2
//  H7   Nov   Low      Billing  email   Update payment method         —
//  H8   Nov   High     Billing  email   Refund request                —
//  H9   Nov   Low      Reports  email   Add user                      —
//  H10  Nov   Medium   Reports  web     Theme question                —
//  H11  Nov   High     Billing  email   Payment declined today        (open)

#include "domain/Ticket.h"
#include "domain/TicketEvent.h"
#include "store/DataWriter.h"
#include "store/Database.h"

#include <QDateTime>
#include <QTimeZone>

namespace escdesk::testsupport {

inline void writeSuggestionHistory(store::Database& db) {
    struct Row {
        const char* id;
        int month;
        int day;
        const char* priority;
        const char* area;
        const char* channel;
        const char* subject;
        int escalatedTo; // 0: not escalated
        bool open;
    };
    const Row rows[] = {
        {"T1", 8, 3, "High", "Billing", "email", "Payment declined at checkout", 3, false},
        {"T2", 8, 6, "High", "Billing", "phone", "Payment declined again", 3, false},
        {"T3", 8, 10, "Low", "Billing", "email", "Invoice address change", 0, false},
        {"T4", 8, 14, "Low", "Reports", "email", "Export to CSV", 0, false},
        {"T5", 8, 20, "High", "Reports", "web", "Report slow", 2, false},
        {"T6", 9, 3, "High", "Billing", "email", "Payment declined for card", 3, false},
        {"T7", 9, 8, "Low", "Reports", "web", "Chart colours", 0, false},
        {"T8", 9, 12, "High", "Reports", "email", "Dashboard question", 0, false},
        {"T9", 9, 16, "Low", "Billing", "phone", "Payment receipt copy", 0, false},
        {"T10", 9, 22, "Low", "Reports", "web", "Filter settings", 0, false},
        {"H1", 10, 5, "High", "Billing", "email", "Payment declined on renewal", 3, false},
        {"H2", 10, 9, "High", "Billing", "web", "Payment failed", 3, false},
        {"H3", 10, 13, "High", "Reports", "email", "Report timeout", 0, false},
        {"H4", 10, 17, "Low", "Billing", "phone", "Payment declined twice", 2, false},
        {"H5", 10, 21, "Low", "Reports", "web", "Font size", 0, false},
        {"H6", 11, 4, "High", "Reports", "phone", "Slow dashboard", 2, false},
        {"H7", 11, 8, "Low", "Billing", "email", "Update payment method", 0, false},
        {"H8", 11, 12, "High", "Billing", "email", "Refund request", 0, false},
        {"H9", 11, 16, "Low", "Reports", "email", "Add user", 0, false},
        {"H10", 11, 20, "Medium", "Reports", "web", "Theme question", 0, false},
        {"H11", 11, 24, "High", "Billing", "email", "Payment declined today", 0, true},
    };
    store::Transaction transaction(db);
    store::DataWriter writer(db);
    for (const Row& row : rows) {
        Ticket ticket;
        ticket.ticketId = QString::fromLatin1(row.id);
        ticket.createdAt =
            QDateTime(QDate(2026, row.month, row.day), QTime(10, 0), QTimeZone::utc())
                .toSecsSinceEpoch();
        if (!row.open) {
            ticket.resolvedAt = ticket.createdAt + 2 * 24 * 3600;
            ticket.status = QStringLiteral("Solved");
        } else {
            ticket.status = QStringLiteral("Open");
        }
        ticket.priority = QString::fromLatin1(row.priority);
        ticket.productArea = QString::fromLatin1(row.area);
        ticket.channel = QString::fromLatin1(row.channel);
        ticket.subject = QString::fromUtf8(row.subject);
        ticket.tier = row.escalatedTo > 0 ? row.escalatedTo : 1;
        const std::int64_t stored = writer.insertTicket(ticket);
        if (row.escalatedTo > 0) {
            TicketEvent event;
            event.ticketId = ticket.ticketId;
            event.occurredAt = ticket.createdAt + 3600;
            event.kind = EventKind::Escalated;
            event.fromTier = 1;
            event.toTier = row.escalatedTo;
            writer.insertEvent(stored, event);
        }
    }
    transaction.commit();
}

} // namespace escdesk::testsupport
