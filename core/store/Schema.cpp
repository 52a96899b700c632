#include "store/Schema.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace escdesk::store {

namespace {

struct Migration {
    int version;
    std::string_view sql;
};

// Version 1: the workspace data — tickets, their event log, accounts, known
// issues and settings. Instants are UTC seconds since the epoch.
constexpr std::string_view schemaV1 = R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE accounts (
    account_id   TEXT PRIMARY KEY NOT NULL,
    name         TEXT,
    tier         TEXT,
    segment      TEXT,
    region       TEXT,
    arr          REAL,
    timezone     TEXT,
    renewal_date TEXT,
    attributes   TEXT
);

CREATE TABLE tickets (
    id                INTEGER PRIMARY KEY,
    ticket_id         TEXT NOT NULL UNIQUE,
    created_at        INTEGER NOT NULL,
    first_response_at INTEGER,
    resolved_at       INTEGER,
    closed_at         INTEGER,
    status            TEXT,
    priority          TEXT,
    channel           TEXT,
    account_id        TEXT,
    product_area      TEXT,
    root_cause        TEXT,
    reason_code       TEXT,
    subject           TEXT,
    description       TEXT,
    assignee          TEXT,
    group_name        TEXT,
    tier              INTEGER,
    escalated         INTEGER,
    escalated_at      INTEGER,
    resolution_type   TEXT,
    resolution_notes  TEXT,
    handle_time_min   REAL,
    csat              REAL,
    tags              TEXT,
    attributes        TEXT
);
CREATE INDEX tickets_by_created_at ON tickets(created_at);

CREATE TABLE ticket_events (
    id            INTEGER PRIMARY KEY,
    ticket        INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    occurred_at   INTEGER NOT NULL,
    event         TEXT NOT NULL CHECK (event IN ('escalated', 'claimed', 'started', 'decision',
                      'bounced', 'info_requested', 'paused', 'resumed', 'resolved', 'reopened',
                      'reassigned')),
    from_tier     INTEGER,
    to_tier       INTEGER,
    actor         TEXT,
    decision_type TEXT,
    note          TEXT
);
-- Events are de-duplicated on (ticket, time, event, tiers); NULL tiers count as equal.
CREATE UNIQUE INDEX ticket_events_identity
    ON ticket_events(ticket, occurred_at, event, ifnull(from_tier, -1), ifnull(to_tier, -1));

CREATE TABLE known_issues (
    issue_id     TEXT PRIMARY KEY NOT NULL,
    title        TEXT NOT NULL,
    product_area TEXT,
    status       TEXT,
    keywords     TEXT,
    workaround   TEXT,
    fix_version  TEXT,
    kb_article   TEXT,
    attributes   TEXT
);
)sql";

// Version 2: import bookkeeping — every import is a batch with its figures
// and its rejected rows — and indexes for browsing large workspaces.
constexpr std::string_view schemaV2 = R"sql(
CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      TEXT,
    preset      TEXT,
    source_tz   TEXT,
    started_at  INTEGER NOT NULL,
    seconds     REAL,
    rows_read   INTEGER NOT NULL DEFAULT 0,
    inserted    INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE rejected_rows (
    id          INTEGER PRIMARY KEY,
    batch       INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    line        INTEGER,
    column_name TEXT,
    value       TEXT,
    reason      TEXT NOT NULL
);
CREATE INDEX rejected_rows_by_batch ON rejected_rows(batch);

ALTER TABLE tickets ADD COLUMN batch INTEGER REFERENCES import_batches(id);
CREATE INDEX tickets_by_account ON tickets(account_id);
CREATE INDEX ticket_events_by_kind ON ticket_events(event, occurred_at);
)sql";

