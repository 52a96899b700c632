// escdesk risk: the escalation risk model trained on the workspace's own
// history (issue #7) — its held-out evaluation (--evaluate), or one ticket's
// risk score with its top contributing features, its sentiment with the
// words that drove it and the pre-escalation verification (--ticket ID).

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "risk/RiskJson.h"
#include "risk/RiskModelStore.h"
#include "risk/RiskValidation.h"
#include "risk/TicketRisk.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace escdesk::cli {

namespace {

QString percentText(const std::optional<double>& share) {
    return share ? QString::number(*share * 100.0, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
}

QString dateText(UtcSeconds at) {
    return toIsoUtc(at).left(10);
}

QString aucText(const std::optional<double>& auc) {
    return auc ? QString::number(*auc, 'f', 3) : QStringLiteral("—");
}

// What each part of the split held: tickets with a known outcome and the
// dates they were created on.
void printSplit(const risk::HeldOutEvaluation& e) {
    const risk::RiskModel::Fitting& fit = e.model.fitting();
    out() << "Held-out evaluation: tickets with a known outcome, split by creation time\n";
    if (fit.validationTickets > 0) {
        out() << "  training           " << fit.fitTickets << " tickets, " << dateText(e.trainFrom)
              << " – " << dateText(fit.validationFrom - 1) << '\n';
        out() << "  validation         " << fit.validationTickets << " tickets, "
              << dateText(fit.validationFrom) << " – " << dateText(e.testFrom - 1)
              << " (chose the regularisation, fitted the calibration)\n";
    } else {
        out() << "  training           " << e.trainTickets << " tickets (" << e.trainEscalated
              << " escalated), " << (e.trainTickets ? dateText(e.trainFrom) : QStringLiteral("—"))
              << " – " << dateText(e.testFrom - 1) << '\n';
    }
    out() << "  held out           " << e.testTickets << " tickets (" << e.testEscalated
          << " escalated), " << dateText(e.testFrom) << " – " << dateText(e.newestCreated) << '\n';
}

void printEvaluation(const risk::HeldOutEvaluation& e) {
    printSplit(e);
    const risk::RiskModel::Fitting& fit = e.model.fitting();
    if (fit.validationTickets > 0) {
        out() << "  regularisation     λ = " << fit.l2 << " (of " << risk::regularisationGrid.size()
              << " tried, by validation log-loss)\n";
        out() << "  calibration        Platt: p = σ(" << QString::number(fit.platt.slope, 'f', 3)
              << " × log-odds " << (fit.platt.intercept < 0 ? "− " : "+ ")
              << QString::number(std::abs(fit.platt.intercept), 'f', 3) << ")\n";
    } else {
        out() << "  regularisation     λ = " << fit.l2
              << " (default: too few escalations in the validation slice to choose or "
                 "calibrate)\n";
    }
    out() << "  ROC AUC            " << aucText(e.auc);
    if (e.aucInterval) {
        out() << " (95 % CI " << QString::number(e.aucInterval->low, 'f', 3) << "–"
              << QString::number(e.aucInterval->high, 'f', 3) << ", DeLong)";
    }
    out() << '\n';
    out() << "  priority alone     " << aucText(e.priorityAuc)
          << " (AUC of each priority's training escalation rate)\n";
    out() << "  base rate          " << percentText(e.baseRate) << " escalated\n";
    if (e.brier) {
        out() << "  Brier score        " << QString::number(*e.brier, 'f', 4)
              << " (base rate alone " << QString::number(*e.baseRate * (1.0 - *e.baseRate), 'f', 4)
              << ")\n";
    }
    out() << "  threshold          " << QString::number(e.atThreshold.threshold, 'f', 3)
          << ": precision " << percentText(e.atThreshold.precision()) << ", recall "
          << percentText(e.atThreshold.recall()) << '\n';
    out() << "  confidence band    " << QString::number(e.reviewFrom, 'f', 3) << " – "
          << QString::number(e.flagFrom, 'f', 3) << ": " << e.flagged << " flagged (precision "
          << percentText(e.flaggedPrecision) << "), " << e.review << " to human review, " << e.low
          << " low\n";
    out() << "  reliability        predicted      tickets  mean predicted → observed\n";
    for (const risk::CalibrationBin& bin : e.calibration) {
        if (bin.tickets == 0) {
            continue;
        }
        out() << "    " << QString::number(bin.from, 'f', 1) << "–"
              << QString::number(bin.to, 'f', 1) << "  " << qSetFieldWidth(7) << Qt::right
              << bin.tickets << qSetFieldWidth(0) << Qt::left << " tickets  "
              << percentText(bin.meanPredicted) << " → " << percentText(bin.observedRate) << '\n';
    }
    out() << "  trained in " << QString::number(e.trainSeconds, 'f', 2) << " s\n";
    for (const risk::LeftOutFeature& f : e.model.leftOut()) {
        out() << "  left out           " << f.name << " (" << f.reason << ")\n";
    }
    if (e.withheld.isEmpty()) {
        out() << "Risk scores are shown: the AUC's 95 % interval lies above "
              << risk::minimumTrustedAuc << ".\n";
    } else {
        out() << "Risk scores are not shown (at-risk, the At risk page, a ticket's risk): "
              << e.withheld << ".\n";
    }
}

int runEvaluate(const QCommandLineParser& parser, store::Workspace& workspace) {
    int testMonths = risk::defaultTestMonths;
    double testShare = risk::defaultTestShare;
    if (parser.isSet(QStringLiteral("test-months")) && parser.isSet(QStringLiteral("test-share"))) {
        throw UsageProblem{QStringLiteral("Use --test-share or --test-months, not both.")};
    }
    if (const auto months = positiveIntegerOption(parser, QStringLiteral("test-months"))) {
        testMonths = static_cast<int>(*months);
    }
    if (parser.isSet(QStringLiteral("test-share"))) {
        bool ok = false;
        testShare = parser.value(QStringLiteral("test-share")).toDouble(&ok);
        if (!ok || !(testShare > 0.0 && testShare < 1.0)) {
            throw UsageProblem{
                QStringLiteral("--test-share takes a fraction between 0 and 1, e.g. 0.3.")};
        }
    }
    const QStringList keywords = risk::workspaceKeywords(workspace.db());
    const auto scorer = risk::SentimentScorer::withAfinn(keywords);
    const risk::RiskData data = risk::loadRiskData(workspace.db(), scorer);
    const auto evaluation =
        risk::evaluateHeldOut(data, keywords, workspace.reportingTimeZone(), testMonths, testShare);
    if (!evaluation) {
        err() << "escdesk risk: " << workspace.path() << " has no tickets to evaluate on.\n";
        return RefusedInput;
    }
    if (!evaluation->model.cannotTrain().isEmpty()) {
        err() << "escdesk risk: cannot train the risk model on " << workspace.path() << ": "
              << evaluation->model.cannotTrain() << ".\n";
        return RefusedInput;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(risk::evaluationJson(*evaluation)).toJson(QJsonDocument::Compact)
              << '\n';
    } else if (!evaluation->refused.isEmpty()) {
        printSplit(*evaluation);
        out() << "No AUC: " << evaluation->refused << ".\nRisk scores are not shown until it "
              << "can be measured.\n";
    } else {
        printEvaluation(*evaluation);
    }
    if (!evaluation->refused.isEmpty()) {
        err() << "escdesk risk: cannot measure the risk model on " << workspace.path() << ": "
              << evaluation->refused << ".\n";
        return RefusedInput;
    }
    return Success;
}

void printTicket(const QString& ticketId, const risk::RiskScore& score,
                 const risk::RiskModel& model, const QString& withheld,
                 const risk::Sentiment& sentiment, const risk::PreEscalationCheck& check) {
    if (!model.cannotTrain().isEmpty()) {
        out() << "Ticket " << ticketId
              << " — escalation risk not available: the risk model cannot be trained: "
              << model.cannotTrain() << "\n";
    } else if (!withheld.isEmpty()) {
        out() << "Ticket " << ticketId << " — escalation risk not shown: " << withheld << "\n";
    } else {
        out() << "Ticket " << ticketId << " — escalation risk " << score.score << "% ("
              << risk::riskBandName(score.band) << ")\n";
    }
    const std::vector<risk::FeatureContribution> none;
    for (const risk::FeatureContribution& c : withheld.isEmpty() ? score.contributions : none) {
        out() << "  " << (c.contribution >= 0 ? "+" : "−")
              << QString::number(std::abs(c.contribution), 'f', 2) << "  " << c.feature << " ("
              << c.value << ")\n";
    }
    out() << "Sentiment " << QString::number(sentiment.score, 'f', 0) << "/100";
    QStringList words;
    for (const risk::SentimentDriver& d : sentiment.drivers) {
        if (words.size() < 6) {
            words.append(QStringLiteral("%1 %2").arg(d.words).arg(d.valence, 0, 'g', 3));
        }
    }
    if (!words.isEmpty()) {
        out() << ": " << words.join(QStringLiteral(", "));
    }
    out() << '\n';
    if (check.checklist) {
        out() << "Tier 2 → 3 checklist: "
              << (check.checklist->ready()
                      ? QStringLiteral("ready")
                      : QStringLiteral("missing ") +
                            check.checklist->missingRequired().join(QStringLiteral("; ")))
              << '\n';
    }
    if (check.knownIssue) {
        out() << "Known issue " << check.knownIssue->issueId << " " << check.knownIssue->title
              << " — workaround: " << check.knownIssue->workaround << '\n';
    }
    for (const risk::SimilarCase& s : check.similarCases) {
        out() << "  similar " << s.ticketId << " (" << QString::number(s.similarity, 'f', 2) << ") "
              << s.subject << " — " << s.resolutionType << ": " << s.resolutionNotes << '\n';
    }
}

int runTicket(const QCommandLineParser& parser, store::Workspace& workspace) {
    const QString ticketId = parser.value(QStringLiteral("ticket"));
    const auto assessed = risk::assessTicketRisk(workspace.db(), ticketId, true,
                                                 parser.isSet(QStringLiteral("retrain")));
    if (!assessed) {
        err() << "escdesk risk: no ticket '" << ticketId << "' in " << workspace.path() << ".\n";
        return RefusedInput;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json{
            {QStringLiteral("ticket_id"), ticketId},
            {QStringLiteral("risk"),
             risk::riskScoreJson(assessed->score, assessed->model, assessed->withheld)},
            {QStringLiteral("sentiment"), risk::sentimentJson(assessed->sentiment)},
            {QStringLiteral("verification"), risk::preEscalationJson(assessed->verification)}};
        out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    } else {
        printTicket(ticketId, assessed->score, assessed->model, assessed->withheld,
                    assessed->sentiment, assessed->verification);
    }
    return Success;
}

int runModelSummary(const QCommandLineParser& parser, store::Workspace& workspace) {
    auto& db = workspace.db();
    const QStringList keywords = risk::workspaceKeywords(db);
    const auto scorer = risk::SentimentScorer::withAfinn(keywords);
    std::optional<risk::RiskModel> model;
    bool trained = false;
    double seconds = 0.0;
    // A read-only workspace keeps no model: it is trained in memory each time.
    const bool keep = !workspace.isReadOnly();
    if (parser.isSet(QStringLiteral("retrain"))) {
        if (keep) {
            risk::forgetRiskModel(db);
        }
    } else {
        model = risk::storedRiskModel(db, risk::riskDataVersion(db, keywords));
    }
    if (!model) {
        QElapsedTimer timer;
        timer.start();
        const risk::RiskData data = risk::loadRiskData(db, scorer);
        std::vector<std::size_t> all(data.tickets.size());
        for (std::size_t i = 0; i < all.size(); ++i) {
            all[i] = i;
        }
        model = risk::RiskModel::train(data, all, keywords);
        model->dataVersion = risk::riskDataVersion(db, keywords);
        if (keep) {
            risk::storeRiskModel(db, *model);
        }
        trained = true;
        seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = model->toJson();
        json.remove(QStringLiteral("stem_log_odds"));
        json.insert(QStringLiteral("trained_now"), trained);
        json.insert(QStringLiteral("seconds"), seconds);
        out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        return Success;
    }
    if (!model->cannotTrain().isEmpty()) {
        out() << "The risk model cannot be trained on " << model->trainedTickets()
              << " tickets: " << model->cannotTrain()
              << ".\nNo ticket gets an escalation risk until it can.\n";
        return Success;
    }
    out() << "Risk model " << (trained ? "trained" : "read from the workspace") << ": "
          << model->trainedTickets() << " tickets, base rate "
          << percentText(model->trainingBaseRate()) << ", threshold "
          << QString::number(model->threshold(), 'f', 3) << ", human review from "
          << QString::number(model->reviewFrom(), 'f', 3) << ", flagged from "
          << QString::number(model->flagFrom(), 'f', 3);
    if (model->fitting().validationTickets > 0) {
        out() << "; weights fitted on the older " << model->fitting().fitTickets
              << ", regularisation λ = " << model->fitting().l2
              << " and calibration chosen on the newest " << model->fitting().validationTickets;
    } else {
        out() << "; not calibrated: too few escalations among the newest tickets to validate on";
    }
    if (trained) {
        out() << " (" << QString::number(seconds, 'f', 2) << " s)";
    }
    if (trained && !keep) {
        out() << ".\nNot kept: the workspace is read-only (" << workspace.readOnlyReason() << ")";
    }
    out() << "\nUse --evaluate for the held-out evaluation, --ticket ID for one ticket.\n";
    return Success;
}

} // namespace

int runRisk(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Escalation risk from the workspace's own history: the held-out evaluation of the model "
        "(--evaluate), or a ticket's risk with its reasons, sentiment, checklist, known issue and "
        "similar resolved escalations (--ticket ID)."));
    addDatabaseOption(parser);
    addJsonOption(parser);
    parser.addOption(
        {QStringLiteral("evaluate"),
         QStringLiteral("Train on the older tickets, evaluate on the newest ones, beside the base "
                        "rate and priority alone, with the AUC's 95 % interval and the "
                        "reliability table.")});
    parser.addOption({QStringLiteral("test-share"),
                      QStringLiteral("Share of the tickets with a known outcome held out for "
                                     "--evaluate, the newest by creation (default 0.3)."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("test-months"),
                      QStringLiteral("Hold out these calendar months instead of --test-share."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("ticket"),
                      QStringLiteral("Score this ticket (helpdesk id) and verify it before a "
                                     "Tier 3 escalation."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("retrain"),
                      QStringLiteral("Train the model again even if the stored one is current.")});
    parseOrThrow(parser, arguments);
    rejectPositionalArguments(parser);
    if (parser.isSet(QStringLiteral("evaluate")) && parser.isSet(QStringLiteral("ticket"))) {
        throw UsageProblem{QStringLiteral("Use --evaluate or --ticket ID, not both.")};
    }
    auto workspace = openWorkspace(parser);
    if (parser.isSet(QStringLiteral("evaluate"))) {
        return runEvaluate(parser, *workspace);
    }
    if (parser.isSet(QStringLiteral("ticket"))) {
        return runTicket(parser, *workspace);
    }
    return runModelSummary(parser, *workspace);
}

} // namespace escdesk::cli
