#include "import/ReviewLayouts.h"

namespace escdesk::import {

const Layout& reviewLayoutOf(ImportKind kind) {
    using T = FieldType;
    static const Layout decisions{"review_decisions",
                                  {
                                      {"id", "source_id", T::Text, true},
                                      {"decided_on", "decided_on", T::Date, true},
                                      {"decision_type", "decision_type", T::Text, true},
                                      {"owner", "owner", T::Text, true},
                                      {"note", "note", T::Text, false},
                                      {"ticket_id", "ticket_id", T::Text, false},
                                      {"root_cause", "root_cause", T::Text, false},
                                      {"action_id", "action", T::Text, false},
                                      {"created_at", "created_at", T::Timestamp, false},
                                  },
                                  1,
                                  true};
    static const Layout actions{"review_actions",
                                {
                                    {"id", "source_id", T::Text, true},
                                    {"title", "title", T::Text, true},
                                    {"owner", "owner", T::Text, true},
                                    {"deadline", "deadline", T::Date, true},
                                    {"status", "status", T::Text, false},
                                    {"root_cause", "subject", T::Text, false},
                                    {"cluster", "subject", T::Text, false},
                                    {"created_at", "created_at", T::Timestamp, false},
                                    {"closed_at", "closed_at", T::Timestamp, false},
                                    {"note", "note", T::Text, false},
                                },
                                1,
                                true};
    static const Layout checklistRuns{"checklist_runs",
                                      {
                                          {"ticket_id", "ticket", T::Text, true},
                                          {"item", "item_id", T::Text, false},
                                          {"done", "done", T::Boolean, false},
                                          {"done_by", "done_by", T::Text, false},
                                          {"done_at", "done_at", T::Timestamp, false},
                                          {"from_tier", "from_tier", T::Tier, false},
                                          {"to_tier", "to_tier", T::Tier, false},
                                          {"note", "note", T::Text, false},
                                          {"items", "item_id", T::Text, false},
                                      },
                                      2,
                                      true};
    switch (kind) {
    case ImportKind::Decisions:
        return decisions;
    case ImportKind::Actions:
        return actions;
    default:
        return checklistRuns;
    }
}

} // namespace escdesk::import
