#pragma once

// Sentiment of ticket text (issue #7): a score from 0 (very negative) through
// 50 (neutral) to 100 (very positive), from the AFINN-165 valence lexicon and
// the escalation matrix's keywords, with the words that drove it.
//
// Scoring, precisely (tests work it by hand):
// - Each text is split into lower-case words (text::lowerWords: apostrophes
//   dropped, so "can't" → "cant"). At each word the longest match wins:
//   first an escalation keyword of the matrix (word stems, as the severity
//   rules match them), valence `keywordValence`; else a lexicon word or
//   phrase ("not working", "fed up"; up to three words), its AFINN valence.
// - Negators ("not", "no", "never", "cant", "without", …) and intensifiers
//   ("very", "really", "extremely", …) are modifiers, never scored themselves.
// - An intensifier right before a scored term multiplies its valence by
//   `intensifierFactor` ("very bad": −3 × 1.5 = −4.5).
// - A negator among the three words before a scored term multiplies its
//   valence by `negationFactor` ("not happy": 3 × −0.5 = −1.5; "not very
//   happy": 3 × 1.5 × −0.5 = −2.25). A lexicon phrase that holds its own
//   negation ("not good" −2) is taken as the lexicon rates it.
// - The valences are summed to S over all texts and mapped to
//   score = 50 × (1 + S / √(S² + 15)) — VADER's normalisation — so one
//   mildly negative word moves the score a little and many move it towards 0.

#include "matrix/Matrix.h"
#include "matrix/TicketAssessment.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace escdesk::risk {

inline constexpr double keywordValence = -3.0;
inline constexpr double intensifierFactor = 1.5;
inline constexpr double negationFactor = -0.5;
inline constexpr int negationWindow = 3;
inline constexpr double sentimentAlpha = 15.0;

// One term that moved the score: its words as written (with the modifiers
// that changed it, "not very happy"), its summed contribution over all its
// occurrences and why it counted.
struct SentimentDriver {
    enum class Source { Lexicon, EscalationKeyword };
    QString words;
    double valence = 0.0;
    int occurrences = 0;
    Source source = Source::Lexicon;
    bool negated = false;
    bool intensified = false;
};

struct Sentiment {
    double score = 50.0;   // 0 very negative, 50 neutral, 100 very positive
    double valence = 0.0;  // S, the sum of the terms' valences
    int keywordHits = 0;   // escalation keywords found, not negated
    int negativeTerms = 0; // terms with a negative contribution
    // Largest |contribution| first (ties by words).
    std::vector<SentimentDriver> drivers;
};

// "lexicon" / "escalation keyword".
QString sentimentSourceName(SentimentDriver::Source source);

// The mapping of a valence sum to the 0–100 score.
double sentimentScore(double valence);

// The escalation keywords of the matrix: every keyword of a severity rule
// condition on the ticket text (fields text, subject, description; operators
// matches_any_keyword and contains_word), without duplicates, in rule order.
QStringList escalationKeywords(const matrix::Matrix& matrix);

// The stems of a text's words, computed when first asked for.
class StemCache {
public:
    explicit StemCache(const QStringList& words)
        : m_words(words)
        , m_stems(static_cast<std::size_t>(words.size())) {}
    qsizetype size() const { return m_words.size(); }
    const QString& at(qsizetype i);

private:
    const QStringList& m_words;
    std::vector<QString> m_stems; // null until computed
};

class SentimentScorer {
public:
    // lexicon: word or phrase → valence; keywords: escalation keywords.
    SentimentScorer(const QHash<QString, int>& lexicon, const QStringList& keywords);

    // The AFINN-165 lexicon with the given keywords.
    static SentimentScorer withAfinn(const QStringList& keywords);

    Sentiment score(const QStringList& texts) const;

    // The escalation keywords of a scorer made by withAfinn, whose scores
    // are the workspace's (and may be kept there); none for another lexicon.
    const std::optional<QStringList>& afinnKeywords() const { return m_afinnKeywords; }

private:
    struct Phrase {
        QStringList words; // beyond the first
        double valence = 0.0;
    };
    // What a word can be: the start of lexicon phrases (longest first), a
    // negator, an intensifier. One lookup per word of a text.
    struct WordEntry {
        std::vector<Phrase> phrases;
        bool negator = false;
        bool intensifier = false;
    };
    struct Match {
        int length = 0;
        double valence = 0.0;
        SentimentDriver::Source source = SentimentDriver::Source::Lexicon;
    };
    Match matchAt(const QStringList& words, const std::vector<const WordEntry*>& entries,
                  StemCache& stems, qsizetype at) const;
    bool mayStartKeyword(const QString& word) const;
    void scoreText(const QString& text, double& sum, std::vector<SentimentDriver>& drivers,
                   Sentiment& result) const;

    QHash<QString, WordEntry> m_words;
    QHash<QString, std::vector<Phrase>> m_keywords; // by first stem, longest first
    std::vector<QString> m_keywordPrefixes;         // first two letters of their first stems
    std::optional<QStringList> m_afinnKeywords;
};

// The severity rules' `sentiment` field as the risk model scores text: the
// AFINN lexicon with the matrix's escalation keywords, over the subject and
// description. For MatrixEvaluator::setSentimentSource.
matrix::SentimentSource ticketSentimentSource(const matrix::Matrix& matrix);

// The shared AFINN lexicon, parsed once.
const QHash<QString, int>& afinnLexicon();

} // namespace escdesk::risk
