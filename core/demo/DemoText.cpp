#include "demo/DemoText.h"

#include <array>

namespace escdesk::demo {

using namespace std::string_view_literals;
using Texts = std::span<const std::string_view>;

std::string_view rootCauseName(RootCause cause) {
    switch (cause) {
    case RootCause::ProductBug:
        return "Product Bug";
    case RootCause::FeatureGap:
        return "Feature Gap";
    case RootCause::IntegrationIssue:
        return "Integration Issue";
    case RootCause::Configuration:
        return "Configuration";
    case RootCause::UserError:
        return "User Error";
    case RootCause::AccessPermissions:
        return "Access/Permissions";
    case RootCause::DocumentationGap:
        return "Documentation Gap";
    case RootCause::TrainingGap:
        return "Training Gap";
    case RootCause::PolicyGap:
        return "Policy Gap";
    case RootCause::ProcessFailure:
        return "Process Failure";
    case RootCause::Infrastructure:
        return "Infrastructure";
    }
    return {};
}

namespace {

using RC = RootCause;

// ---- Billing ----------------------------------------------------------------

constexpr std::string_view billTaxS[] = {"Invoice shows wrong sales tax amount",
                                         "Sales tax on invoice calculated incorrectly",
                                         "Incorrect tax line on our %W invoice"};
constexpr std::string_view billTaxP[] = {
    "Our latest invoice charges sales tax at the wrong rate for our billing address.",
    "The tax line on the invoice does not match the tax rate for our state.",
    "The invoice total includes sales tax although we are tax exempt and uploaded the "
    "certificate."};
constexpr std::string_view billTaxD[] = {
    "Finance compared it with the previous three invoices and only this one is off.",
    "Our accounts payable team cannot approve the invoice until the tax is corrected."};

constexpr std::string_view billCardS[] = {"Payment failed on renewal - card declined",
                                          "Renewal payment declined, account at risk",
                                          "Card payment failing for %P plan renewal"};
constexpr std::string_view billCardP[] = {
    "The renewal payment for our %P plan was declined and we got a suspension warning.",
    "Our card payment keeps failing at renewal even though the bank says nothing was blocked.",
    "The billing page says the payment method was declined when we try to renew."};
constexpr std::string_view billCardD[] = {
    "We updated the card on file yesterday but the retry still failed.",
    "The card has 3-D Secure enabled and the confirmation screen never appeared."};

constexpr std::string_view billDownloadS[] = {"How do I download past invoices?",
                                              "Where can I find old invoices as PDF",
                                              "Need copies of invoices for the last %N months"};
constexpr std::string_view billDownloadP[] = {
    "I need PDF copies of our invoices for the last %N months for an audit.",
    "I cannot find where to download previous invoices in the billing section.",
    "Our finance team asked for all invoices since the start of the contract."};
constexpr std::string_view billDownloadD[] = {
    "I looked under Settings but only see the current invoice.",
    "The billing contact changed recently so the emails went to someone else."};

constexpr std::string_view billRefundS[] = {"Refund request for unused seats",
                                            "Can we get a refund for %N unused licenses",
                                            "Request prorated refund after downsizing"};
constexpr std::string_view billRefundP[] = {
    "We reduced our team and would like a refund for %N unused seats on the annual plan.",
    "We bought %N more licenses than we need and want a prorated refund or credit.",
    "We are asking for a refund of unused seats after a reorganisation."};
constexpr std::string_view billRefundD[] = {
    "Our account manager said this might be possible but we have no written answer.",
    "The contract does not say what happens to unused seats mid-term."};

constexpr std::string_view billDoubleS[] = {"Charged twice after plan upgrade",
                                            "Duplicate charge on our card after changing plan",
                                            "Double billing after upgrade to %P"};
constexpr std::string_view billDoubleP[] = {
    "After upgrading to %P we were charged twice for the same period.",
    "Our card statement shows two identical charges right after the plan change.",
    "The upgrade created a second invoice for the full amount instead of the difference."};
constexpr std::string_view billDoubleD[] = {
    "Both charges have the same invoice date and amount.",
    "The first charge was not voided when the new invoice was created."};

constexpr std::string_view billCreditS[] = {"Credit note not issued after downgrade",
                                            "Still no credit note for our plan downgrade",
                                            "Downgrade credit missing from account"};
constexpr std::string_view billCreditP[] = {
    "We downgraded %N weeks ago and were promised a credit note that never arrived.",
    "The credit for our downgrade was approved but it is not on the account.",
    "Our downgrade was confirmed but the next invoice still charges the old plan."};
constexpr std::string_view billCreditD[] = {
    "We contacted support twice already and each time were told it was in progress.",
    "Nobody seems to own the request after the first reply."};

constexpr std::string_view billProrationS[] = {
    "How is proration calculated for mid-cycle upgrades?", "Proration amount on invoice is unclear",
    "Explain proration after adding seats"};
constexpr std::string_view billProrationP[] = {
    "We added %N seats mid-cycle and cannot work out how the prorated amount was calculated.",
    "The proration line on the invoice does not match our own calculation.",
    "Nothing in the help center explains how proration works for seat changes."};
constexpr std::string_view billProrationD[] = {
    "The help article only covers plan upgrades, not added seats.",
    "We need to explain the amount to our procurement team."};

// ---- Integrations -------------------------------------------------------------

constexpr std::string_view intSyncS[] = {"%I sync stopped updating records",
                                         "%I integration not syncing since %W",
                                         "Records missing after %I sync"};
constexpr std::string_view intSyncP[] = {
    "The %I integration stopped syncing and new records are not updated anymore.",
    "Since %W the %I sync runs but nothing changes on either side.",
    "Records created in %I do not appear after the scheduled sync."};
constexpr std::string_view intSyncD[] = {
    "The sync log shows the last successful run %N days ago with no error.",
    "We reconnected the %I integration but the sync still skips records."};

constexpr std::string_view intWebhookDelayS[] = {"Webhook deliveries delayed by several minutes",
                                                 "Webhooks arriving late",
                                                 "Delayed webhook events for %I"};
constexpr std::string_view intWebhookDelayP[] = {
    "Webhook deliveries to our endpoint arrive %N minutes after the event.",
    "Our webhook consumer receives events late, sometimes in bursts.",
    "Webhook events are delayed and our %I automation runs out of order."};
constexpr std::string_view intWebhookDelayD[] = {
    "Our endpoint answers within 200 ms, so the delay is not on our side.",
    "The delivery log shows retries even though the first attempt succeeded."};

constexpr std::string_view intShopS[] = {"Orders missing from %I import",
                                         "%I order sync skipping orders",
                                         "Not all %I orders are synced"};
constexpr std::string_view intShopP[] = {
    "Some orders from %I never reach the platform, roughly %N per day.",
    "The %I order sync skips orders placed during busy hours.",
    "Order counts in %I and in our reports differ after the sync."};
constexpr std::string_view intShopD[] = {
    "The missing orders all have discount codes applied.",
    "Manual resync brings them in, but we cannot do that every day."};

constexpr std::string_view intJiraS[] = {"Jira integration creates duplicate issues",
                                         "Duplicate Jira issues from one ticket",
                                         "Every update creates a new Jira issue"};
constexpr std::string_view intJiraP[] = {
    "Each time a ticket is updated the Jira integration creates another Jira issue.",
    "We get two or three duplicate Jira issues for a single escalation.",
    "The Jira integration does not link back to the existing issue and creates a new one."};
constexpr std::string_view intJiraD[] = {"It started after we renamed a Jira project.",
                                         "Our engineers have to close the duplicates by hand."};

constexpr std::string_view intMappingS[] = {"Need custom field mapping for %I",
                                            "Map custom fields in %I integration",
                                            "Feature request: %I custom objects"};
constexpr std::string_view intMappingP[] = {
    "We need to map our custom fields to %I but the integration only offers standard fields.",
    "The %I integration cannot sync custom objects, which we rely on.",
    "We would like to choose which %I fields are synced and in which direction."};
constexpr std::string_view intMappingD[] = {
    "Without it our team copies %N fields by hand every week.",
    "A competitor we evaluated supports this out of the box."};

constexpr std::string_view intRateS[] = {"API requests return 429 Too Many Requests",
                                         "Hitting API rate limit during nightly job",
                                         "Rate limit errors from the REST API"};
constexpr std::string_view intRateP[] = {
    "Our nightly job gets 429 Too Many Requests responses from the REST API.",
    "API calls start failing with rate limit errors after a few hundred requests.",
    "Our integration hits the API rate limit although traffic has not changed."};
constexpr std::string_view intRateD[] = {
    "The job uses a single API token for all %N workers.",
    "We do not see a Retry-After header being honoured by our client."};

constexpr std::string_view intScopesS[] = {"Which OAuth scopes does the API token need?",
                                           "API token scopes not documented",
                                           "403 on API call - unclear which scope is missing"};
constexpr std::string_view intScopesP[] = {
    "The API documentation does not say which OAuth scopes are needed for the export endpoint.",
    "Our API token gets 403 and the docs do not list the required scope.",
    "We cannot find the list of OAuth scopes for the reporting API."};
constexpr std::string_view intScopesD[] = {
    "We tried adding every read scope and it works, but security wants the minimum.",
    "The API reference page for this endpoint has no permissions section."};

constexpr std::string_view intTimeoutS[] = {"API timeouts (504) from the EU endpoint",
                                            "Gateway timeout on API calls",
                                            "Intermittent 504 errors from the API"};
constexpr std::string_view intTimeoutP[] = {
    "Calls to the EU API endpoint fail with 504 Gateway Timeout several times an hour.",
    "Roughly one in %N API requests times out with a gateway error.",
    "Our integration sees intermittent 504 and 502 errors from the API."};
constexpr std::string_view intTimeoutD[] = {
    "The status page shows all systems operational.",
    "Timeouts cluster between 9 and 11 am Central European time."};

// The planted incident: webhook signature validation broken on API v2.3.
constexpr std::string_view incidentS[] = {
    "Webhook signature validation fails on API v2.3",
    "Webhooks rejected: invalid signature after moving to API v2.3",
    "API v2.3 webhook signature mismatch", "All webhook deliveries failing signature check (v2.3)"};
constexpr std::string_view incidentP[] = {
    "Since switching to API v2.3 every webhook fails our signature validation with an "
    "invalid signature error.",
    "Webhook signature verification fails for all events sent with API v2.3; the HMAC we "
    "compute never matches the signature header.",
    "After the API v2.3 upgrade our endpoint rejects webhooks because the signature header "
    "does not validate."};
constexpr std::string_view incidentD[] = {
    "Deliveries on API v2.2 still validate with the same webhook secret.",
    "We rotated the webhook secret and the signature still does not match on v2.3.",
    "Our %I automation is stopped because no webhook passes signature validation."};

// ---- Authentication & SSO -----------------------------------------------------------

constexpr std::string_view authGroupS[] = {"SSO users land with no role after login",
                                           "SSO group mapping not assigning roles",
                                           "New %S users get no permissions"};
constexpr std::string_view authGroupP[] = {
    "Users who sign in through %S SSO are created without a role and see an empty workspace.",
    "The SSO group mapping no longer assigns roles, so new users have no permissions.",
    "Members of our %S group sign in fine but do not get the role mapped to the group."};
constexpr std::string_view authGroupD[] = {
    "The group claim is present in the SAML assertion.",
    "An admin has to assign the role by hand for every new user."};

constexpr std::string_view authSamlS[] = {"SAML login fails with audience mismatch",
                                          "SSO broken after certificate rotation",
                                          "%S SSO error: invalid SAML response"};
constexpr std::string_view authSamlP[] = {
    "SAML login fails with an audience mismatch error for all users.",
    "Since we rotated the %S signing certificate, SSO login fails with invalid SAML response.",
    "Users get an SSO error page after authenticating at %S."};
constexpr std::string_view authSamlD[] = {
    "We uploaded the new certificate in the admin console this morning.",
    "Password login still works for the admin account."};

constexpr std::string_view authLockS[] = {"Locked out after too many password attempts",
                                          "Account locked, cannot log in",
                                          "Password reset email not arriving, locked out"};
constexpr std::string_view authLockP[] = {
    "I entered the wrong password several times and now my account is locked.",
    "I am locked out of my account and the password reset does not help.",
    "My login is blocked after failed attempts and I need access today."};
constexpr std::string_view authLockD[] = {
    "I use a password manager so I am not sure which password it filled in.",
    "The reset email might be going to my old address."};

constexpr std::string_view authMfaS[] = {"MFA codes rejected on first attempt",
                                         "Two-factor code invalid although correct",
                                         "MFA verification fails intermittently"};
constexpr std::string_view authMfaP[] = {
    "Valid MFA codes from the authenticator app are rejected on the first attempt.",
    "Two-factor verification says the code is invalid, then accepts the next code.",
    "Users report MFA codes failing intermittently since the last release."};
constexpr std::string_view authMfaD[] = {
    "Device clocks are synchronised, we checked on %N devices.",
    "It happens on %B and in the mobile app."};

constexpr std::string_view authSlowS[] = {"Login page very slow or timing out",
                                          "Sign-in takes over a minute",
                                          "Timeouts on login during morning peak"};
constexpr std::string_view authSlowP[] = {
    "The login page takes over a minute to load and often times out.",
    "Signing in is extremely slow during the morning peak for all users.",
    "Users get a timeout error after entering their credentials."};
constexpr std::string_view authSlowD[] = {"It affects users on different networks and browsers.",
                                          "Once signed in, the app itself is responsive."};

constexpr std::string_view authScimS[] = {"User lost access after SCIM reprovisioning",
                                          "SCIM deprovision removed wrong users",
                                          "Access denied after SCIM sync"};
constexpr std::string_view authScimP[] = {
    "After the SCIM sync from %S, %N users lost access to the workspace.",
    "Users that were deprovisioned and provisioned again through SCIM get access denied.",
    "The SCIM sync removed permissions from users who are still in the group."};
constexpr std::string_view authScimD[] = {
    "Their accounts are active in %S and assigned to the app.",
    "The audit log shows a permission removal by the SCIM service account."};

constexpr std::string_view authEnforceS[] = {"How do we enforce SSO for contractors?",
                                             "Enforce SSO but allow guest logins",
                                             "Setting up SSO enforcement for some users"};
constexpr std::string_view authEnforceP[] = {
    "We want to enforce SSO for employees while contractors keep password login.",
    "Our admins are unsure how to enforce SSO without locking out guest users.",
    "We need guidance on rolling out SSO enforcement to %U users."};
constexpr std::string_view authEnforceD[] = {
    "The new admin took over from a colleague who set this up originally.",
    "We watched the onboarding webinar but it did not cover mixed setups."};

// ---- Reporting -----------------------------------------------------------------

constexpr std::string_view repTotalsS[] = {
    "Dashboard totals don't match the export", "%R numbers differ from CSV export",
    "Report totals inconsistent between dashboard and export"};
constexpr std::string_view repTotalsP[] = {
    "The %R dashboard shows different totals than the CSV export of the same report.",
    "Totals on the %R report do not add up to the rows underneath.",
    "Our %R figures change between the dashboard and the exported file."};
constexpr std::string_view repTotalsD[] = {
    "The difference is about %N percent and only for the current month.",
    "Leadership noticed it in the monthly review."};

constexpr std::string_view repScheduleS[] = {"Schedule report to multiple recipients",
                                             "Feature request: custom date ranges in %R",
                                             "Need scheduled exports of %R"};
constexpr std::string_view repScheduleP[] = {
    "We want to schedule the %R report to several recipients, including external ones.",
    "The %R report only offers fixed date ranges and we need custom ones.",
    "We would like a weekly scheduled export of %R to a shared folder."};
constexpr std::string_view repScheduleD[] = {"Right now someone exports it by hand every Monday.",
                                             "We would pay for this as an add-on if needed."};

constexpr std::string_view repSharedS[] = {"Shared dashboard shows permission denied",
                                           "Cannot open %R dashboard shared with me",
                                           "'You do not have permission' on shared report"};
constexpr std::string_view repSharedP[] = {
    "Team members get 'You do not have permission' when opening the shared %R dashboard.",
    "A dashboard shared with my team shows permission denied for everyone except the owner.",
    "Since the permission changes, viewers cannot open the %R report shared with them."};
constexpr std::string_view repSharedD[] = {
    "The dashboard is shared with the whole team and they have the viewer role.",
    "The owner can open it, and it worked last month."};

constexpr std::string_view repFilterS[] = {"%R report missing data for yesterday",
                                           "Report filter excludes recent records",
                                           "Numbers in %R look too low"};
constexpr std::string_view repFilterP[] = {
    "The %R report is missing records from yesterday afternoon.",
    "The report shows fewer records than we expect for the selected dates.",
    "Our %R numbers look too low compared with what the team entered."};
constexpr std::string_view repFilterD[] = {
    "The report filter uses the default time zone, not ours.",
    "We saved the filter a while ago and may have added a condition."};

constexpr std::string_view repSlowS[] = {"Reports take minutes to load", "%R report times out",
                                         "Dashboard extremely slow"};
constexpr std::string_view repSlowP[] = {
    "The %R report takes several minutes to load and often times out.",
    "Dashboards have become extremely slow, loading takes over %N seconds.",
    "Opening any report ends with a timeout error since this morning."};
constexpr std::string_view repSlowD[] = {"Smaller date ranges load, but a full quarter never does.",
                                         "Several colleagues in different offices see the same."};

constexpr std::string_view repHowToS[] = {"How do I build a cohort report?",
                                          "Help creating a %R breakdown",
                                          "Training request: custom reports"};
constexpr std::string_view repHowToP[] = {
    "I want to build a cohort report by signup month but cannot find how.",
    "Could you show us how to break down %R by team and month?",
    "Our team needs help creating custom reports from scratch."};
constexpr std::string_view repHowToD[] = {"We are new to the reporting module.",
                                          "A short call with someone would be great."};

// ---- Mobile App ------------------------------------------------------------------

constexpr std::string_view mobCrashS[] = {"App crashes on launch after update to %V",
                                          "Mobile app crashing on %D",
                                          "App closes immediately after opening"};
constexpr std::string_view mobCrashP[] = {
    "The mobile app crashes on launch since the update to version %V.",
    "On %D the app closes right after the splash screen.",
    "The app crashes every time we open the task list."};
constexpr std::string_view mobCrashD[] = {"Reinstalling the app did not help.",
                                          "It affects %N of our field users."};

constexpr std::string_view mobOfflineS[] = {"Offline edits lost after sync",
                                            "Changes made offline disappear",
                                            "Mobile offline mode overwrites data"};
constexpr std::string_view mobOfflineP[] = {
    "Edits made in offline mode are lost when the app syncs again.",
    "Our technicians work offline and their changes disappear after reconnecting.",
    "Offline changes on %D overwrite newer data on the server."};
constexpr std::string_view mobOfflineD[] = {"It happened to %N users this week.",
                                            "The app shows a sync complete message."};

constexpr std::string_view mobNavS[] = {"Can't find notification settings in the app",
                                        "Where is the export option on mobile?",
                                        "How do I switch workspace in the app"};
constexpr std::string_view mobNavP[] = {
    "I cannot find where to change notification settings in the mobile app.",
    "I am looking for the export option in the app but it is not in the menu.",
    "How do I switch between workspaces on the mobile app?"};
constexpr std::string_view mobNavD[] = {"I am using %D.", "The desktop version has it."};

constexpr std::string_view mobFeatureS[] = {"Request: tablet landscape mode",
                                            "Feature request: dark mode in mobile app",
                                            "Need offline attachments on mobile"};
constexpr std::string_view mobFeatureP[] = {
    "Our field teams use tablets and need landscape mode in the app.",
    "Several users asked for dark mode in the mobile app.",
    "We need attachments to be available offline in the app."};
constexpr std::string_view mobFeatureD[] = {"It comes up in every quarterly review.",
                                            "%U users would benefit."};

constexpr std::string_view mobMdmS[] = {"MDM policy blocks app login",
                                        "App login fails on managed devices",
                                        "Mobile app cannot connect on company phones"};
constexpr std::string_view mobMdmP[] = {
    "Since our MDM profile was updated the app cannot log in on managed devices.",
    "The app fails to connect on company phones but works on personal ones.",
    "Login in the app hangs on devices enrolled in our MDM."};
constexpr std::string_view mobMdmD[] = {"Our IT team added a per-app VPN last week.",
                                        "The device has a custom certificate installed by IT."};

constexpr std::string_view mobPermS[] = {"Field staff can't see assigned projects in app",
                                         "Projects missing in mobile app",
                                         "Mobile users see empty project list"};
constexpr std::string_view mobPermP[] = {
    "Field staff cannot see the projects assigned to them in the app.",
    "The project list in the mobile app is empty for users with the technician role.",
    "Since the role change, mobile users only see their own projects."};
constexpr std::string_view mobPermD[] = {"On the web the same users see everything.",
                                         "This affects %N technicians."};

// ---- Data Import -------------------------------------------------------------------

constexpr std::string_view impDateS[] = {"CSV import fails: date format not recognised",
                                         "Import error on date column",
                                         "Import rejects all rows in %F"};
constexpr std::string_view impDateP[] = {
    "The CSV import of %F fails with 'date format not recognised' on every row.",
    "Our import rejects the date column although the dates look fine in Excel.",
    "All rows of %F are rejected with a date error."};
constexpr std::string_view impDateD[] = {"The file was saved from Excel with European settings.",
                                         "Dates are in the form 31/12/2026."};

constexpr std::string_view impStallS[] = {"Import stalls at 99%", "Data import stuck in processing",
                                          "Large import never completes"};
constexpr std::string_view impStallP[] = {
    "The import of %F stays at 99% for hours and never completes.",
    "Our data import has been stuck in processing since yesterday.",
    "Imports over 50,000 rows never finish."};
constexpr std::string_view impStallD[] = {"Smaller files import without problems.",
                                          "We cannot cancel the stuck import either."};

constexpr std::string_view impDocsS[] = {"Import template columns not documented",
                                         "What do the import template columns mean?",
                                         "Which columns are required for import"};
constexpr std::string_view impDocsP[] = {
    "The import template has columns that are not explained anywhere in the documentation.",
    "We cannot tell which import columns are required and which are optional.",
    "The import documentation does not describe the status column values."};
constexpr std::string_view impDocsD[] = {
    "We guessed some values and the import rejected them.",
    "The help article shows an older version of the template."};

constexpr std::string_view impUpsertS[] = {"Need to update existing records via import",
                                           "Feature request: XLSX import",
                                           "Import should update instead of duplicate"};
constexpr std::string_view impUpsertP[] = {
    "We need the import to update existing records instead of only creating new ones.",
    "Please support importing XLSX files directly.",
    "We want to import changes to existing records by their external id."};
constexpr std::string_view impUpsertD[] = {
    "Today we delete and re-create thousands of records every month.",
    "Converting to CSV loses our formatting."};

constexpr std::string_view impDupS[] = {"Import created duplicate records",
                                        "Duplicates after importing %F",
                                        "Every import duplicates contacts"};
constexpr std::string_view impDupP[] = {
    "Importing %F created duplicates of records that already existed.",
    "Each import creates duplicate contacts instead of matching existing ones.",
    "We now have %N duplicate records after the last import."};
constexpr std::string_view impDupD[] = {"The matching key in the import settings may be wrong.",
                                        "We used the same file as last month."};

constexpr std::string_view impMapS[] = {"How do we map custom fields on import?",
                                        "Help with import field mapping",
                                        "Training request: data import"};
constexpr std::string_view impMapP[] = {"We need help mapping our custom fields during import.",
                                        "Our team is unsure how the import field mapping works.",
                                        "Could someone walk us through importing %F?"};
constexpr std::string_view impMapD[] = {"We are migrating from a spreadsheet.",
                                        "A new team member took over imports."};

constexpr std::string_view impPermS[] = {"Import button missing for managers",
                                         "Managers cannot run imports",
                                         "No permission to import data"};
constexpr std::string_view impPermP[] = {
    "Users with the manager role no longer see the import button.",
    "Our managers get 'not allowed' when they try to import data.",
    "Since the permission update only admins can run imports."};
constexpr std::string_view impPermD[] = {"They could import until last week.",
                                         "We did not change their role."};

// ---- Notifications -------------------------------------------------------------------

constexpr std::string_view notDupS[] = {"Email notifications sent twice",
                                        "Duplicate notification emails",
                                        "Users receive every notification twice"};
constexpr std::string_view notDupP[] = {
    "Every email notification is delivered twice to our users.",
    "Users receive duplicate notification emails for the same event.",
    "Notifications for task assignments arrive twice."};
constexpr std::string_view notDupD[] = {"Both copies have the same timestamp.",
                                        "It started after the last release."};

constexpr std::string_view notSpamS[] = {"Notification emails going to spam",
                                         "Notifications blocked by our mail server",
                                         "Emails from the app land in junk folder"};
constexpr std::string_view notSpamP[] = {
    "Notification emails land in spam for most of our users.",
    "Our mail server rejects the notification emails as unauthenticated.",
    "Emails from the app are marked as junk since we changed the sender domain."};
constexpr std::string_view notSpamD[] = {"We use a custom sender domain.",
                                         "Our SPF record was updated recently."};

constexpr std::string_view notDelayS[] = {"Notifications delayed by hours",
                                          "Push and email notifications arriving late",
                                          "Alerts delivered hours after the event"};
constexpr std::string_view notDelayP[] = {
    "Notifications arrive hours after the event that triggered them.",
    "Email and push notifications are delayed by %N hours today.",
    "Time-critical alerts are delivered far too late to act on."};
constexpr std::string_view notDelayD[] = {"It affects all users in our workspace.",
                                          "We rely on these alerts for on-call."};

constexpr std::string_view notUnsubS[] = {"User not receiving digest emails",
                                          "Weekly digest stopped arriving",
                                          "No notification emails for one user"};
constexpr std::string_view notUnsubP[] = {"One of our users no longer receives the weekly digest.",
                                          "A user says notification emails stopped arriving.",
                                          "The daily digest does not reach some of our team."};
constexpr std::string_view notUnsubD[] = {"Other users receive them normally.",
                                          "The user may have clicked unsubscribe."};

constexpr std::string_view notRulesS[] = {"Need per-channel notification rules",
                                          "Feature request: notification rules by project",
                                          "Let users mute notifications per project"};
constexpr std::string_view notRulesP[] = {
    "We need notification rules per channel so urgent items go to chat only.",
    "Please let users choose notifications per project.",
    "Users want to mute notifications for projects they only watch."};
constexpr std::string_view notRulesD[] = {"The volume of notifications is overwhelming our team.",
                                          "Other tools we use offer this."};

constexpr std::string_view notDocsS[] = {"Which events trigger notifications?",
                                         "Notification triggers not documented",
                                         "What sends a notification email"};
constexpr std::string_view notDocsP[] = {
    "We cannot find documentation listing which events send notifications.",
    "The docs do not explain what triggers a notification email.",
    "We need the list of notification triggers for our compliance review."};
constexpr std::string_view notDocsD[] = {"The help center article seems outdated.",
                                         "Our security team asked for this."};

// ---- Admin Console -------------------------------------------------------------------

constexpr std::string_view admRoleS[] = {"Custom role can't edit projects after permission change",
                                         "Custom role lost edit permission",
                                         "Permission denied for custom role users"};
constexpr std::string_view admRoleP[] = {
    "Users with our custom role can no longer edit projects after the permission change.",
    "Our custom role lost its edit permission and users get permission denied.",
    "Since the new permissions model, custom role users see read-only pages."};
constexpr std::string_view admRoleD[] = {"The role settings still show edit enabled.",
                                         "This affects %N users in our workspace."};

constexpr std::string_view admOwnerS[] = {"Admin can't transfer ownership",
                                          "Cannot remove former employee, owner permission",
                                          "Transfer workspace ownership before user leaves"};
constexpr std::string_view admOwnerP[] = {
    "Our admin cannot transfer ownership of a workspace from a departing employee.",
    "We cannot remove a former employee because they own several projects.",
    "The transfer ownership option is greyed out for our admins."};
constexpr std::string_view admOwnerD[] = {"The employee leaves on Friday.",
                                          "Our admin has the account admin role."};

constexpr std::string_view admDeleteS[] = {"Data deletion request under GDPR",
                                           "Request to delete a former customer's data",
                                           "Retention period for deleted records"};
constexpr std::string_view admDeleteP[] = {
    "We received a GDPR deletion request and need all data of one person removed.",
    "We need to know how long deleted records are retained and whether backups are purged.",
    "Please confirm the process for permanent deletion of a customer's records."};
constexpr std::string_view admDeleteD[] = {"Our DPO needs a written confirmation.",
                                           "The deadline for our answer is %N days."};

constexpr std::string_view admSeatsS[] = {"Seat count not updated after purchase",
                                          "Bought %N seats, still at the old limit",
                                          "New licenses not applied"};
constexpr std::string_view admSeatsP[] = {
    "We purchased %N additional seats but the admin console still shows the old limit.",
    "Our new licenses were paid for but cannot be assigned.",
    "The seat limit did not change after the order was confirmed."};
constexpr std::string_view admSeatsD[] = {"New hires are waiting for access.",
                                          "The order confirmation is attached."};

constexpr std::string_view admOnboardS[] = {"How to set up teams and roles",
                                            "Help configuring admin console for new teams",
                                            "Training request: admin basics"};
constexpr std::string_view admOnboardP[] = {
    "We are onboarding %U new users and need help setting up teams and roles.",
    "Our new admin needs an introduction to the admin console.",
    "Could you explain the difference between teams, groups and roles?"};
constexpr std::string_view admOnboardD[] = {"We are still on the trial setup.",
                                            "The previous admin left the company."};

constexpr std::string_view admAuditS[] = {"Audit log missing entries",
                                          "Audit log does not show permission changes",
                                          "Gaps in the audit log export"};
constexpr std::string_view admAuditP[] = {
    "The audit log is missing entries for changes we know were made.",
    "Permission changes do not appear in the audit log.",
    "The audit log export has gaps of several hours."};
constexpr std::string_view admAuditD[] = {"We need the log for an ISO audit next week.",
                                          "Other event types are logged."};

constexpr std::string_view admSandboxS[] = {"Sandbox refresh request not actioned",
                                            "Still waiting for sandbox refresh",
                                            "Sandbox refresh requested %N days ago"};
constexpr std::string_view admSandboxP[] = {
    "We requested a sandbox refresh %N days ago and nothing has happened.",
    "Our sandbox refresh request seems to have been lost.",
    "The sandbox still has last quarter's data although a refresh was confirmed."};
constexpr std::string_view admSandboxD[] = {"Our release testing is blocked.",
                                            "Nobody replied to our last two follow-ups."};

constexpr std::string_view admTrialS[] = {"Request to extend trial for evaluation",
                                          "Exception to contract terms for pilot",
                                          "Extend pilot by %N weeks"};
constexpr std::string_view admTrialP[] = {
    "We would like to extend our trial by %N weeks to finish the evaluation.",
    "Our pilot needs an exception to the standard contract terms.",
    "Can the pilot be extended while procurement finishes the paperwork?"};
constexpr std::string_view admTrialD[] = {"The sales contact is on leave.",
                                          "We plan to roll out to %U users."};

constexpr std::array templates{
    // Billing
    IssueTemplate{"Billing", RC::ProductBug, "billing.invoice_tax", billTaxS, billTaxP, billTaxD,
                  "Fixed", "Corrected the tax calculation and issued a revised invoice.", "invoice",
                  "KI-1017"},
    IssueTemplate{"Billing",
                  RC::Configuration,
                  "billing.payment_declined",
                  billCardS,
                  billCardP,
                  billCardD,
                  "Configuration change",
                  "Updated the payment method and re-ran the renewal charge.",
                  "payment",
                  {}},
    IssueTemplate{"Billing",
                  RC::UserError,
                  "billing.invoice_download",
                  billDownloadS,
                  billDownloadP,
                  billDownloadD,
                  "Answered",
                  "Pointed to Billing > Invoices and sent the PDF copies.",
                  "invoice",
                  {}},
    IssueTemplate{"Billing",
                  RC::PolicyGap,
                  "billing.refund_request",
                  billRefundS,
                  billRefundP,
                  billRefundD,
                  "Exception granted",
                  "No policy for mid-term seat refunds; account credit approved as an exception.",
                  "refund",
                  {}},
    IssueTemplate{"Billing", RC::ProductBug, "billing.duplicate_charge", billDoubleS, billDoubleP,
                  billDoubleD, "Fixed",
                  "Voided the duplicate invoice and refunded the second charge.", "payment",
                  "KI-1008"},
    IssueTemplate{"Billing",
                  RC::ProcessFailure,
                  "billing.credit_note_missing",
                  billCreditS,
                  billCreditP,
                  billCreditD,
                  "Resolved",
                  "Credit note issued; the request had no owner after the first reply.",
                  "credit-note",
                  {}},
    IssueTemplate{"Billing",
                  RC::DocumentationGap,
                  "billing.proration_question",
                  billProrationS,
                  billProrationP,
                  billProrationD,
                  "Answered",
                  "Explained the proration formula; article update requested.",
                  "proration",
                  {}},
    // Integrations
    IssueTemplate{"Integrations", RC::IntegrationIssue, "integrations.crm_sync", intSyncS, intSyncP,
                  intSyncD, "Workaround provided",
                  "Re-authorised the connector and triggered a full resync.", "sync", "KI-1031"},
    IssueTemplate{"Integrations",
                  RC::IntegrationIssue,
                  "integrations.webhook_delay",
                  intWebhookDelayS,
                  intWebhookDelayP,
                  intWebhookDelayD,
                  "Workaround provided",
                  "Delivery queue drained; advised idempotent handling of retries.",
                  "webhook",
                  {}},
    IssueTemplate{"Integrations",
                  RC::IntegrationIssue,
                  "integrations.order_sync",
                  intShopS,
                  intShopP,
                  intShopD,
                  "Workaround provided",
                  "Enabled the hourly reconciliation job for the order sync.",
                  "sync",
                  {}},
    IssueTemplate{"Integrations", RC::ProductBug, "integrations.jira_duplicates", intJiraS,
                  intJiraP, intJiraD, "Fixed",
                  "Fixed issue linking after project rename; duplicates merged.", "jira",
                  "KI-1036"},
    IssueTemplate{"Integrations",
                  RC::FeatureGap,
                  "integrations.field_mapping",
                  intMappingS,
                  intMappingP,
                  intMappingD,
                  "Feature request logged",
                  "Logged the request for custom field mapping with product.",
                  "feature-request",
                  {}},
    IssueTemplate{"Integrations",
                  RC::Configuration,
                  "integrations.rate_limit",
                  intRateS,
                  intRateP,
                  intRateD,
                  "Configuration change",
                  "Spread the job over several tokens and enabled backoff on 429.",
                  "api",
                  {}},
    IssueTemplate{"Integrations",
                  RC::DocumentationGap,
                  "integrations.api_scopes",
                  intScopesS,
                  intScopesP,
                  intScopesD,
                  "Answered",
                  "Listed the required OAuth scopes; API reference ticket opened.",
                  "api",
                  {}},
    IssueTemplate{"Integrations", RC::Infrastructure, "integrations.api_timeout", intTimeoutS,
                  intTimeoutP, intTimeoutD, "Fixed",
                  "Load balancer pool in the EU region scaled up; timeouts stopped.", "api",
                  "KI-1049"},
    // Authentication & SSO
    IssueTemplate{"Authentication & SSO", RC::AccessPermissions, "auth.sso_group_mapping",
                  authGroupS, authGroupP, authGroupD, "Permissions updated",
                  "Re-mapped the SSO group to the role and re-synced affected users.", "sso",
                  "KI-1057"},
    IssueTemplate{"Authentication & SSO",
                  RC::Configuration,
                  "auth.saml_config",
                  authSamlS,
                  authSamlP,
                  authSamlD,
                  "Configuration change",
                  "Corrected the SAML audience and uploaded the new certificate.",
                  "sso",
                  {}},
    IssueTemplate{"Authentication & SSO",
                  RC::UserError,
                  "auth.lockout",
                  authLockS,
                  authLockP,
                  authLockD,
                  "Answered",
                  "Unlocked the account and confirmed the reset address.",
                  "login",
                  {}},
    IssueTemplate{
        "Authentication & SSO", RC::ProductBug, "auth.mfa_rejected", authMfaS, authMfaP, authMfaD,
        "Fixed", "Fixed the TOTP window check; codes validate on first attempt.", "mfa", "KI-1022"},
    IssueTemplate{"Authentication & SSO", RC::Infrastructure, "auth.login_latency", authSlowS,
                  authSlowP, authSlowD, "Fixed",
                  "Session store failover resolved; login latency back to normal.", "login",
                  "KI-1063"},
    IssueTemplate{"Authentication & SSO", RC::AccessPermissions, "auth.scim_access", authScimS,
                  authScimP, authScimD, "Permissions updated",
                  "Restored permissions and corrected the SCIM group filter.", "scim", "KI-1057"},
    IssueTemplate{"Authentication & SSO",
                  RC::TrainingGap,
                  "auth.sso_enforcement",
                  authEnforceS,
                  authEnforceP,
                  authEnforceD,
                  "Training provided",
                  "Walked the admin through SSO enforcement with exceptions.",
                  "sso",
                  {}},
    // Reporting
    IssueTemplate{"Reporting", RC::ProductBug, "reporting.totals_mismatch", repTotalsS, repTotalsP,
                  repTotalsD, "Fixed",
                  "Fixed rounding in report aggregation; totals now match the export.", "report",
                  "KI-1026"},
    IssueTemplate{"Reporting",
                  RC::FeatureGap,
                  "reporting.scheduling",
                  repScheduleS,
                  repScheduleP,
                  repScheduleD,
                  "Feature request logged",
                  "Logged the scheduling request; shared the export API as interim.",
                  "feature-request",
                  {}},
    IssueTemplate{"Reporting",
                  RC::AccessPermissions,
                  "reporting.shared_dashboard",
                  repSharedS,
                  repSharedP,
                  repSharedD,
                  "Permissions updated",
                  "Re-shared the dashboard under the new permissions model.",
                  "permissions",
                  {}},
    IssueTemplate{"Reporting",
                  RC::UserError,
                  "reporting.filters",
                  repFilterS,
                  repFilterP,
                  repFilterD,
                  "Answered",
                  "Adjusted the report filter and time zone; data was complete.",
                  "report",
                  {}},
    IssueTemplate{"Reporting", RC::Infrastructure, "reporting.slow", repSlowS, repSlowP, repSlowD,
                  "Fixed", "Reporting cluster capacity increased; reports load again.",
                  "performance", "KI-1045"},
    IssueTemplate{"Reporting",
                  RC::TrainingGap,
                  "reporting.how_to",
                  repHowToS,
                  repHowToP,
                  repHowToD,
                  "Training provided",
                  "Ran a short session on custom reports.",
                  "how-to",
                  {}},
    // Mobile App
    IssueTemplate{"Mobile App", RC::ProductBug, "mobile.crash_on_launch", mobCrashS, mobCrashP,
                  mobCrashD, "Fixed", "Crash fixed in the next app release.", "crash", "KI-1012"},
    IssueTemplate{"Mobile App", RC::ProductBug, "mobile.offline_sync", mobOfflineS, mobOfflineP,
                  mobOfflineD, "Workaround provided",
                  "Advised syncing before going offline until the conflict fix ships.", "offline",
                  "KI-1053"},
    IssueTemplate{"Mobile App",
                  RC::UserError,
                  "mobile.navigation",
                  mobNavS,
                  mobNavP,
                  mobNavD,
                  "Answered",
                  "Showed where the setting lives in the app menu.",
                  "how-to",
                  {}},
    IssueTemplate{"Mobile App",
                  RC::FeatureGap,
                  "mobile.feature_request",
                  mobFeatureS,
                  mobFeatureP,
                  mobFeatureD,
                  "Feature request logged",
                  "Added the customer to the feature request.",
                  "feature-request",
                  {}},
    IssueTemplate{"Mobile App",
                  RC::Configuration,
                  "mobile.mdm_login",
                  mobMdmS,
                  mobMdmP,
                  mobMdmD,
                  "Configuration change",
                  "Added the app domains to the MDM VPN bypass list.",
                  "mdm",
                  {}},
    IssueTemplate{"Mobile App",
                  RC::AccessPermissions,
                  "mobile.project_visibility",
                  mobPermS,
                  mobPermP,
                  mobPermD,
                  "Permissions updated",
                  "Granted project visibility to the technician role.",
                  "permissions",
                  {}},
    // Data Import
    IssueTemplate{"Data Import",
                  RC::UserError,
                  "import.date_format",
                  impDateS,
                  impDateP,
                  impDateD,
                  "Answered",
                  "Explained the accepted date formats; file re-imported.",
                  "import",
                  {}},
    IssueTemplate{"Data Import", RC::ProductBug, "import.stalled", impStallS, impStallP, impStallD,
                  "Workaround provided", "Split the file into smaller batches until the fix ships.",
                  "import", "KI-1004"},
    IssueTemplate{"Data Import",
                  RC::DocumentationGap,
                  "import.template_docs",
                  impDocsS,
                  impDocsP,
                  impDocsD,
                  "Answered",
                  "Explained the template columns; documentation update requested.",
                  "import",
                  {}},
    IssueTemplate{"Data Import",
                  RC::FeatureGap,
                  "import.update_existing",
                  impUpsertS,
                  impUpsertP,
                  impUpsertD,
                  "Feature request logged",
                  "Logged the update-on-import request.",
                  "feature-request",
                  {}},
    IssueTemplate{"Data Import",
                  RC::Configuration,
                  "import.duplicates",
                  impDupS,
                  impDupP,
                  impDupD,
                  "Configuration change",
                  "Set the matching key to the external id and merged duplicates.",
                  "import",
                  {}},
    IssueTemplate{"Data Import",
                  RC::TrainingGap,
                  "import.mapping_help",
                  impMapS,
                  impMapP,
                  impMapD,
                  "Training provided",
                  "Walked the team through field mapping.",
                  "how-to",
                  {}},
    IssueTemplate{"Data Import",
                  RC::AccessPermissions,
                  "import.permission",
                  impPermS,
                  impPermP,
                  impPermD,
                  "Permissions updated",
                  "Added the import permission to the manager role.",
                  "permissions",
                  {}},
    // Notifications
    IssueTemplate{"Notifications", RC::ProductBug, "notifications.duplicates", notDupS, notDupP,
                  notDupD, "Fixed", "Fixed duplicate dispatch in the notification queue.", "email",
                  "KI-1039"},
    IssueTemplate{"Notifications",
                  RC::Configuration,
                  "notifications.deliverability",
                  notSpamS,
                  notSpamP,
                  notSpamD,
                  "Configuration change",
                  "Added the DKIM record and SPF include for the sender domain.",
                  "email",
                  {}},
    IssueTemplate{"Notifications", RC::Infrastructure, "notifications.delay", notDelayS, notDelayP,
                  notDelayD, "Fixed", "Queue backlog cleared after worker scale-out.",
                  "performance", "KI-1066"},
    IssueTemplate{"Notifications",
                  RC::UserError,
                  "notifications.unsubscribed",
                  notUnsubS,
                  notUnsubP,
                  notUnsubD,
                  "Answered",
                  "User had unsubscribed; re-enabled the digest.",
                  "email",
                  {}},
    IssueTemplate{"Notifications",
                  RC::FeatureGap,
                  "notifications.rules",
                  notRulesS,
                  notRulesP,
                  notRulesD,
                  "Feature request logged",
                  "Logged the notification rules request.",
                  "feature-request",
                  {}},
    IssueTemplate{"Notifications",
                  RC::DocumentationGap,
                  "notifications.triggers_docs",
                  notDocsS,
                  notDocsP,
                  notDocsD,
                  "Answered",
                  "Sent the list of triggers; documentation update requested.",
                  "docs",
                  {}},
    // Admin Console
    IssueTemplate{"Admin Console", RC::AccessPermissions, "admin.custom_role", admRoleS, admRoleP,
                  admRoleD, "Permissions updated",
                  "Re-applied the custom role under the new permissions model.", "permissions",
                  "KI-1071"},
    IssueTemplate{"Admin Console",
                  RC::AccessPermissions,
                  "admin.ownership_transfer",
                  admOwnerS,
                  admOwnerP,
                  admOwnerD,
                  "Permissions updated",
                  "Transferred ownership through the account admin role.",
                  "permissions",
                  {}},
    IssueTemplate{"Admin Console",
                  RC::PolicyGap,
                  "admin.data_deletion",
                  admDeleteS,
                  admDeleteP,
                  admDeleteD,
                  "Answered",
                  "Confirmed deletion and retention with legal; policy page requested.",
                  "gdpr",
                  {}},
    IssueTemplate{"Admin Console",
                  RC::ProcessFailure,
                  "admin.seat_provisioning",
                  admSeatsS,
                  admSeatsP,
                  admSeatsD,
                  "Resolved",
                  "Seats applied manually; the order had not reached provisioning.",
                  "licenses",
                  {}},
    IssueTemplate{"Admin Console",
                  RC::TrainingGap,
                  "admin.onboarding",
                  admOnboardS,
                  admOnboardP,
                  admOnboardD,
                  "Training provided",
                  "Onboarding session held with the new admin.",
                  "how-to",
                  {}},
    IssueTemplate{"Admin Console", RC::ProductBug, "admin.audit_log_gaps", admAuditS, admAuditP,
                  admAuditD, "Fixed", "Audit log indexing fixed and backfilled.", "audit-log",
                  "KI-1059"},
    IssueTemplate{"Admin Console",
                  RC::ProcessFailure,
                  "admin.sandbox_refresh",
                  admSandboxS,
                  admSandboxP,
                  admSandboxD,
                  "Resolved",
                  "Sandbox refreshed; the request had been dropped between teams.",
                  "sandbox",
                  {}},
    IssueTemplate{"Admin Console",
                  RC::PolicyGap,
                  "admin.trial_extension",
                  admTrialS,
                  admTrialP,
                  admTrialD,
                  "Exception granted",
                  "Trial extended by exception; no standard policy exists.",
                  "trial",
                  {}},
};

constexpr IssueTemplate incident{"Integrations",
                                 RC::IntegrationIssue,
                                 "integrations.webhook_signature",
                                 incidentS,
                                 incidentP,
                                 incidentD,
                                 "Known issue - workaround",
                                 "Known issue KI-1042: verify against the raw request body; "
                                 "fixed in API v2.3.1.",
                                 "api-v2.3",
                                 "KI-1042"};

constexpr KnownIssueText knownIssues[] = {
    {"KI-1004",
     "Large imports stall at 99% while indexing",
     "Data Import",
     "Open",
     "import,stalled,99%,processing,large file",
     "Split files into batches of 20,000 rows.",
     {},
     "KB-3104"},
    {"KI-1008", "Plan upgrade can create a duplicate charge", "Billing", "Fixed",
     "duplicate charge,charged twice,upgrade,invoice", "Void the duplicate invoice and refund.",
     "2026.08", "KB-3112"},
    {"KI-1012", "Mobile app crashes on launch on some Android devices", "Mobile App", "Fixed",
     "crash,launch,closes,splash screen,mobile app", "Clear app storage and reinstall.",
     "Mobile 5.13.2", "KB-3120"},
    {"KI-1015",
     "CSV export drops leading zeros",
     "Reporting",
     "Won't Fix",
     "export,csv,leading zeros",
     "Import the CSV as text columns.",
     {},
     "KB-3125"},
    {"KI-1017", "Sales tax uses billing country instead of state for US invoices", "Billing",
     "In Progress", "sales tax,invoice,tax rate,state", "Request a revised invoice from billing.",
     "2026.12", "KB-3131"},
    {"KI-1020",
     "Calendar sync skips recurring events",
     "Integrations",
     "Open",
     "calendar,sync,recurring",
     "Re-create the series after the first sync.",
     {},
     "KB-3133"},
    {"KI-1022", "TOTP codes rejected at the start of the time window", "Authentication & SSO",
     "Fixed", "mfa,two-factor,code invalid,totp", "Wait for the next code.", "2026.09", "KB-3140"},
    {"KI-1026", "Report totals round differently from the CSV export", "Reporting", "Fixed",
     "totals,export,dashboard,mismatch,rounding", "Use the export as the source of truth.",
     "2026.07", "KB-3148"},
    {"KI-1028",
     "Bulk edit times out above 5,000 records",
     "Admin Console",
     "Open",
     "bulk edit,timeout",
     "Edit in batches of 1,000.",
     {},
     "KB-3150"},
    {"KI-1031", "CRM connector stops syncing after token refresh fails", "Integrations",
     "In Progress", "sync,crm,salesforce,hubspot,token", "Re-authorise the connector.", "2026.12",
     "KB-3157"},
    {"KI-1034",
     "Push notifications not delivered on iOS 18 focus mode",
     "Notifications",
     "Open",
     "push,ios,focus",
     "Allow the app in focus mode settings.",
     {},
     "KB-3161"},
    {"KI-1036", "Jira integration creates duplicate issues after project rename", "Integrations",
     "Fixed", "jira,duplicate issues,project rename", "Re-link the project.", "2026.10", "KB-3166"},
    {"KI-1039", "Notification emails dispatched twice after queue retry", "Notifications", "Fixed",
     "email,duplicate,twice,notification emails", "None needed after the fix.", "2026.09",
     "KB-3170"},
    {"KI-1042", "Webhook signature validation fails on API v2.3", "Integrations", "Fixed",
     "webhook,signature,api v2.3,hmac,invalid signature",
     "Compute the HMAC over the raw request body, or pin webhooks to API v2.2.", "API 2.3.1",
     "KB-3177"},
    {"KI-1045",
     "Reports time out for date ranges over one quarter",
     "Reporting",
     "In Progress",
     "report,slow,timeout,dashboard",
     "Narrow the date range or schedule the export.",
     {},
     "KB-3182"},
    {"KI-1047",
     "Scheduled exports sent in UTC instead of account time zone",
     "Reporting",
     "Open",
     "scheduled export,time zone",
     "Shift the schedule by the UTC offset.",
     {},
     "KB-3186"},
    {"KI-1049", "Intermittent 504 errors from the EU API endpoint", "Integrations", "Fixed",
     "504,gateway timeout,api,eu endpoint", "Retry with exponential backoff.", "Infra 2026-09",
     "KB-3191"},
    {"KI-1051",
     "SSO login loops on Safari with third-party cookies blocked",
     "Authentication & SSO",
     "Open",
     "sso,safari,login loop,cookies",
     "Allow cookies for the login domain.",
     {},
     "KB-3195"},
    {"KI-1053", "Offline edits overwritten by server version on sync", "Mobile App", "In Progress",
     "offline,sync,edits lost,overwrite", "Sync before going offline.", "Mobile 5.14", "KB-3199"},
    {"KI-1055",
     "Digest emails skip users with a secondary email address",
     "Notifications",
     "Open",
     "digest,email,secondary address",
     "Set the primary address as the notification address.",
     {},
     "KB-3203"},
    {"KI-1057", "SSO group mapping ignores nested groups", "Authentication & SSO", "In Progress",
     "sso,group mapping,role,scim,nested groups",
     "Map the parent group directly or assign roles by hand.", "2027.01", "KB-3208"},
    {"KI-1059", "Audit log misses permission changes made through the API", "Admin Console",
     "Fixed", "audit log,missing entries,permission changes", "Use the API request log.", "2026.10",
     "KB-3212"},
    {"KI-1063", "Login latency during session store failover", "Authentication & SSO", "Fixed",
     "login,slow,timeout,session", "Retry after a few minutes.", "Infra 2026-10", "KB-3217"},
    {"KI-1066", "Notification queue backlog delays alerts", "Notifications", "Fixed",
     "notifications,delayed,queue,alerts", "Use the in-app inbox meanwhile.", "Infra 2026-08",
     "KB-3221"},
    {"KI-1071", "Custom roles lose permissions after migration to the new permissions model",
     "Admin Console", "Open",
     "custom role,permission denied,permissions model,edit permission,read-only",
     "Re-save the role in the admin console to re-apply its permissions.", "2027.01", "KB-3226"},
};

// ---- Description pieces ----------------------------------------------------------

constexpr std::string_view emailOpeners[] = {"Hello support team. ", "Hi. ", "Good morning. ", ""};
constexpr std::string_view webOpeners[] = {"", "Hi. ", "Hello. "};
constexpr std::string_view chatOpeners[] = {"Hi! ", "Hey, quick question. ", "Hi there. "};
constexpr std::string_view phoneOpeners[] = {
    "Customer called: ", "Phone call summary: ", "Caller reports: "};

constexpr std::string_view criticalImpact[] = {
    "This is blocking our whole team and we need help urgently.",
    "Production is affected for all of our users.",
    "This is critical for us, please call back as soon as possible."};
constexpr std::string_view highImpact[] = {"Many of our users are affected.",
                                           "This is slowing down several teams.",
                                           "We need this resolved today if possible."};
constexpr std::string_view mediumImpact[] = {"It is causing extra manual work.",
                                             "Some users are affected.",
                                             "We would appreciate a quick answer."};
constexpr std::string_view lowImpact[] = {"Not urgent.", "No rush on this one.",
                                          "Whenever you have a moment."};

constexpr std::string_view closerTexts[] = {"Thanks.", "Thank you!", "Best regards.",
                                            "Thanks in advance.", ""};

// ---- Placeholder values -------------------------------------------------------------

constexpr std::string_view integrations[] = {"Salesforce", "HubSpot",  "Slack", "Zapier",
                                             "Shopify",    "NetSuite", "Jira",  "Microsoft Teams"};
constexpr std::string_view browsers[] = {"Chrome", "Firefox", "Safari", "Edge"};
constexpr std::string_view devices[] = {"iPhone 15",  "iPhone 13", "Pixel 8",
                                        "Galaxy S23", "iPad Air",  "Galaxy Tab S9"};
constexpr std::string_view appVersions[] = {"5.12.0", "5.12.1", "5.13.0", "5.13.1", "5.13.2"};
constexpr std::string_view numbers[] = {"2", "3", "4", "5", "6", "8", "10", "12", "15", "20"};
constexpr std::string_view userCounts[] = {"15", "25", "40", "60", "120", "250"};
constexpr std::string_view reports[] = {
    "Pipeline", "Team Performance", "Monthly Revenue", "Utilisation", "Churn", "Backlog Ageing"};
constexpr std::string_view files[] = {"contacts.csv", "customers_q3.csv", "orders_export.csv",
                                      "assets.csv", "users.csv"};
constexpr std::string_view errorCodes[] = {"E4012", "E5003", "E4290", "E1107"};
constexpr std::string_view plans[] = {"Business", "Professional", "Enterprise Plus", "Team"};
constexpr std::string_view weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
constexpr std::string_view ssoProviders[] = {"Okta", "Azure AD", "Google Workspace", "OneLogin"};

// ---- Names ----------------------------------------------------------------------

constexpr std::string_view first[] = {
    "Olivia", "Liam",   "Emma",  "Noah",   "Ava",    "Elijah", "Sophia", "Lucas", "Mia",   "Mateo",
    "Amara",  "Hiro",   "Priya", "Diego",  "Chloe",  "Omar",   "Grace",  "Kai",   "Zoe",   "Ethan",
    "Leila",  "Marcus", "Nina",  "Samuel", "Hannah", "Tariq",  "Isla",   "Jonas", "Maya",  "Felix",
    "Rosa",   "Victor", "Aisha", "Daniel", "Lena",   "Carlos", "Ines",   "Ravi",  "Freya", "Andre"};
constexpr std::string_view last[] = {
    "Martin",   "Nguyen", "Patel",   "Garcia",    "Kim",    "Okafor", "Schmidt", "Rossi",
    "Silva",    "Cohen",  "Tanaka",  "Murphy",    "Lopez",  "Novak",  "Haddad",  "Berg",
    "Walker",   "Costa",  "Ahmed",   "Fischer",   "Reyes",  "Larsen", "Mensah",  "Dubois",
    "Kowalski", "Sato",   "Brennan", "Ibrahim",   "Moreau", "Jensen", "Chen",    "Alvarez",
    "Hughes",   "Petrov", "Osei",    "Lindqvist", "Ortiz",  "Yilmaz", "Bianchi", "Clarke"};

constexpr std::string_view stems[] = {
    "Northwind", "Bluepeak",   "Summit",   "Riverton",   "Brightline", "Evergreen", "Ironwood",
    "Cobalt",    "Harborview", "Meridian", "Silverline", "Oakridge",   "Lakeshore", "Pinecrest",
    "Redstone",  "Clearwater", "Granite",  "Westfield",  "Highland",   "Crescent",  "Beacon",
    "Trident",   "Aurora",     "Sterling", "Keystone",   "Horizon",    "Cedar",     "Falcon",
    "Orchard",   "Vantage",    "Pioneer",  "Atlas",      "Juniper",    "Maple",     "Quarry",
    "Sapphire",  "Tidewater",  "Union",    "Willow",     "Zenith",     "Alder",     "Birch",
    "Canyon",    "Delta",      "Echo",     "Fjord",      "Glacier",    "Halcyon",   "Indigo",
    "Larkspur",  "Mosaic",     "Nimbus",   "Onyx",       "Prairie",    "Quartz",    "Rowan",
    "Sequoia",   "Tamarack",   "Upland",   "Vista"};
constexpr std::string_view techSuffixes[] = {"Software", "Labs",      "Systems",
                                             "Cloud",    "Analytics", "Networks"};
constexpr std::string_view retailSuffixes[] = {"Retail", "Outfitters", "Market",
                                               "Stores", "Goods",      "Commerce"};
constexpr std::string_view financeSuffixes[] = {"Capital",   "Bank",         "Financial",
                                                "Insurance", "Credit Union", "Partners"};
constexpr std::string_view healthSuffixes[] = {"Health", "Medical Group", "Clinics",
                                               "Care",   "Hospital",      "Diagnostics"};
constexpr std::string_view educationSuffixes[] = {"University",      "College",  "Academy",
                                                  "School District", "Learning", "Institute"};
constexpr std::string_view manufacturingSuffixes[] = {"Manufacturing", "Industries",  "Works",
                                                      "Components",    "Fabrication", "Machinery"};

// ---- Event notes ----------------------------------------------------------------

constexpr std::string_view toTier2Notes[] = {
    "Need developer review: reproduced, logs and screenshots attached.",
    "KB searched, SOPs exhausted; repro steps attached.",
    "Customer blocked; error message and HAR file attached.",
    "Escalating per severity rule; effort summary in internal note."};
constexpr std::string_view toTier3Notes[] = {
    "Needs engineering: reproduced on staging, stack trace attached.",
    "Product defect suspected; see repro steps and logs.",
    "Needs engineering investigation; affects several customers."};
constexpr std::string_view bounceTexts[] = {
    "Missing reproduction steps and logs; please gather and re-escalate.",
    "Covered by KB article; frontline can resolve.",
    "Configuration question, not a defect; returned with guidance.",
    "Escalation checklist incomplete; no screenshots attached."};
constexpr std::string_view infoTexts[] = {"Asked customer for HAR file and exact timestamps.",
                                          "Requested account id and affected user emails.",
                                          "Need the full error message and steps to reproduce."};
constexpr std::string_view pauseTexts[] = {"Waiting for customer.",
                                           "Waiting for customer to test the workaround.",
                                           "Waiting for maintenance window."};
constexpr std::string_view fixNotes[] = {"Fix deployed.", "Patch scheduled for next release."};
constexpr std::string_view workaroundNotes[] = {"Workaround shared with customer.",
                                                "Temporary workaround applied."};
constexpr std::string_view knownIssueNotes[] = {"Matches known issue; linked and workaround sent."};
constexpr std::string_view notABugNotes[] = {"Works as designed; explained to customer.",
                                             "Not a defect; configuration guidance given."};
constexpr std::string_view productDecisionNotes[] = {
    "Needs product decision; logged for PM review.", "Feature gap; routed to product board."};

} // namespace

std::span<const IssueTemplate> issueTemplates() {
    return templates;
}

const IssueTemplate& incidentTemplate() {
    return incident;
}

std::span<const KnownIssueText> knownIssueTexts() {
    return knownIssues;
}

Texts openers(std::string_view channel) {
    if (channel == "email") {
        return emailOpeners;
    }
    if (channel == "chat") {
        return chatOpeners;
    }
    if (channel == "phone") {
        return phoneOpeners;
    }
    return webOpeners;
}

Texts impactSentences(std::string_view priority) {
    if (priority == "Critical") {
        return criticalImpact;
    }
    if (priority == "High") {
        return highImpact;
    }
    if (priority == "Medium") {
        return mediumImpact;
    }
    return lowImpact;
}

Texts closers() {
    return closerTexts;
}

Texts placeholderValues(char key) {
    switch (key) {
    case 'I':
        return integrations;
    case 'B':
        return browsers;
    case 'D':
        return devices;
    case 'V':
        return appVersions;
    case 'N':
        return numbers;
    case 'U':
        return userCounts;
    case 'R':
        return reports;
    case 'F':
        return files;
    case 'E':
        return errorCodes;
    case 'P':
        return plans;
    case 'W':
        return weekdays;
    case 'S':
        return ssoProviders;
    default:
        return {};
    }
}

Texts firstNames() {
    return first;
}

Texts lastNames() {
    return last;
}

Texts companyStems() {
    return stems;
}

Texts companySuffixes(std::string_view segment) {
    if (segment == "Technology") {
        return techSuffixes;
    }
    if (segment == "Retail") {
        return retailSuffixes;
    }
    if (segment == "Financial Services") {
        return financeSuffixes;
    }
    if (segment == "Healthcare") {
        return healthSuffixes;
    }
    if (segment == "Education") {
        return educationSuffixes;
    }
    return manufacturingSuffixes;
}

Texts escalationNotes(int toTier) {
    return toTier >= 3 ? Texts(toTier3Notes) : Texts(toTier2Notes);
}

Texts bounceNotes() {
    return bounceTexts;
}

Texts infoRequestNotes() {
    return infoTexts;
}

Texts pauseNotes() {
    return pauseTexts;
}

Texts decisionNotes(std::string_view decisionType) {
    if (decisionType == "fix") {
        return fixNotes;
    }
    if (decisionType == "workaround") {
        return workaroundNotes;
    }
    if (decisionType == "known issue") {
        return knownIssueNotes;
    }
    if (decisionType == "not a bug") {
        return notABugNotes;
    }
    return productDecisionNotes;
}

} // namespace escdesk::demo
