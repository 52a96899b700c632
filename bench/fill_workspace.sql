-- Fills an empty Escalation Desk workspace with :N generated tickets and
-- their escalation events, fast, in one transaction (used by the startup
-- benchmark until `escdesk demo` can build large workspaces). Values are
-- derived from the row number by multiplicative hashing, so every run gives
-- the same workspace. The caller replaces @N@ and @NOW@.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
INSERT INTO accounts(account_id, name, tier, segment, region, arr)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
SELECT printf('ACC-%04d', i),
       (CASE i % 8 WHEN 0 THEN 'Northwind' WHEN 1 THEN 'Contoso' WHEN 2 THEN 'Globex'
        WHEN 3 THEN 'Initech' WHEN 4 THEN 'Umbrella' WHEN 5 THEN 'Stark' WHEN 6 THEN 'Wayne'
        ELSE 'Acme' END) || ' ' ||
       (CASE (i / 8) % 5 WHEN 0 THEN 'Retail' WHEN 1 THEN 'Health' WHEN 2 THEN 'Logistics'
        WHEN 3 THEN 'Finance' ELSE 'Media' END) || ' ' || (i / 40 + 1),
       CASE i % 10 WHEN 0 THEN 'Enterprise' WHEN 1 THEN 'Enterprise' WHEN 2 THEN 'Business'
        ELSE 'Standard' END,
       CASE i % 3 WHEN 0 THEN 'SMB' WHEN 1 THEN 'Mid-market' ELSE 'Enterprise' END,
       CASE i % 4 WHEN 0 THEN 'EMEA' WHEN 1 THEN 'NA' WHEN 2 THEN 'APAC' ELSE 'LATAM' END,
       1000.0 * (5 + (i * 37) % 200)
FROM n;

INSERT INTO tickets(id, ticket_id, created_at, first_response_at, resolved_at, status, priority,
                    channel, account_id, product_area, root_cause, subject, assignee, group_name,
                    tier, escalated, escalated_at, handle_time_min, csat)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @N@),
h AS (SELECT i,
             (i * 2654435761) % 4294967296 AS r1,
             (i * 40503 + 12345) % 65536 AS r2,
             (i * 7919) % 1000 AS r3
      FROM n)
SELECT i,
       printf('SUP-%07d', i),
       -- Spread over the last 400 days up to now, newer rows later.
       @NOW@ - 400 * 86400 + (i * 400 * 86400 / @N@) + r2 % 3600,
       @NOW@ - 400 * 86400 + (i * 400 * 86400 / @N@) + r2 % 3600 + 600 + r3 * 7,
       CASE WHEN r3 < 880 THEN @NOW@ - 400 * 86400 + (i * 400 * 86400 / @N@) + 3600 * (2 + r3 % 70) END,
       CASE WHEN r3 < 820 THEN 'solved' WHEN r3 < 880 THEN 'closed' WHEN r3 < 930 THEN 'open'
            WHEN r3 < 970 THEN 'pending' ELSE 'on-hold' END,
       CASE WHEN r1 % 100 < 4 THEN 'Critical' WHEN r1 % 100 < 20 THEN 'High'
            WHEN r1 % 100 < 65 THEN 'Medium' ELSE 'Low' END,
       CASE r2 % 4 WHEN 0 THEN 'email' WHEN 1 THEN 'chat' WHEN 2 THEN 'web' ELSE 'phone' END,
       printf('ACC-%04d', 1 + r1 % 400),
       CASE r2 % 7 WHEN 0 THEN 'Billing' WHEN 1 THEN 'Integrations' WHEN 2 THEN 'Reporting'
            WHEN 3 THEN 'Authentication' WHEN 4 THEN 'Mobile app' WHEN 5 THEN 'API'
            ELSE 'Notifications' END,
       CASE r3 % 11 WHEN 0 THEN 'Product Bug' WHEN 1 THEN 'Feature Gap'
            WHEN 2 THEN 'Integration Issue' WHEN 3 THEN 'Configuration' WHEN 4 THEN 'User Error'
            WHEN 5 THEN 'Access/Permissions' WHEN 6 THEN 'Documentation Gap'
            WHEN 7 THEN 'Training Gap' WHEN 8 THEN 'Policy Gap' WHEN 9 THEN 'Process Failure'
            ELSE 'Infrastructure' END,
       CASE r1 % 12 WHEN 0 THEN 'Invoice shows the wrong currency after plan change'
            WHEN 1 THEN 'Salesforce sync stopped overnight'
            WHEN 2 THEN 'Weekly report export times out'
            WHEN 3 THEN 'SSO login loops back to the sign-in page'
            WHEN 4 THEN 'Push notifications arrive twice on Android'
            WHEN 5 THEN 'API returns 502 for bulk updates'
            WHEN 6 THEN 'Cannot add a new admin user'
            WHEN 7 THEN 'Payment failed but the card was charged'
            WHEN 8 THEN 'Dashboard widgets load forever'
            WHEN 9 THEN 'Webhook deliveries delayed by hours'
            WHEN 10 THEN 'Password reset e-mail never arrives'
            ELSE 'How do I change the billing contact?' END,
       CASE r2 % 9 WHEN 0 THEN 'Ana Silva' WHEN 1 THEN 'Ben Okafor' WHEN 2 THEN 'Chen Wei'
            WHEN 3 THEN 'Dara Novak' WHEN 4 THEN 'Eli Haddad' WHEN 5 THEN 'Farah Khan'
            WHEN 6 THEN 'Gus Meyer' WHEN 7 THEN 'Hana Sato' ELSE 'Ivan Petrov' END,
       CASE WHEN r1 % 100 < 12 THEN 'Tier 2 Support' ELSE 'Frontline' END,
       CASE WHEN r1 % 100 < 3 THEN 3 WHEN r1 % 100 < 12 THEN 2 ELSE 1 END,
       CASE WHEN r1 % 100 < 12 THEN 1 ELSE 0 END,
       CASE WHEN r1 % 100 < 12 THEN @NOW@ - 400 * 86400 + (i * 400 * 86400 / @N@) + r2 % 3600 + 1800 + r3 * 11 END,
       5 + r3 % 55,
       CASE WHEN r3 % 3 = 0 THEN 1 + r2 % 5 END
