-- A workspace as schema version 1 wrote it (Escalation Desk 0.1 development
-- builds): frozen here so the upgrade path is tested on a real old file, not
-- on whatever the current migration code would produce.
PRAGMA application_id = 1163084612;
PRAGMA user_version = 1;

CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE accounts (account_id TEXT PRIMARY KEY NOT NULL, name TEXT, tier TEXT, segment TEXT,
    region TEXT, arr REAL, timezone TEXT, renewal_date TEXT, attributes TEXT);
CREATE TABLE tickets (id INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL, first_response_at INTEGER, resolved_at INTEGER,
    closed_at INTEGER, status TEXT, priority TEXT, channel TEXT, account_id TEXT,
    product_area TEXT, root_cause TEXT, reason_code TEXT, subject TEXT, description TEXT,
    assignee TEXT, group_name TEXT, tier INTEGER, escalated INTEGER, escalated_at INTEGER,
    resolution_type TEXT, resolution_notes TEXT, handle_time_min REAL, csat REAL, tags TEXT,
    attributes TEXT);
CREATE INDEX tickets_by_created_at ON tickets(created_at);
CREATE TABLE ticket_events (id INTEGER PRIMARY KEY,
    ticket INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    occurred_at INTEGER NOT NULL,
    event TEXT NOT NULL CHECK (event IN ('escalated', 'claimed', 'started', 'decision',
        'bounced', 'info_requested', 'paused', 'resumed', 'resolved', 'reopened', 'reassigned')),
    from_tier INTEGER, to_tier INTEGER, actor TEXT, decision_type TEXT, note TEXT);
CREATE UNIQUE INDEX ticket_events_identity
    ON ticket_events(ticket, occurred_at, event, ifnull(from_tier, -1), ifnull(to_tier, -1));
CREATE TABLE known_issues (issue_id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL,
    product_area TEXT, status TEXT, keywords TEXT, workaround TEXT, fix_version TEXT,
    kb_article TEXT, attributes TEXT);

INSERT INTO settings VALUES ('reporting_tz', 'Europe/Berlin');
INSERT INTO accounts VALUES ('ACME', 'Acme Corp', 'Enterprise', 'Manufacturing', 'EMEA',
    240000, 'Europe/Berlin', '2027-03-31', NULL);
INSERT INTO tickets (id, ticket_id, created_at, status, priority, account_id, subject, tier,
    escalated) VALUES
    (1, 'T-1', 1761980400, 'solved', 'High', 'ACME', 'Checkout fails with 502', 2, 1),
    (2, 'T-2', 1761984000, 'open', 'Low', 'ACME', 'How do I export invoices?', 1, 0);
INSERT INTO ticket_events (ticket, occurred_at, event, from_tier, to_tier, actor) VALUES
    (1, 1761982200, 'escalated', 1, 2, 'dana'),
    (1, 1761983100, 'claimed', NULL, NULL, 'lee');
INSERT INTO known_issues VALUES ('KI-7', 'Checkout 502 under load', 'Billing', 'Open',
    'checkout,502', 'Retry after 1 minute', NULL, NULL, NULL);