// Version 3: the escalation matrix. Each section (tiers, severity rules, SLA
// policies, calendars, checklists, taxonomy, cost) is one JSON document, so
// SQL can still reach into it with json_each/json_extract; checklist runs
// record each ticked item per ticket with who and when; the change log is
// append-only (triggers refuse UPDATE and DELETE) and hash-chained.
constexpr std::string_view schemaV3 = R"sql(
CREATE TABLE matrix_sections (
    section    TEXT PRIMARY KEY NOT NULL,
    document   TEXT NOT NULL CHECK (json_valid(document)),
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE matrix_changes (
    id            INTEGER PRIMARY KEY,
    changed_at    INTEGER NOT NULL,
    author        TEXT NOT NULL,
    section       TEXT NOT NULL,
    summary       TEXT NOT NULL,
    before_json   TEXT,
    after_json    TEXT,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
);
CREATE TRIGGER matrix_changes_no_update BEFORE UPDATE ON matrix_changes
BEGIN
    SELECT RAISE(ABORT, 'the matrix change log is append-only');
END;
CREATE TRIGGER matrix_changes_no_delete BEFORE DELETE ON matrix_changes
BEGIN
    SELECT RAISE(ABORT, 'the matrix change log is append-only');
END;

CREATE TABLE checklist_runs (
    id         INTEGER PRIMARY KEY,
    ticket     INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    from_tier  INTEGER NOT NULL,
    to_tier    INTEGER NOT NULL,
    item_id    TEXT NOT NULL,
    item_text  TEXT NOT NULL,
    required   INTEGER NOT NULL,
    done       INTEGER NOT NULL DEFAULT 0,
    done_by    TEXT,
    done_at    INTEGER,
    note       TEXT,
    UNIQUE (ticket, from_tier, to_tier, item_id)
);
CREATE INDEX checklist_runs_by_ticket ON checklist_runs(ticket);
)sql";

// Version 4: covering indexes for the analyses. The facts of a reporting
// window (every ticket column the metrics read) come from an index ordered by
// creation, without reading the wide ticket rows with their subject and
// description; a ticket's events likewise. The old creation-time index is
// the new one's prefix, so it goes.
constexpr std::string_view schemaV4 = R"sql(
CREATE INDEX tickets_facts_by_created_at ON tickets(
    created_at, resolved_at, priority, tier, escalated, escalated_at, handle_time_min, csat,
    root_cause, product_area, group_name, first_response_at, closed_at, status, account_id);
DROP INDEX tickets_by_created_at;
CREATE INDEX ticket_events_facts_by_ticket
    ON ticket_events(ticket, occurred_at, event, from_tier, to_tier);
)sql";

// Version 5: the weekly review's record — long-term actions (about a root
// cause or a problem cluster, with owner, deadline and status) and review
// decisions (type, owner, date, note, the ticket or root cause they concern).
// Dates are ISO local dates (the review's calendar day), instants UTC seconds.
constexpr std::string_view schemaV5 = R"sql(
CREATE TABLE review_actions (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    subject_kind TEXT NOT NULL DEFAULT 'other'
                      CHECK (subject_kind IN ('root_cause', 'cluster', 'other')),
    subject      TEXT,
    owner        TEXT NOT NULL CHECK (length(trim(owner)) > 0),
    deadline     TEXT NOT NULL CHECK (date(deadline) IS deadline),
    status       TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    created_at   INTEGER NOT NULL,
    closed_at    INTEGER,
    note         TEXT
);
CREATE INDEX review_actions_by_status ON review_actions(status, deadline);

