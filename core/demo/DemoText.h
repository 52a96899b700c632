#pragma once

// The demo workspace's vocabulary: product areas, root causes (the default
// taxonomy of SPEC §5), the ticket templates that give subjects and
// descriptions per product area and root cause, the known issues, and the
// parts of account and agent names. Tickets of one template share their
// wording, so text clustering groups them as a support lead would.
//
// Placeholders in template text are replaced per ticket:
//   %I integration   %B browser      %D device       %V app version
//   %N small number  %U user count   %R report name  %F file name
//   %E error code    %P plan name    %W weekday      %S SSO provider

#include <span>
#include <string_view>

namespace escdesk::demo {

enum class RootCause {
    ProductBug,
    FeatureGap,
    IntegrationIssue,
    Configuration,
    UserError,
    AccessPermissions,
    DocumentationGap,
    TrainingGap,
    PolicyGap,
    ProcessFailure,
    Infrastructure,
};
inline constexpr int rootCauseCount = 11;

std::string_view rootCauseName(RootCause cause);

struct IssueTemplate {
    std::string_view productArea;
    RootCause rootCause;
    std::string_view reasonCode;
    std::span<const std::string_view> subjects;
    std::span<const std::string_view> problems; // the description's first sentence
    std::span<const std::string_view> details;  // what the customer tried or saw
    std::string_view resolutionType;            // when resolved at tier 1
    std::string_view resolutionNote;
    std::string_view tag;
    std::string_view knownIssue; // empty when none
};

struct KnownIssueText {
    std::string_view id;
    std::string_view title;
    std::string_view productArea;
    std::string_view status;
    std::string_view keywords;
    std::string_view workaround;
    std::string_view fixVersion;
    std::string_view kbArticle;
};

// Every everyday template (the planted incident's template is separate).
std::span<const IssueTemplate> issueTemplates();
// The webhook-signature incident of the spike week (SPEC: planted pattern 1).
const IssueTemplate& incidentTemplate();
std::span<const KnownIssueText> knownIssueTexts();

// Description pieces: openers per channel, impact sentences per priority.
std::span<const std::string_view> openers(std::string_view channel);
std::span<const std::string_view> impactSentences(std::string_view priority);
std::span<const std::string_view> closers();

// Values for the placeholders, keyed by the placeholder letter.
std::span<const std::string_view> placeholderValues(char key);

// Name parts.
std::span<const std::string_view> firstNames();
std::span<const std::string_view> lastNames();
std::span<const std::string_view> companyStems();
std::span<const std::string_view> companySuffixes(std::string_view segment);

// Event notes.
std::span<const std::string_view> escalationNotes(int toTier);
std::span<const std::string_view> bounceNotes();
std::span<const std::string_view> infoRequestNotes();
std::span<const std::string_view> pauseNotes();
std::span<const std::string_view> decisionNotes(std::string_view decisionType);

} // namespace escdesk::demo
