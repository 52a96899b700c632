// Sentiment of ticket text: AFINN-165 valences, escalation keywords,
// negation and intensifiers, worked by hand from the rules in
// core/risk/Sentiment.h: score = 50 × (1 + S / √(S² + 15)).

#include "matrix/Matrix.h"
#include "risk/Sentiment.h"

#include <QtTest>

using namespace escdesk;
using namespace escdesk::risk;

class SentimentTest : public QObject {
    Q_OBJECT

private:
    static SentimentScorer scorer() {
        return SentimentScorer::withAfinn(
            {QStringLiteral("cancel"), QStringLiteral("legal"), QStringLiteral("unacceptable")});
    }

private slots:
    void lexiconHasTheAfinn165Entries() {
        // AFINN-165 lists 3,382 entries; "good" +3, "bad" −3, "fed up" −3.
        const auto& lexicon = afinnLexicon();
        QCOMPARE(lexicon.size(), 3382);
        QCOMPARE(lexicon.value(QStringLiteral("good")), 3);
        QCOMPARE(lexicon.value(QStringLiteral("bad")), -3);
        QCOMPARE(lexicon.value(QStringLiteral("fed up")), -3);
    }

    void neutralTextScoresFifty() {
        // No word of "The report export runs at noon" is in AFINN: S = 0 → 50.
        const Sentiment s = scorer().score({QStringLiteral("The report export runs at noon")});
        QCOMPARE(s.score, 50.0);
        QVERIFY(s.drivers.empty());
    }

    void positiveWord() {
        // "happy" +3: S = 3, √(9 + 15) = 4.898979, 50 × (1 + 3/4.898979) = 80.6186.
        const Sentiment s = scorer().score({QStringLiteral("I am happy")});
        QCOMPARE(s.valence, 3.0);
        QVERIFY(qAbs(s.score - 80.6186) < 1e-3);
        QCOMPARE(s.drivers.size(), std::size_t(1));
        QCOMPARE(s.drivers[0].words, QStringLiteral("happy"));
    }

    void negationFlipsAndHalves() {
        // "not happy": 3 × −0.5 = −1.5; √(2.25 + 15) = 4.153312;
        // 50 × (1 − 1.5/4.153312) = 31.9421.
        const Sentiment s = scorer().score({QStringLiteral("I am not happy with this")});
        QCOMPARE(s.valence, -1.5);
        QVERIFY(qAbs(s.score - 31.9421) < 1e-3);
        QCOMPARE(s.drivers[0].words, QStringLiteral("not happy"));
        QVERIFY(s.drivers[0].negated);
    }

    void negationReachesThreeWordsBack() {
        // "not at all happy": "not" is the third word before "happy" → −1.5.
        QCOMPARE(scorer().score({QStringLiteral("not at all happy")}).valence, -1.5);
        // "not at all the happy": four words back, outside the window → +3.
        QCOMPARE(scorer().score({QStringLiteral("not at all the happy")}).valence, 3.0);
    }

    void intensifierMultiplies() {
        // "very bad": −3 × 1.5 = −4.5; √(20.25 + 15) = 5.937171;
        // 50 × (1 − 4.5/5.937171) = 12.1032.
        const Sentiment s = scorer().score({QStringLiteral("Very bad experience")});
        QCOMPARE(s.valence, -4.5);
        QVERIFY(qAbs(s.score - 12.1032) < 1e-3);
        QCOMPARE(s.drivers[0].words, QStringLiteral("very bad"));
        QVERIFY(s.drivers[0].intensified);
    }

    void negatedIntensifier() {
        // "not very happy": 3 × 1.5 × −0.5 = −2.25; √(5.0625 + 15) = 4.479118;
        // 50 × (1 − 2.25/4.479118) = 24.8834.
        const Sentiment s = scorer().score({QStringLiteral("not very happy")});
        QCOMPARE(s.valence, -2.25);
        QVERIFY(qAbs(s.score - 24.8834) < 1e-3);
    }

    void lexiconPhraseKeepsItsOwnNegation() {
        // AFINN rates the phrase "not working" −3 itself: S = −3, not −0.5 × x.
        // √(9 + 15) = 4.898979; 50 × (1 − 3/4.898979) = 19.3814.
        const Sentiment s = scorer().score({QStringLiteral("Sync is not working")});
        QCOMPARE(s.valence, -3.0);
        QVERIFY(qAbs(s.score - 19.3814) < 1e-3);
        QCOMPARE(s.drivers[0].words, QStringLiteral("not working"));
        QVERIFY(!s.drivers[0].negated);
    }

    void escalationKeywordOverridesTheLexicon() {
        // "cancel" is −1 in AFINN but an escalation keyword here: −3; the
        // stem matches "cancelled" too. Two hits: S = −6,
        // √(36 + 15) = 7.141428; 50 × (1 − 6/7.141428) = 7.9914.
        const Sentiment s = scorer().score(
            {QStringLiteral("We will cancel"), QStringLiteral("They cancelled the order")});
        QCOMPARE(s.keywordHits, 2);
        QCOMPARE(s.valence, -6.0);
        QVERIFY(qAbs(s.score - 7.9914) < 1e-3);
        QCOMPARE(s.drivers[0].source, SentimentDriver::Source::EscalationKeyword);
    }

    void textsAddUpAndDriversAreOrdered() {
        // Subject "Unacceptable service" (keyword −3), description "Thanks"
        // (+2): S = −1, √(1 + 15) = 4, 50 × (1 − 1/4) = 37.5.
        const Sentiment s =
            scorer().score({QStringLiteral("Unacceptable service"), QStringLiteral("Thanks")});
        QCOMPARE(s.valence, -1.0);
        QCOMPARE(s.score, 37.5);
        QCOMPARE(s.drivers.size(), std::size_t(2));
        QCOMPARE(s.drivers[0].words, QStringLiteral("unacceptable"));
        QCOMPARE(s.drivers[0].valence, -3.0);
        QCOMPARE(s.drivers[1].words, QStringLiteral("thanks"));
        QCOMPARE(s.drivers[1].valence, 2.0);
    }

    void repeatedTermsMerge() {
        // "bad" twice: one driver of −6 with two occurrences.
        const Sentiment s = scorer().score({QStringLiteral("bad bad")});
        QCOMPARE(s.drivers.size(), std::size_t(1));
        QCOMPARE(s.drivers[0].valence, -6.0);
        QCOMPARE(s.drivers[0].occurrences, 2);
    }

    void negatedKeywordIsNotAHit() {
        // "cannot cancel": the keyword negated, −3 × −0.5 = +1.5, no hit.
        const Sentiment s = scorer().score({QStringLiteral("We cannot cancel the import")});
        QCOMPARE(s.keywordHits, 0);
        QCOMPARE(s.valence, 1.5);
    }

    void keywordsComeFromTheMatrixTextRules() {
        // The default "Legal or churn risk" rule lists legal, lawyer, cancel,
        // unacceptable, refund; the outage rule lists "outage".
        QStringList keywords = escalationKeywords(matrix::defaultMatrix(QStringLiteral("UTC")));
        for (const char* expected :
             {"legal", "lawyer", "cancel", "unacceptable", "refund", "outage", "payment failure"}) {
            QVERIFY2(keywords.contains(QLatin1String(expected)), expected);
        }
        QCOMPARE(keywords.removeDuplicates(), qsizetype(0));
    }
};

QTEST_GUILESS_MAIN(SentimentTest)
#include "tst_sentiment.moc"