CREATE TABLE review_decisions (
    id            INTEGER PRIMARY KEY,
    decided_on    TEXT NOT NULL CHECK (date(decided_on) IS decided_on),
    decision_type TEXT NOT NULL CHECK (length(trim(decision_type)) > 0),
    owner         TEXT NOT NULL CHECK (length(trim(owner)) > 0),
    note          TEXT,
    ticket_id     TEXT,
    root_cause    TEXT,
    action        INTEGER REFERENCES review_actions(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX review_decisions_by_date ON review_decisions(decided_on);
)sql";

// Version 6: import sync bookkeeping and event attributes. source_hash is a
// 64-bit hash of the source record an import last wrote a ticket from (with
// the way the file was read: header, mapping, time zone, timestamp forms), so
// a re-import skips rows whose record is unchanged without converting or
// comparing them; a row written any other way has none. Events keep their
// file's extra columns as a JSON object, as tickets do.
constexpr std::string_view schemaV6 = R"sql(
ALTER TABLE tickets ADD COLUMN source_hash INTEGER;
ALTER TABLE ticket_events ADD COLUMN attributes TEXT;
)sql";

// Version 7: an account's tickets by creation time. The risk model counts a
// ticket's account's tickets of the 7 days before it (and the at-risk queue
// an account's weekly volume); with creation time in the account index that
// is a short range scan instead of a visit to every ticket of a busy account.
// The account-only index is its prefix, so it goes.
constexpr std::string_view schemaV7 = R"sql(
CREATE INDEX tickets_by_account_created_at ON tickets(account_id, created_at);
DROP INDEX tickets_by_account;
)sql";

// Version 8: what each ticket and each escalation contribute to the metrics
// (metrics/MetricOutcomes.h), kept so that a window's metrics are a range
// scan of small rows instead of a read of every ticket and event in it.
// Rows are clustered by their instant, as windows read them; escalated
// tickets by resolution time serve the repeat-issue lookback. A ticket's
// rows go when anything they were decided from changes (the triggers that
// remove them are made with the first rows: metrics/OutcomeStore.cpp). `sla` is
// NULL when no SLA policy covers the ticket, 0 met, 1 breached, 2 when a
// clock was still running (decided again at each read); a settled verdict
// holds from sla_settled_at, the ticket's latest instant, on (a running
// one's is the largest integer), and the few that do not hold at an instant
// are found by that index.
constexpr std::string_view schemaV8 = R"sql(
CREATE TABLE ticket_outcomes (
    created_at           INTEGER NOT NULL,
    ticket               INTEGER NOT NULL,
    resolved_at          INTEGER,
    escalated            INTEGER NOT NULL,
    time_to_escalate_min REAL,
    escalation_events    INTEGER NOT NULL,
    highest_tier         INTEGER NOT NULL,
    tier3_escalations    INTEGER NOT NULL,
    resolution_min       REAL,
    reopened             INTEGER NOT NULL,
    csat                 REAL,
    handle_time_min      REAL,
    priority             TEXT,
    root_cause           TEXT,
    product_area         TEXT,
    sla                  INTEGER,
    sla_settled_at       INTEGER,
    stays                TEXT,
    PRIMARY KEY (created_at, ticket)
) WITHOUT ROWID;
CREATE INDEX ticket_outcomes_by_ticket ON ticket_outcomes(ticket);
CREATE INDEX escalated_outcomes_by_resolved_at
    ON ticket_outcomes(resolved_at, root_cause, product_area, escalated) WHERE escalated != 0;
CREATE INDEX sla_outcomes_by_settled_at ON ticket_outcomes(sla_settled_at) WHERE sla IS NOT NULL;

CREATE TABLE escalation_outcomes (
    at             INTEGER NOT NULL,
    ticket         INTEGER NOT NULL,
    ordinal        INTEGER NOT NULL,
    claim_min      REAL,
    handoff_min    REAL,
    decision_min   REAL,
    bounced        INTEGER NOT NULL,
    info_requested INTEGER NOT NULL,
    priority       TEXT,
    root_cause     TEXT NOT NULL,
    PRIMARY KEY (at, ticket, ordinal)
) WITHOUT ROWID;
CREATE INDEX escalation_outcomes_by_ticket ON escalation_outcomes(ticket);

CREATE TRIGGER ticket_outcomes_take_escalations AFTER DELETE ON ticket_outcomes BEGIN
    DELETE FROM escalation_outcomes WHERE ticket = OLD.ticket;
