#include "analysis/KnownIssueMatcher.h"

#include "matrix/Matrix.h"
#include "text/Words.h"

#include <algorithm>

namespace escdesk::analysis {

KnownIssueMatcher::KnownIssueMatcher(std::vector<KnownIssue> issues)
    : m_issues(std::move(issues)) {
    for (const KnownIssue& issue : m_issues) {
        Prepared prepared;
        prepared.productArea = issue.productArea.trimmed();
        for (const QString& keyword : matrix::listItems(issue.keywords)) {
            QStringList stems = text::wordStems(keyword);
            if (!stems.isEmpty()) {
                prepared.keywordStems.push_back(std::move(stems));
            }
        }
        m_prepared.push_back(std::move(prepared));
    }
}

std::optional<std::size_t> KnownIssueMatcher::bestMatch(const QString& productArea,
                                                        const QString& subject,
                                                        const QString& description) const {
    std::optional<std::size_t> best;
    int bestHits = 0;
    QStringList text; // stemmed once, only when a product area fits
    for (std::size_t i = 0; i < m_prepared.size(); ++i) {
        const Prepared& issue = m_prepared[i];
        if (!issue.productArea.isEmpty() &&
            issue.productArea.compare(productArea.trimmed(), Qt::CaseInsensitive) != 0) {
            continue;
        }
        if (text.isEmpty()) {
            text = text::wordStems(subject + QLatin1Char('\n') + description);
        }
        int hits = 0;
        bool phraseHit = false;
        for (const QStringList& stems : issue.keywordStems) {
            if (text::containsStems(text, stems)) {
                ++hits;
                phraseHit = phraseHit || stems.size() > 1;
            }
        }
        if ((hits >= 2 || phraseHit) && hits > bestHits) {
            best = i;
            bestHits = hits;
        }
    }
    return best;
}

} // namespace escdesk::analysis
