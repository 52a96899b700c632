#pragma once

// Cross-references escalations with known issues (SPEC §8): a ticket matches
// a known issue when the issue's product area is the ticket's (or the issue
// names none) and its keywords occur in the ticket's subject or description
// — whole words, case-insensitive, plural/stem tolerant, as in the severity
// rules. One generic word ("api", "sync") is not enough: it takes two of the
// issue's keywords, or one keyword phrase of several words ("gateway
// timeout"). A ticket's match is the issue with the most keywords found.

#include "domain/KnownIssue.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace escdesk::analysis {

class KnownIssueMatcher {
public:
    explicit KnownIssueMatcher(std::vector<KnownIssue> issues);

    // The index into issues() of the issue the ticket matches best (most
    // keywords found, ties to the first issue), if any matches.
    std::optional<std::size_t> bestMatch(const QString& productArea, const QString& subject,
                                         const QString& description) const;

    const std::vector<KnownIssue>& issues() const { return m_issues; }

private:
    struct Prepared {
        QString productArea;
        std::vector<QStringList> keywordStems;
    };
    std::vector<KnownIssue> m_issues;
    std::vector<Prepared> m_prepared;
};

} // namespace escdesk::analysis