END;
)sql";

// Version 9: the tier a ticket starts at, when it is not the front line (a
// history export whose first known support level is 2). NULL means tier 1.
constexpr std::string_view schemaV9 = R"sql(
ALTER TABLE tickets ADD COLUMN start_tier INTEGER;
)sql";

// Version 10: warnings beside rejections. A value an import cannot read is
// stored as empty and kept in rejected_rows as a warning (outcome
// 'warning'); only what identifies a row can reject it. Each batch counts its
// warnings.
constexpr std::string_view schemaV10 = R"sql(
ALTER TABLE rejected_rows ADD COLUMN outcome TEXT NOT NULL DEFAULT 'rejected'
    CHECK (outcome IN ('rejected', 'warning'));
ALTER TABLE import_batches ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 11: what the escalation risk model reads of each ticket
// (risk/RiskData.h) — its fields, the sentiment, escalation keyword hits and
// negative terms of its text, its subject's stems, whether it escalated or
// is still open — kept so that the at-risk queue and a model's training
// read small rows instead of tokenising every ticket's text again
// (risk/RiskFeatureStore.h). Rows are clustered by creation time, as
// training reads them; watch_until is the instant from which the ticket is
// never again open and unescalated, so the tickets open at a recent instant
// are a short range of its index, and at any instant those watched longer
// than 14 days (few) a range of the partial index and the rest the last 14
// days of creation. A ticket whose row went (the triggers that
// remove rows, made with the first ones, also list the ticket in
// ticket_risk_stale) is computed again. The account's tier, segment and ARR
// are read from accounts, not kept.
constexpr std::string_view schemaV11 = R"sql(
CREATE TABLE ticket_risk_features (
    created_at     INTEGER NOT NULL,
    ticket         INTEGER NOT NULL,
    ticket_id      TEXT NOT NULL,
    priority       TEXT,
    product_area   TEXT,
    channel        TEXT,
    account_id     TEXT,
    sentiment      REAL NOT NULL,
    keyword_hits   INTEGER NOT NULL,
    negative_terms INTEGER NOT NULL,
    stems          TEXT NOT NULL,
    escalated      INTEGER NOT NULL,
    open           INTEGER NOT NULL,
    watch_until    INTEGER NOT NULL,
    PRIMARY KEY (created_at, ticket)
) WITHOUT ROWID;
CREATE INDEX ticket_risk_features_by_ticket ON ticket_risk_features(ticket);
CREATE INDEX ticket_risk_features_by_watch_until ON ticket_risk_features(watch_until);
CREATE INDEX ticket_risk_features_watched_long ON ticket_risk_features(watch_until)
    WHERE watch_until - created_at > 1209600;

CREATE TABLE ticket_risk_stale (
    ticket INTEGER PRIMARY KEY
);
)sql";

// Version 12: tickets and escalated tickets per segment value and UTC hour of
// creation (metrics/SegmentRollup.h), so a window's segment analysis is a
// sum over its hours. segment_hours lists the (hour, field) pairs whose
// counts are kept; the triggers made with the first counts forget an hour
// when one of its tickets, their events or their accounts change. `field` is
// metrics::SegmentField; `value` keeps the field's value as stored.
// outcome_packs: the kept outcome rows of each UTC hour in one value
// (metrics/OutcomePacks.h; kind 0 tickets by creation, 1 escalations by
// instant). A ticket's outcome row going takes the packs of its hours with
// it (before, while its escalation rows still say which hours they are in);
// whoever inserts outcome rows forgets their hours' packs. It also takes the
// mark that every ticket's outcomes are kept (metrics/OutcomeStore.cpp).
constexpr std::string_view schemaV12 = R"sql(
CREATE TABLE segment_hours (
    hour  INTEGER NOT NULL,
    field INTEGER NOT NULL,
    PRIMARY KEY (hour, field)
) WITHOUT ROWID;
CREATE TABLE segment_counts (
    field     INTEGER NOT NULL,
    hour      INTEGER NOT NULL,
    value,
    tickets   INTEGER NOT NULL,
    escalated INTEGER NOT NULL
);
CREATE INDEX segment_counts_by_field_hour
    ON segment_counts(field, hour, value, tickets, escalated);

