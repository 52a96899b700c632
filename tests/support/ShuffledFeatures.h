#pragma once

// Test support: a workspace whose tickets' features are shuffled among them
// (issue #20's "no better than chance" case). Each ticket keeps its outcome
// and its creation, and gets another ticket's priority, channel, account,
// product area, subject, description and attributes, so nothing known at
// creation says anything of the outcome. The permutation is fixed, so a
// suite sees the same workspace on every run.

#include "store/Database.h"

namespace escdesk::testsupport {

inline void shuffleFeatures(store::Database& db) {
    db.exec("CREATE TEMP TABLE shuffled AS SELECT row_number() OVER (ORDER BY id) AS k, "
            "priority, channel, account_id, product_area, subject, description, attributes "
            "FROM tickets");
    db.exec("CREATE TEMP TABLE target AS SELECT id, row_number() OVER (ORDER BY "
            "(id * 7919) % 10007, id) AS k FROM tickets");
    db.exec("UPDATE tickets SET (priority, channel, account_id, product_area, subject, "
            "description, attributes) = (SELECT s.priority, s.channel, s.account_id, "
            "s.product_area, s.subject, s.description, s.attributes FROM target t JOIN shuffled "
            "s ON s.k = t.k WHERE t.id = tickets.id)");
}

} // namespace escdesk::testsupport