FROM h;

-- The event log of the escalated tickets (12%): escalated to tier 2, claimed,
-- started, a decision, 3% on to tier 3, some bounced back, resolved.
INSERT INTO ticket_events(ticket, occurred_at, event, from_tier, to_tier, actor, decision_type, note)
SELECT id, escalated_at, 'escalated', 1, 2, assignee, NULL, 'Reproduced; needs tier 2 review'
FROM tickets WHERE escalated = 1;
INSERT INTO ticket_events(ticket, occurred_at, event, from_tier, to_tier, actor, decision_type, note)
SELECT id, escalated_at + 300 + (id % 50) * 60, 'claimed', NULL, 2, 'Tier 2 on call', NULL, NULL
FROM tickets WHERE escalated = 1;
INSERT INTO ticket_events(ticket, occurred_at, event, from_tier, to_tier, actor, decision_type, note)
SELECT id, escalated_at + 900 + (id % 50) * 60 + (id % 30) * 60, 'started', NULL, 2,
       'Tier 2 on call', NULL, NULL
FROM tickets WHERE escalated = 1;
INSERT INTO ticket_events(ticket, occurred_at, event, from_tier, to_tier, actor, decision_type, note)
SELECT id, escalated_at + 4200 + (id % 120) * 60, 'decision', NULL, 2, 'Tier 2 lead',
       CASE id % 3 WHEN 0 THEN 'fix' WHEN 1 THEN 'workaround' ELSE 'escalate' END,
       'Root cause confirmed'
FROM tickets WHERE escalated = 1;
INSERT INTO ticket_events(ticket, occurred_at, event, from_tier, to_tier, actor, decision_type, note)
SELECT id, escalated_at + 12000 + (id % 60) * 60, 'escalated', 2, 3, 'Tier 2 lead', NULL,
       'Needs developer review'
FROM tickets WHERE tier = 3;
INSERT INTO ticket_events(ticket, occurred_at, event, from_tier, to_tier, actor, decision_type, note)
SELECT id, escalated_at + 2400, 'bounced', 2, 1, 'Tier 2 on call', NULL,
       'Missing logs; back to frontline'
FROM tickets WHERE escalated = 1 AND id % 13 = 0;
INSERT INTO ticket_events(ticket, occurred_at, event, from_tier, to_tier, actor, decision_type, note)
SELECT id, max(resolved_at, escalated_at + 18000), 'resolved', NULL, NULL, assignee, NULL, NULL
FROM tickets WHERE escalated = 1 AND resolved_at IS NOT NULL;
COMMIT;
ANALYZE;