CREATE TABLE outcome_packs (
    kind INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    pack BLOB NOT NULL,
    PRIMARY KEY (kind, hour)
) WITHOUT ROWID;
CREATE TRIGGER ticket_outcome_before_delete BEFORE DELETE ON ticket_outcomes BEGIN
    DELETE FROM outcome_packs WHERE kind = 0 AND hour = OLD.created_at / 3600;
    DELETE FROM outcome_packs WHERE kind = 1 AND hour IN
        (SELECT at / 3600 FROM escalation_outcomes WHERE ticket = OLD.ticket);
    DELETE FROM settings WHERE key = 'metric_outcomes_complete';
END;
)sql";

// Version 13: the text features of escalated tickets that root causes and
// problem clusters read (analysis/TextFeatureStore.h): each ticket's id,
// subject, the words of its subject and description that are terms, and the
// known issue it matches best under `basis` (the known issues and feature
// set it was computed with). Rows are made on first read; the triggers that
// drop a row when its ticket changes are made with the first rows.
constexpr std::string_view schemaV13 = R"sql(
CREATE TABLE ticket_text_features (
    ticket      INTEGER PRIMARY KEY,
    ticket_id   TEXT NOT NULL,
    subject     TEXT,
    terms       TEXT,
    known_issue TEXT,
    basis       INTEGER NOT NULL
);
)sql";

// Version 14: each escalated ticket's kept text row also keeps the ticket's
// fields root causes and problem clusters show (analysis/TextFeatureStore.h),
// so a window's escalations need no lookup into the large tickets rows. Rows
// kept before lack them and go; so does the trigger that dropped a row on a
// change of the text columns only (the first rows kept make the one that
// drops it on any change).
constexpr std::string_view schemaV14 = R"sql(
DELETE FROM ticket_text_features;
DROP TRIGGER IF EXISTS text_features_after_ticket_update;
ALTER TABLE ticket_text_features ADD COLUMN created_at INTEGER;
ALTER TABLE ticket_text_features ADD COLUMN resolved_at INTEGER;
ALTER TABLE ticket_text_features ADD COLUMN root_cause TEXT;
ALTER TABLE ticket_text_features ADD COLUMN product_area TEXT;
ALTER TABLE ticket_text_features ADD COLUMN account_id TEXT;
)sql";

// Version 15: the index of escalated tickets' kept resolutions leads with
// the (root cause, product area) pair a repeat issue is looked for by
// (metrics/OutcomeStore.cpp): a window's repeat-issue flags then need a few
// seeks per pair (where its resolutions within 90 days of each other start
// and end) instead of a read of every resolution of the 90 days before it.
constexpr std::string_view schemaV15 = R"sql(
DROP INDEX IF EXISTS escalated_outcomes_by_resolved_at;
CREATE INDEX escalated_outcomes_by_pair
    ON ticket_outcomes(root_cause, product_area, resolved_at, escalated) WHERE escalated != 0;
)sql";

// Version 16 (issue #20): the kept risk features hold what was known of a
// ticket when it was created beyond the canonical fields: its attributes as
// imported (tickets.attributes), the tier it started at and the instant of
// its first escalation; an account's prior tickets and escalations (the 90
// days before a ticket) are one range of the covering index per account.
// The rows are recomputed under the new feature set (RiskFeatureStore.h).
constexpr std::string_view schemaV16 = R"sql(
ALTER TABLE ticket_risk_features ADD COLUMN attributes TEXT;
ALTER TABLE ticket_risk_features ADD COLUMN start_tier TEXT;
ALTER TABLE ticket_risk_features ADD COLUMN escalated_at INTEGER;
CREATE INDEX ticket_risk_features_by_account
    ON ticket_risk_features(account_id, created_at, escalated_at);
)sql";

