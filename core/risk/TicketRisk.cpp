#include "risk/TicketRisk.h"

#include "matrix/MatrixStore.h"
#include "risk/RiskModelStore.h"
#include "risk/RiskValidation.h"
#include "store/TicketReader.h"

namespace escdesk::risk {

std::optional<TicketRisk> assessTicketRisk(store::Database& db, const QString& ticketId,
                                           bool saveModel, bool retrain) {
    const auto row = store::ticketRowOf(db, ticketId);
    if (!row) {
        return std::nullopt;
    }
    const auto ticket = store::ticketByRow(db, *row);
    if (!ticket) {
        return std::nullopt;
    }
    const matrix::Matrix policy = matrix::loadMatrix(db);
    const QStringList keywords = escalationKeywords(policy);
    const SentimentScorer scorer = SentimentScorer::withAfinn(keywords);

    TicketRisk result;
    result.ticketId = ticketId;
    std::unique_lock lock(riskTrainingMutex());
    std::optional<RiskModel> stored;
    if (!retrain) {
        stored = storedRiskModel(db, riskDataVersion(db, keywords));
    }
    if (stored) {
        result.model = std::move(*stored);
    } else {
        if (retrain) {
            forgetRiskModel(db);
        }
        const RiskData all = loadRiskData(db, scorer);
        const CurrentRiskModel current = currentRiskModel(db, all, keywords, saveModel);
        result.model = current.model;
        result.modelTrained = current.trained;
    }
    lock.unlock();
    result.withheld = scoresWithheldFor(db, result.model);
    const RiskData one = loadRiskData(db, scorer, ticketId);
    result.score = RiskScorer(result.model, one).score(one.tickets.front());

    QStringList texts{ticket->subject, ticket->description};
    for (const TicketEvent& e : store::eventsOfTicket(db, *row)) {
        if (!e.note.isEmpty()) {
            texts.append(e.note);
        }
    }
    result.sentiment = scorer.score(texts);
    result.verification = *preEscalationCheck(db, policy, ticketId);
    return result;
}

} // namespace escdesk::risk
