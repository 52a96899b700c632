#pragma once

// What counts as a documentation gap (SPEC §8, #21): a problem support has
// no article for. A cluster that no known issue explains is one; so is an
// escalation that matches a known issue whose knowledge-base article is
// missing — the issue is known, but nothing tells the front line what to do.

#include "domain/KnownIssue.h"

namespace escdesk::analysis {

// Whether the known issue has no knowledge-base article.
inline bool lacksKnowledgeBaseArticle(const KnownIssue& issue) {
    return issue.kbArticle.trimmed().isEmpty();
}

// Whether an escalation (or a cluster) matched to `issue` — null when none
// matched — is a documentation gap.
inline bool isDocumentationGap(const KnownIssue* issue) {
    return !issue || lacksKnowledgeBaseArticle(*issue);
}

} // namespace escdesk::analysis