// Version 17 (issue #19): each account's ticket creation and first
// escalation instants packed per 2^21-second bucket (risk/AccountTicketPacks.h),
// so the at-risk queue reads an account's surge and 90-day histories from a
// few rows; bucket first, so the recent buckets of every account lie
// together. The triggers list the bucket of every kept risk row that comes,
// goes or changes; its pack is made again before it is read.
constexpr std::string_view schemaV17 = R"sql(
CREATE TABLE account_ticket_packs (
    bucket     INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    pack       BLOB NOT NULL,
    PRIMARY KEY (bucket, account_id)
) WITHOUT ROWID;
CREATE TABLE account_ticket_packs_stale (
    account_id TEXT NOT NULL,
    bucket     INTEGER NOT NULL,
    PRIMARY KEY (account_id, bucket)
) WITHOUT ROWID;
CREATE TRIGGER account_packs_after_risk_insert AFTER INSERT ON ticket_risk_features
WHEN NEW.account_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO account_ticket_packs_stale VALUES (NEW.account_id, NEW.created_at >> 21);
END;
CREATE TRIGGER account_packs_after_risk_delete AFTER DELETE ON ticket_risk_features
WHEN OLD.account_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO account_ticket_packs_stale VALUES (OLD.account_id, OLD.created_at >> 21);
END;
CREATE TRIGGER account_packs_after_risk_update AFTER UPDATE ON ticket_risk_features BEGIN
    INSERT OR IGNORE INTO account_ticket_packs_stale
        SELECT OLD.account_id, OLD.created_at >> 21 WHERE OLD.account_id IS NOT NULL;
    INSERT OR IGNORE INTO account_ticket_packs_stale
        SELECT NEW.account_id, NEW.created_at >> 21 WHERE NEW.account_id IS NOT NULL;
END;
)sql";

// Version 18 (issue #21): decisions and actions come in from CSV files too.
// source_id is the id a file gave a record when it is not this workspace's own
// number (an "ACT-12" from a spreadsheet), so a re-import finds it again;
// batch is the import that last wrote a decision, action or checklist tick
// (NULL: typed in here), shown as the record's source.
constexpr std::string_view schemaV18 = R"sql(
ALTER TABLE review_actions ADD COLUMN source_id TEXT;
ALTER TABLE review_actions ADD COLUMN batch INTEGER REFERENCES import_batches(id);
CREATE UNIQUE INDEX review_actions_by_source_id ON review_actions(source_id);
ALTER TABLE review_decisions ADD COLUMN source_id TEXT;
ALTER TABLE review_decisions ADD COLUMN batch INTEGER REFERENCES import_batches(id);
CREATE UNIQUE INDEX review_decisions_by_source_id ON review_decisions(source_id);
ALTER TABLE checklist_runs ADD COLUMN batch INTEGER REFERENCES import_batches(id);
)sql";

// Version 19 (issue #21): the tickets that record their users affected
// (the `users_affected` attribute), so the impact score learns with one probe
// of an index, empty in most workspaces, whether any escalated ticket weighs
// users, instead of reading every escalated ticket's attributes. SQLite keeps
// a partial index up to date with each insert, update and delete; the
// expression must match analysis::usersAffectedOfTickets' query exactly.
constexpr std::string_view schemaV19 = R"sql(
CREATE INDEX tickets_with_users_affected ON tickets(id)
    WHERE instr(attributes, 'users_affected') > 0;
)sql";

