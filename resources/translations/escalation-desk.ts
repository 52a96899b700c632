<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>DashboardPage</name>
    <message>
        <source>Time to escalate p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time_to_escalate_min, p90: over the escalated tickets created in the period, the first “escalated” event minus created_at; the 90th percentile (linear interpolation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handoff delay p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handoff_delay_min: over the escalations in the period, the first paired “started” event minus the escalation; median and 90th percentile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark: under 30 min for High and Critical tickets, judged on their p90.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision latency p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision_latency_min, p90: over the escalations in the period, the first paired “decision” event minus the escalation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical ≤ 30 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical_decisions_within_30m: the share of the period’s escalations of Critical tickets with a decision latency of at most 30 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark: Critical decision latency under 30 min, so at least 90% decided within 30 min (a p90 under 30 min).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounceback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bounceback_rate: the share of the period’s escalations with a paired “bounced” event (sent back down a tier).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark: 5–10% is healthy, above 20% is bad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context_loss_rate: the share of the period’s escalations with a paired “info_requested” event (the next tier had to ask).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark: below 10%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reescalated_share: the share of escalated tickets created in the period with two or more “escalated” events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA breach rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sla_breach_rate (all): the share of tickets created in the period with a breached SLA target, by the matrix’s SLA policies as of now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deflection_rate: of the tickets created in the period that reached tier 2 or higher, the share that never reached tier 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets created %1, longest time to escalate first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations %1 with a handoff, longest delay first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations %1 with a decision, longest latency first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided within 30 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical escalations %1 decided within 30 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Critical escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounced back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations %1 bounced back down a tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations %1 where the next tier asked for information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets created %1 escalated two or more times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All escalated tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets created %1 with a breached SLA target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tickets with an SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deflected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets created %1 that reached tier 2 but never tier 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All that reached tier 2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditPermission</name>
    <message>
        <source>The workspace is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is read-only: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryMappingEditor</name>
    <message>
        <source>Case id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier (support level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Zendesk ticket export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jira Service Management issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshdesk tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ServiceNow incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day must not be after the last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 days) · times in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of data (to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Chart as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written. Check that the folder exists and that you may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail (.eml)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV tables (folder)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations are the “escalated” events in the period: a ticket escalated twice counts twice, whenever it was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets are the tickets created in the period that were escalated at least once (an “escalated” event, or without an event log the escalated flag).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The escalation rate is escalated tickets divided by the tickets created in the period.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::AtRiskPage</name>
    <message>
        <source>Likely to escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review: may escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account surge: %1 tickets this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All open tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Human review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA ≥ 90% consumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account surges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list open tickets without a reason for attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute the queue (SLA clocks run on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tickets at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a ticket to see why it is at risk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring open tickets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open. Use File › Open Workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 tickets open then need attention · as of %3, where the workspace’s data ends (its newest ticket or event)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 open tickets need attention · as of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>risk ≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2, uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at risk or breached, still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&gt; 3× weekly median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: the chance a ticket escalates, from a logistic regression trained on this workspace&apos;s own history; flagged from %1, %2–%1 goes to human review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: not shown — %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> On %1, which it did not learn from, it ranks escalations with ROC AUC %2%4 (0.5 is chance; base rate %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> SLA: the most consumed clock still counting; flagged from 90%, breached clocks of open tickets included. Account surge: more than 3× the account&apos;s median week of the 8 weeks before, and at least 3 tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open ticket needs attention right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::CalendarsEditor</name>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open 24×7 (every hour counts, no holidays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a business-hours calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add holiday…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a holiday or a holiday rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA clocks count only business hours of a policy&apos;s calendar, in its time zone. A holiday is a whole local day off. Write the hours of a day as intervals, e.g. 09:00–12:00, 13:00–17:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No holidays yet. Add a single date (2026-12-31), a date every year (every 25 December) or a rule such as the fourth Thursday of November or the last Monday of May.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 h a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>00:00–24:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a holiday to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the calendar %1 to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the time zone of %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make %1 24×7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a list of hours for %2; write intervals such as 09:00–12:00, 13:00–17:00, or Closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the hours of %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New calendar %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the calendar “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the calendar %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the holiday “%1” to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the holiday “%1” of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the holiday “%1” from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::ChecklistsEditor</name>
    <message>
        <source>Add checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a checklist for another transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an item to the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected item up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected item down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What an agent must check before escalating. A ticket whose required items are not all ticked is shown as not ready in the Escalations page. Item ids keep ticks when the text changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items, %2 required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change an item of the %1 checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make an item of the %1 checklist required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make an item of the %1 checklist optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an item to the %1 checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove an item from the %1 checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder the %1 checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary of what was tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the %1 checklist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::CommandPalette</name>
    <message>
        <source>Go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a page, an action, or a ticket id or subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching commands and tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to open · Esc to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::CostEditor</name>
    <message>
        <source>Cost parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent cost per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engineer cost per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes per interruption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context-switch recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the currency to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An engineering interruption costs its minutes plus %1 minutes of recovery at the engineer&apos;s rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::DashboardPage</name>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate by week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets by week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tickets: the tickets created in the period. Click to list them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalated: %1
Click to list them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalation_rate = escalated / tickets: %1
Benchmark: below 10% is good, above 15% needs attention.
Click to list the escalated tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmarks: escalation rate below 10% good, above 15% needs attention; handoff under 30 min (High/Critical p90); Critical decisions within 30 min for at least 90%; bounceback 5–10% healthy, above 20% bad; context loss below 10%. Hover a card for its definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Click to list the tickets behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deciding the key figures’ outcomes after the import: %1 of %2 tickets (%p%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day must not be after the last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 days), compared with the previous period %3 · times in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tickets in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good · &lt; 10%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch · 10–15%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention · &gt; 15%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not measurable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations cannot be measured from this data: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no event log: escalated tickets come from the tickets’ own escalated flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy · ≤ 10%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch · 10–20%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad · &gt; 20%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention · ≥ 10%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High/Crit. &lt; 30 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High/Crit. ≥ 30 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good · ≥ 90%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention · &lt; 90%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p90 handoff delay of High and Critical escalations: %1 (benchmark: under 30 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark: Critical decisions in under 30 min, so at least 90% of Critical escalations decided within 30 min (their p90 now: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::DraftBanner</name>
    <message>
        <source>the default matrix (no change recorded before it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the published matrix of %1 (change %2, by %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an earlier published matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences from the published matrix yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;1 difference&lt;/b&gt; from the published matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 differences&lt;/b&gt; from the published matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep&amp;lay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pu&amp;blish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every difference between the published matrix and the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a past period&apos;s tickets through the published matrix and the draft, side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the draft the team&apos;s matrix: one entry in the history, then the draft is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the draft; the published matrix stays as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;You are editing a draft.&lt;/b&gt; The published matrix — the team&apos;s policy — stays as it is until you publish the draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Based on %1. Started by %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; last saved by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The published matrix changed since this draft was started:&lt;/b&gt; publishing the draft replaces those changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft can be compared and replayed, not changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::DraftDiffView</name>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — 1 difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the differences as text, e.g. to ask for a review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences between the published matrix and the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules are matched by name, SLA policies by customer tier × priority, tiers by level, calendars by name and checklists by transition. Double-click a difference to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no draft: start one to compare it with the published matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft equals the published matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 difference between the published matrix and the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 differences between the published matrix and the draft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::EngineeringCard</name>
    <message>
        <source>Engineering time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engineer hours taken by escalations that reached the engineering tier (interruption + context-switch recovery each, from the matrix&apos;s cost settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No engineering tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 avoidable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A year at this rate: %1 engineer hours, %2 %3; %4 h avoidable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avoidable: an avoidable root cause in the taxonomy, a known issue with a workaround, or bounced back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::EscalationsPage</name>
    <message>
        <source>&amp;Escalated only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search ticket id or subject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open. Use File › Open Workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a ticket to see its details and event timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no tickets yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tickets match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 ticket</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::HelpWindow</name>
    <message>
        <source>Escalation Desk User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::HistoryMappingEditor</name>
    <message>
        <source>Store each support level as a tier 1 to 4. 1, L1, T1, Tier 1 and Level 1 are read as they stand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store each value as Critical, High, Medium or Low. Urgent, Normal, P1–P4 and Sev1–Sev4 are read as they stand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which statuses mean waiting (the ticket is paused), resolved or closed. Leave &quot;Stored as&quot; empty to keep a value as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as they stand; a null token makes the row unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest value of a case is stored. Leave &quot;Stored as&quot; empty to keep a value as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own null tokens for this field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Null tokens (every field):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value &quot;%1&quot; means no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other null tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>others, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect from the values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 8601 (2026-03-02 09:00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day first (02/03/2026 09:00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month first (03/02/2026 9:00 AM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dotted (02.03.2026 09:00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jira (02/Mar/26 9:00 AM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day first (31/12/2026)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month first (12/31/2026)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date &amp;order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field&apos;s own null tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by commas; none when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column that holds the case id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column that holds the time of each change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a status, tier or group column: the tickets&apos; events are derived from their changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in this file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meaning of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n mapped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>own null tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting, %2 resolved, %3 closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::HistoryMappingPage</name>
    <message>
        <source>Load Mapping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Mapping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map the change log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which column holds what. Each case&apos;s ticket and its escalation events are derived from its changes; the preview follows your edits and nothing is written until you import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the editor from a history mapping file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the mapping as a file, for the next export of this kind (escdesk import --kind history --mapping FILE reads it too).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more file(s), read with the same mapping</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Deriving the tickets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Mapping</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::HistoryPreviewView</name>
    <message>
        <source>updates the stored ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change rows</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created / time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived tickets and events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected rows and warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 change rows of %3 cases; the first %4 shown · %5 rejected, %6 warnings · change times read as %7 · times shown in %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: kept without the value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected rows and warnings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::HistoryView</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2f855a; font-weight:600&apos;&gt;✔ Change log intact&lt;/span&gt; — %1 entries, each sealed with the hash of the one before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c53030; font-weight:600&apos;&gt;✖ Change log broken at entry %1&lt;/span&gt; — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No changes recorded yet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Created the section.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No difference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole matrix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::HolidayDialog</name>
    <message>
        <source>Add holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Thanksgiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On one date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every year on a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every year on the nth weekday of a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every year on the last weekday of a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Falls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>third</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fourth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fifth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — next: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::ImportHistoryPage</name>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values that could not be read and were stored as empty; their rows were imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No imports yet. Import… brings in helpdesk, CRM or known-issue CSV exports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No imports yet. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 import batches, newest first · %2 rejected rows and %3 warnings kept · times in %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::ImportPreviewPage</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rows as they will be stored. Rows marked Rejected are kept with their reason in the batch instead of being imported; a value marked with a warning cannot be read and is stored as empty, the rest of its row is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A history export has no row-by-row preview: its tickets and events are derived from all its rows when it is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · delimiter %3 · header on line %4 · first %5 rows: &lt;span style=&apos;color:#1a7f4b&apos;&gt;%6 to import&lt;/span&gt;, &lt;span style=&apos;color:#b42318&apos;&gt;%7 rejected&lt;/span&gt;, &lt;span style=&apos;color:#934a00&apos;&gt;%8 warnings&lt;/span&gt; · times shown in %9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from source column: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Timestamp form: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import, with warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::ImportResultPage</name>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every file is one batch in Import history; its rejected rows and warnings (values stored as empty) stay there and can be exported at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled. The workspace is unchanged: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled. The file being read was rolled back; %1 earlier file(s) stay imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 files imported; the others were refused and wrote nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1 tickets · %2 events · %3 accounts · %4 known issues%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled — rolled back, nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::ImportRunPage</name>
    <message>
        <source>Cancel Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each file is one transaction: cancelling rolls the current file back and leaves the workspace as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling — rolling back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::ImportSourcePage</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick helpdesk or CRM exports and say what they hold. Nothing is written until you confirm on the next page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files dropped on the main window appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts (CRM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket history (one row per change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON mapping file: column → field, date format, value maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mapping file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times without an offset are read in this zone (daylight saving included).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect from the values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day first (31/12/2026)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month first (12/31/2026)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map the columns in the next step (case, time, status, tier…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History mapping file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation Desk layout (canonical column names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom mapping file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping %1 is for %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::ImportWizard</name>
    <message>
        <source>Import CSV Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::KpiCard</name>
    <message>
        <source>%1 value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::MainWindow</name>
    <message>
        <source>Escalation Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back &amp;Up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Escalation Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (read-only) — Escalation Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Escalation Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it from the recent workspaces, or keep it to open it once its drive is connected again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation Desk workspaces (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Use File › Open Workspace to open it, or choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation Desk workspaces (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Every page shows its data; importing, restoring and editing are disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tickets · %2 events · %3 accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Escalation Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Escalation Desk %1&lt;/h3&gt;&lt;p&gt;Offline escalation analytics and escalation-policy editor for support teams.&lt;/p&gt;&lt;p&gt;Imports helpdesk and CRM exports into a local workspace and measures escalations: how many, how fast they are handled, and why they happen.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a workspace first: File › Open Workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 To import, save a copy in a folder you can write (File › Back Up…) and open the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace everything in %1 with the backup %2?

Tickets, matrix and review records imported or edited since that backup will be lost. Back up the workspace first if you may need them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::MatrixDocument</name>
    <message>
        <source>There is no draft to publish.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::MatrixEdit</name>
    <message>
        <source>Redo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::MatrixPage</name>
    <message>
        <source>1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the matrix with a matrix file (can be undone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the matrix as a file to share or keep in version control (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;These are the default tiers, rules and SLAs.&lt;/b&gt; Four tiers: Tier 1 frontline, Tier 2 technical support, Tier 3 engineering and product, and Management. Severity rules make an outage, a payment failure or a VIP account &lt;i&gt;Critical&lt;/i&gt; (escalate at once) and many affected users &lt;i&gt;High&lt;/i&gt; (escalate after 10–15 minutes without progress); a workaround makes a ticket &lt;i&gt;Low&lt;/i&gt;. SLAs: Critical — acknowledge in 15 minutes, resolve in 2 hours; standard — first response in 4 hours, resolve in 24 hours, on business hours. Change anything to fit your team: every edit is saved at once, can be undone, and is recorded in History. Help › User Guide explains each part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root causes &amp;&amp; cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a message to go to the place it names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b7791f&apos;&gt;%1&lt;/span&gt; The matrix is shown as it is stored and cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2f855a&apos;&gt;✔ The matrix is valid.&lt;/span&gt; Every edit is saved at once and recorded in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;%2&lt;/span&gt; — see the list below; click a message to go to its place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation — no problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every tier has an owner and a backup, every customer tier × priority an SLA, and every rule can fire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the matrix file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix file refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not imported; the matrix is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import matrix file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export matrix file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the published matrix into a draft: edit it, compare it and replay past tickets through it before it becomes the team&apos;s policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2f855a&apos;&gt;✔ The draft is valid.&lt;/span&gt; Every edit is saved to the draft; the history records the draft when it is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No draft started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing a draft: the published matrix stays as it is until you publish the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft not discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft discarded: the published matrix is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The published matrix changed since this draft was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish anyway to replace those changes with the draft, or cancel to keep the draft and look at the History first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the draft and its 1 difference from the published matrix?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the draft and its %1 differences from the published matrix?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The published matrix stays as it is; the draft cannot be brought back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widen “Many users affected”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halve High resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft already has a rule with the conditions of “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt suggested rule “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::PeriodPicker</name>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace’s data ends before this period would end today, so it ends on the last day with tickets instead. Choose Custom… for other dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::PreferencesDialog</name>
    <message>
        <source>Report &amp;recipients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report &amp;sender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting &amp;time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal &amp;window (days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings of this workspace, shared by everyone who opens it and by escdesk settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::PublishDraftDialog</name>
    <message>
        <source>Publish the Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing makes the draft the team&apos;s escalation matrix. It is recorded as one entry in the history, with the summary below, and the draft is then gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences the draft makes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary for the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the change is and why, as the history will show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft has 1 validation error: correct it before publishing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft has %1 validation errors: correct them before publishing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::RejectedRowsPane</name>
    <message>
        <source>Export as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected rows and warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row was imported with this value empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rejected rows or warnings in batch %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 rejected value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in batch %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No batch is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Rejected Rows and Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Rejected Rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::ReplayPanel</name>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim (handoff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ru&amp;n Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the period&apos;s tickets through the published matrix and the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA results under the published matrix and the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met
published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached
published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach rate
published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met
draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached
draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach rate
draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a target to list the tickets the draft moves between met and breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engineering load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engineering load under the published matrix and the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged earlier by the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets flagged earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the tickets the draft&apos;s rules flag earlier, and by how much</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets whose priority or tier changes, per rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets whose priority or target tier changes, per rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule (published)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule (draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying the period&apos;s tickets through both matrices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay cancelled; the figures below are of the replay before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a period and run the replay: its tickets go through the published matrix and the draft, side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft changed since: run the replay again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace has no tickets to replay in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tickets created in the period, run through the published matrix and the draft · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early: the figures are partial · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations to engineering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations reaching the tiers each matrix marks as engineering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engineer hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engineer time the cost model (Root causes &amp; cost) gives the escalations reaching engineering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged by the draft&apos;s rules before the published ones flag them, or before their first escalation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket is flagged earlier by the draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not measured by this replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the replay to see which tickets the draft treats differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft gives every ticket of the period the same priority and tier as the published matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets moved from “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published → draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met → breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached → met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: tickets the draft moves between met and breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets the draft flags earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::ReportsPage</name>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly leadership report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarterly efficiency report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the report (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail recipients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who receives the report e-mail (addresses separated by commas):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day must not be after the last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tables, %2 charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the CSV tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::ReviewPage</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New long-term action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous step (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly escalation review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who owns it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket id or root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Decisions and actions cannot be recorded here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>  (agreed last week)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported (import batch %1, id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed in here (id %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::RootCausesPage</name>
    <message>
        <source>Impact: %1. Clusters group escalations by similar subject and description text (TF-IDF, cosine ≥ 0.35); a cluster with no known issue matching half its escalations, or whose known issue has no knowledge-base article, is a documentation gap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations by root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranked root causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engineering time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean
resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top product area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known
issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations more or fewer than in the period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations that match a known issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets in the cluster, of all escalated in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a root cause or a cluster to list the tickets behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations not measurable: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 escalations (previous period %2) · %3 problem clusters · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations not measurable: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No escalations in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended action: %1
Cost in the period: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#b7791f&apos;&gt;documentation gap: %1 match a known issue without a KB article&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — recommended action: %2&lt;br&gt;&lt;span style=&apos;color:#7b8794&apos;&gt;Known issues: %3 · %4 accounts, ARR %5 · cost %6&lt;/span&gt;%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 escalations, %3 of all&lt;br&gt;%4 against the period before (%5)&lt;br&gt;Impact %6&lt;br&gt;&lt;i&gt;Click to list the tickets&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · no KB article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 of %3 escalations match; the known issue has no knowledge-base article: a documentation gap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 of %3 escalations match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documentation gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known issue matches half of these escalations: document the problem or file a known issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No two escalations of this period read alike.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cluster to read what it says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Engineering time&lt;/b&gt; — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Engineering time&lt;/b&gt; — %1 %4&lt;br&gt;&lt;span style=&apos;color:#7b8794&apos;&gt;Avoidable by reason (an escalation may have several): %2.%3&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Most avoidable: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::RulesEditor</name>
    <message>
        <source>(unnamed rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is one of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains the word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches any keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the rule up: it is tried earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the rule down: it is tried later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a rule before the catch-all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a condition to the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules are tried in order; the first rule whose conditions all hold gives the ticket its priority, target tier and action. Drag a rule to change the order. End with a rule without conditions as the catch-all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity rules in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the agent should do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions — all must hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords match whole words, ignoring case and simple plurals (“outages” matches “outage”). Separate several values with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move rule %1 to position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the action of rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the priority of rule %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send rule %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test %1 in rule %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change an operator of rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a condition value of rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a severity rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a condition to rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a condition from rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is a number; “is within” holds from 0 up to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“is within” holds from 0 up to the value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::SegmentsPage</name>
    <message>
        <source>Escalation rate by segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Escalated only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account&apos;s ARR: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the account renews within N days after the period&apos;s end (N: Edit › Preferences, default %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate per segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deviation: the segment’s rate minus the overall rate, in percentage points. Significantly above: the segment escalates more than all other tickets together with p &lt; 0.05 (two-sided; two-proportion z-test, or Fisher’s exact test where an expected count is below 5) and has at least %1 tickets. Tickets: created in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p-value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate per segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List escalated tickets only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a segment to list its tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tickets · escalation rate not measurable: %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 tickets escalated (%3 overall) · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tickets in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate not measurable: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significantly above average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not significantly above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 of %3 tickets escalated: %4&lt;br&gt;%5 against the overall %6 · p = %7%8&lt;br&gt;&lt;i&gt;Click to list the tickets&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Significantly above average&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not measurable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ Significantly above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few to test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fisher&apos;s exact test against all other tickets (an expected count is below 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-proportion z-test against all other tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; fewer than %1 tickets are never called significant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the tickets…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::SlaEditor</name>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response  %1
Resolution  %2
Claim  %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a policy for this cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets in business minutes of the policy&apos;s calendar, for each customer tier and priority. The claim target is the handoff: from an escalation until the next tier claims the ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim (handoff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statuses that stop the clock, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No policy — select the cell and create one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customers × %2 priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cell of the grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first-response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the %1 target of %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 on the calendar “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the pausing statuses of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the SLA policy %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::SuggestedRulesPanel</name>
    <message>
        <source>Find suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt into draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions that preceded escalation in this workspace, alone and in pairs. Each is fitted on the earlier months and measured on the latest months held out: &lt;b&gt;precision&lt;/b&gt; — of the tickets it matches, the share that escalated; &lt;b&gt;recall&lt;/b&gt; — of the escalated tickets, the share it matches. Conditions the published rules already cover are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months held out:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months held out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out tickets the rule matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of its held-out tickets the published rules already send to that tier or higher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a suggestion to see the held-out tickets it matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the selected rule to the draft (started from the published matrix when there is none), before the rule that matches every ticket; can be undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held out: tickets from %1 on — %2, of which %3 escalated (%4). Fitted on the %5 before; %6 left out as already covered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No condition matched %1 or more of the %2 earlier tickets and escalated more often than they did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out tickets matching “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::TaxonomyEditor</name>
    <message>
        <source>Add category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a root-cause category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root-cause taxonomy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root-cause categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avoidable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations of this cause could have been kept from engineering (configuration, user error, …): they count in the engineering-time ledger&apos;s avoidable share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 categories (keep 8–12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the category “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the category “%1” avoidable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the category “%1” not avoidable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the recommended action for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the category “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::TestTicketPanel</name>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim (handoff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running — at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket id, e.g. SUP-1042</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity rules, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules and conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule / condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA clocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a ticket to see which rule fires and its SLA clocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket %1 in this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 &lt;b&gt;“%2”&lt;/b&gt; fires: &lt;b&gt;%3&lt;/b&gt; priority, to &lt;b&gt;%4&lt;/b&gt;.&lt;br&gt;%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule fires for this ticket: it gets no priority from the rules. End the rules with a catch-all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ fires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ no match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no conditions: matches every ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matrix has no SLA policy (or calendar) for this ticket&apos;s customer tier and priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy %1 on the calendar “%2”, as of %3. Minutes are business minutes outside pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy follows the ticket&apos;s own priority (%1); the rules would make it %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::TicketDetailPane</name>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event log for this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a ticket to see its details and event timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early warning · %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before escalating from %1 to %2: tick each check as it is done. Required items are in red until ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before escalating from %1 to %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engineering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2f855a; font-weight:600&apos;&gt;✔ Ready for %1&lt;/span&gt; — %2 of %3 items done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c53030; font-weight:600&apos;&gt;✖ Not ready for %1&lt;/span&gt; — %2 required item(s) open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::TicketListModel</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::TicketListPane</name>
    <message>
        <source>Tickets behind the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to list the tickets behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::TicketRiskPanel</name>
    <message>
        <source>negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>somewhat negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>somewhat positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resolved escalation reads like this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features behind the risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words that drove the sentiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before escalating to Tier 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching known issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar resolved escalations — how they were solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar resolved escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:20px; font-weight:600; color:%1&apos;&gt;%2%&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:%1; font-weight:600&apos;&gt;%3&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High escalation risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertain — human review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low escalation risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chance of escalation from a model trained on this workspace&apos;s %1 tickets. Flagged from %2; %3–%2 goes to human review. Effect: each feature&apos;s push on the log-odds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coefficient × standardised value, in log-odds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:16px; font-weight:600&apos;&gt;Escalation risk not available&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shown: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The risk model cannot be trained: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; / 100 — %2 · %3 escalation keyword(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rated words in the subject, description or notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Known issue %1&lt;/b&gt; %2 (%3)&lt;br&gt;Workaround: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known issue matches this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2f855a&apos;&gt;✔ Tier 2 → 3 checklist complete&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c53030&apos;&gt;✖ Tier 2 → 3 checklist: %1 required item(s) open&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::TicketTableModel</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::TiersEditor</name>
    <message>
        <source>Management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Functional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hierarchical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the next tier level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who handles what at each tier. Functional escalation moves a ticket to more expertise; hierarchical escalation brings in authority. Every tier needs an owner and a backup contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engineering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tier engineers work at: escalations reaching it or above count in the engineering-time ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this tier handles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to escalate to it, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  OPTIONAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  ENGINEERING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner: %1&lt;br&gt;Backup: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the owner of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the backup contact of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the channel of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change how %1 is escalated to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change whether %1 is optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark %1 as engineering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmark %1 as engineering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the responsibility of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the key triggers of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::TrendsPage</name>
    <message>
        <source>Escalation rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to escalate, p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations by root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rising root causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rising: escalations went up from each of the last %1 complete periods to the next, the share of all escalations is higher in the latest than in the first, and at least %2 escalations in the latest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day must not be after the last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, %3%4 · times in %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weeks (Monday to Sunday)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · * partial week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · * partial month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A period marked * is only part of its week or month: the range starts or ends inside it. It is drawn, but never compared as a whole one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No periods to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate not measurable: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-period moving average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10% good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15% attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Escalation rate %2 (%3 of %4 tickets)&lt;br&gt;3-period average %5&lt;br&gt;&lt;i&gt;Click to list the tickets&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to escalate not measurable: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p90 time to escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4-week median before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression (&gt; +20%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p90 (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p90 (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;p90 time to escalate %2 (%3 escalated tickets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Median of the 4 weeks before: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b42318&apos;&gt;Regression: more than 20% above&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;Click to list the tickets&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations not measurable: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No escalations in these periods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2: %3 of %4 escalations&lt;br&gt;&lt;i&gt;Click to list the tickets&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spike check: in the weekly view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spike check: needs %1 complete weeks before the latest one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spikes, week of %1: &lt;span style=&apos;color:#1e7f4f&apos;&gt;none&lt;/span&gt; — no root cause above its robust threshold over the %2 weeks before&lt;br&gt;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b42318&apos;&gt;%1&lt;/b&gt; %2 (median %3, threshold %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spikes, week of %1: %2&lt;br&gt;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster spikes: &lt;span style=&apos;color:#1e7f4f&apos;&gt;none&lt;/span&gt; — no problem cluster of the %1 weeks above its robust threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster spikes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No root cause is on the rise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p90 regression check: not enough complete weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p90 time to escalate, week of %1: &lt;b&gt;%2&lt;/b&gt; against a median of %3 over the 4 weeks before — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b42318&apos;&gt;regression (more than 20% above)&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1e7f4f&apos;&gt;no regression&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other root causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets created — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets created — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated tickets created — %1 — longest time to escalate first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to escalate — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rising: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — escalated over the last %2 complete periods</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::WeeklyTrendChart</name>
    <message>
        <source>Week of %1 — so far: %2 of 7 days, not a whole week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week starting (* so far, not a whole week)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations cannot be measured from this data: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week so far (partial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10% good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15% needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Escalation rate %2 (%3 of %4 tickets)&lt;br&gt;&lt;i&gt;Click to list the tickets&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets (escalations not measurable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated, week so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 tickets; escalations not measurable: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 tickets: %3 escalated, %4 not escalated&lt;br&gt;&lt;i&gt;Click to list the tickets&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::WelcomePage</name>
    <message>
        <source>Recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation Desk logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Escalation Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See how many tickets your team escalates, how fast escalations are picked up, and why they happen — from your helpdesk&apos;s exports, on your computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half a year of a sample team&apos;s tickets — explore every page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import my exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zendesk, Jira Service Management, Freshdesk, ServiceNow or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace file you or a colleague saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo workspace progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press F1 for the user guide, Ctrl+K to find a page, an action or a ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent workspaces yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer exists. It was moved or deleted, or is on a drive that is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the demo workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo workspace could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>escdesk::ui::display</name>
    <message>
        <source>Management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Escalation Desk: escalation analytics and escalation policy for support teams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the workspace FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of every page into DIR, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshots, also save the import wizard&apos;s preview of the CSV FILE (nothing is imported).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshots, also save the import wizard&apos;s mapping editor for the history export FILE (nothing is imported).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the THEME: system (follow the desktop), light or dark. The default is the one chosen last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the milliseconds until the Dashboard shows every figure, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every page in turn, print the peak memory of each, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace to open (as --db).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--theme: use system, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the workspace with --db FILE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