// Version 20 (issue #22): a draft of the escalation matrix beside the
// published one — at most one per workspace (the CHECK pins its single key).
// The document is the matrix exchange file, so a draft written before a file
// format change is read, and upgraded, like any older matrix file. base_hash
// is the change-log head the draft started from: publishing refuses a draft
// whose base is no longer the head unless forced.
constexpr std::string_view schemaV20 = R"sql(
CREATE TABLE matrix_drafts (
    draft      INTEGER PRIMARY KEY CHECK (draft = 1),
    document   TEXT NOT NULL CHECK (json_valid(document)),
    started_at INTEGER NOT NULL,
    started_by TEXT NOT NULL,
    saved_at   INTEGER NOT NULL,
    saved_by   TEXT NOT NULL,
    base_hash  TEXT NOT NULL
);
)sql";

constexpr std::array migrations{
    Migration{1, schemaV1},   Migration{2, schemaV2},   Migration{3, schemaV3},
    Migration{4, schemaV4},   Migration{5, schemaV5},   Migration{6, schemaV6},
    Migration{7, schemaV7},   Migration{8, schemaV8},   Migration{9, schemaV9},
    Migration{10, schemaV10}, Migration{11, schemaV11}, Migration{12, schemaV12},
    Migration{13, schemaV13}, Migration{14, schemaV14}, Migration{15, schemaV15},
    Migration{16, schemaV16}, Migration{17, schemaV17}, Migration{18, schemaV18},
    Migration{19, schemaV19}, Migration{20, schemaV20},
};

// Versions ascend and the last one is the current version.
constexpr bool migrationsAscendToCurrent() {
    for (std::size_t i = 1; i < migrations.size(); ++i) {
        if (migrations[i].version <= migrations[i - 1].version) {
            return false;
        }
    }
    return migrations.back().version == currentSchemaVersion;
}
static_assert(migrationsAscendToCurrent());

void checkIsWorkspace(Database& db) {
    // One statement, so one snapshot: read apart, another process creating
    // the workspace could commit between the two reads, and its tables
    // without the application id would look like a foreign database.
    Statement query = db.prepare("SELECT (SELECT application_id FROM pragma_application_id), "
                                 "(SELECT count(*) FROM sqlite_schema WHERE type = 'table')");
    query.step();
    const std::int64_t applicationId = query.int64(0);
    const bool hasTables = query.int64(1) > 0;
    const bool foreign =
        applicationId != workspaceApplicationId && (applicationId != 0 || hasTables);
    if (foreign) {
        throw StoreError(StoreError::Kind::NotAWorkspace,
                         QStringLiteral("%1 is an SQLite database but not an Escalation Desk "
                                        "workspace; choose another file or a new one.")
                             .arg(db.path()));
    }
}

} // namespace

int schemaVersionOf(Database& db) {
    return static_cast<int>(db.queryInt64("PRAGMA user_version"));
}

void upgradeSchema(Database& db, int targetVersion) {
    checkIsWorkspace(db);
    if (schemaVersionOf(db) > currentSchemaVersion) {
        throw StoreError(StoreError::Kind::NewerSchema,
                         QStringLiteral("The workspace %1 was written by a newer version of "
                                        "Escalation Desk (schema %2; this version reads up to %3). "
                                        "Update Escalation Desk to open it.")
                             .arg(db.path())
                             .arg(schemaVersionOf(db))
                             .arg(currentSchemaVersion));
    }
    if (schemaVersionOf(db) >= targetVersion) {
        return;
    }
    Transaction transaction(db);
    // Read the version again inside the write lock: another process may have
    // upgraded the file while we waited for it.
    const int version = schemaVersionOf(db);
    for (const Migration& migration : migrations) {
        if (migration.version > version && migration.version <= targetVersion) {
            db.exec(migration.sql);
        }
    }
    db.exec(QStringLiteral("PRAGMA application_id = %1; PRAGMA user_version = %2")
                .arg(workspaceApplicationId)
                .arg(std::max(version, targetVersion))
                .toStdString());
    transaction.commit();
}

} // namespace escdesk::store
