// escdesk matrix suggest: draft severity rules from the workspace's history
// (analysis/SuggestedRules.h), each with its precision and recall on the
// latest months held out; --adopt N adds suggestion N to the workspace's
// draft matrix (started from the published one when there is none).

#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include "analysis/SuggestedRules.h"
#include "matrix/MatrixDraft.h"
#include "matrix/MatrixStore.h"

#include <QDateTime>

#include <QJsonDocument>

namespace escdesk::cli {

namespace {

QString percent(double share) {
    return QString::number(100.0 * share, 'f', 1) + QLatin1Char('%');
}

void printSuggestions(const analysis::RuleSuggestions& suggestions) {
    out() << "Held out: " << suggestions.holdoutMonths << " months from " << suggestions.heldOutFrom
          << " (" << suggestions.heldOutTickets << " tickets, " << suggestions.heldOutEscalated
          << " escalated); fitted on the " << suggestions.trainingTickets << " tickets before ("
          << suggestions.trainingEscalated << " escalated), at least " << suggestions.minSupport
          << " matched each; ranked by F1 on those.\n";
    if (suggestions.rules.empty()) {
        out() << "No rule to suggest.\n";
    }
    int number = 0;
    for (const analysis::SuggestedRule& suggestion : suggestions.rules) {
        out() << '\n'
              << ++number << ". " << suggestion.rule.name << "  → Tier "
              << suggestion.rule.targetTier << ", " << suggestion.rule.priority << '\n'
              << "   held out: precision " << percent(suggestion.heldOut.precision()) << ", recall "
              << percent(suggestion.heldOut.recall()) << " (" << suggestion.heldOut.hits << " of "
              << suggestion.heldOut.matched << " matched escalated)\n"
              << "   training: precision " << percent(suggestion.training.precision())
              << ", recall " << percent(suggestion.training.recall()) << "; published rules "
              << "already reach the tier on " << percent(suggestion.overlap) << " of "
              << suggestion.overlapChecked << " checked\n";
    }
    if (!suggestions.droppedCovered.empty()) {
        out() << '\n' << "Left out, the published rules already cover them:\n";
        for (const analysis::SuggestedRule& suggestion : suggestions.droppedCovered) {
            out() << "  " << suggestion.rule.name << " (" << percent(suggestion.overlap) << ")\n";
        }
    }
}

bool sameConditions(const matrix::SeverityRule& a, const matrix::SeverityRule& b) {
    return a.conditions == b.conditions;
}

// Adds suggestion `number` (1-based, as listed) to the draft and says so:
// in `json` (when given) or on stdout. Refused when there is no such
// suggestion or the draft already has a rule with its conditions.
int adoptSuggestion(store::Workspace& workspace, const analysis::RuleSuggestions& suggestions,
                    qint64 number, QJsonObject* json) {
    if (number > static_cast<qint64>(suggestions.rules.size())) {
        err() << "escdesk matrix suggest: --adopt " << number << ": there are "
              << suggestions.rules.size() << " suggestions.\n";
        return RefusedInput;
    }
    const matrix::SeverityRule& rule = suggestions.rules[static_cast<std::size_t>(number - 1)].rule;
    const QString author = matrix::changeAuthor(workspace);
    const UtcSeconds now = QDateTime::currentSecsSinceEpoch();
    matrix::MatrixDraft draft = matrix::loadOrStartDraft(workspace.db(), author, now);
    if (std::any_of(
            draft.matrix.rules.begin(), draft.matrix.rules.end(),
            [&](const matrix::SeverityRule& existing) { return sameConditions(existing, rule); })) {
        err() << "escdesk matrix suggest: --adopt " << number << ": the draft already has a rule "
              << "with the conditions of “" << rule.name << "”; the draft is unchanged.\n";
        return RefusedInput;
    }
    const int index = analysis::insertSuggestedRule(draft.matrix.rules, rule);
    matrix::saveDraft(workspace.db(), draft.matrix, author, now);
    const QString name = draft.matrix.rules[static_cast<std::size_t>(index)].name;
    if (json) {
        json->insert(QStringLiteral("adopted"), QJsonObject{{QStringLiteral("suggestion"), number},
                                                            {QStringLiteral("name"), name},
                                                            {QStringLiteral("rule_index"), index}});
    } else {
        out() << "Added “" << name << "” to the draft matrix as severity rule " << index + 1
              << " of " << draft.matrix.rules.size()
              << "; see it with escdesk matrix draft diff, publish it with escdesk matrix draft "
                 "publish.\n";
    }
    return Success;
}

} // namespace

int runMatrixSuggest(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Suggest severity rules from the workspace's history: conditions that preceded "
        "escalation, with precision and recall on the latest months held out."));
    addDatabaseOption(parser);
    addJsonOption(parser);
    parser.addOption({QStringLiteral("holdout-months"),
                      QStringLiteral("Latest months held out for measuring (default 2)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("Suggestions to show (default 10)."),
                      QStringLiteral("K")});
    parser.addOption({QStringLiteral("min-support"),
                      QStringLiteral("Training tickets a rule must match (default 20)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("adopt"),
                      QStringLiteral("Add suggestion N to the workspace's draft matrix."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("tz"), QStringLiteral("Reporting time zone (IANA name)."),
                      QStringLiteral("ZONE")});
    parser.addPositionalArgument(QStringLiteral("suggest"), QStringLiteral("suggest"));
    parseOrThrow(parser, arguments);
    if (parser.positionalArguments().size() > 1) {
        throw UsageProblem{
            QStringLiteral("Unexpected argument '%1'.").arg(parser.positionalArguments().at(1))};
    }
    analysis::SuggestionOptions options;
    options.holdoutMonths =
        static_cast<int>(positiveIntegerOption(parser, QStringLiteral("holdout-months"))
                             .value_or(options.holdoutMonths));
    options.limit = static_cast<int>(
        positiveIntegerOption(parser, QStringLiteral("limit")).value_or(options.limit));
    options.minSupport = static_cast<int>(
        positiveIntegerOption(parser, QStringLiteral("min-support")).value_or(options.minSupport));
    const std::optional<qint64> adopt = positiveIntegerOption(parser, QStringLiteral("adopt"));
    auto workspace = adopt ? openWorkspaceToWrite(parser) : openWorkspace(parser);
    const QTimeZone zone = reportingZone(parser, *workspace);
    const analysis::RuleSuggestions suggestions =
        analysis::suggestRules(workspace->db(), matrix::loadMatrix(workspace->db()), zone, options);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (adopt) {
        QJsonObject result = json ? analysis::ruleSuggestionsToJson(suggestions) : QJsonObject();
        const int status =
            adoptSuggestion(*workspace, suggestions, *adopt, json ? &result : nullptr);
        if (json && status == Success) {
            out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
        }
        return status;
    }
    if (json) {
        out() << QJsonDocument(analysis::ruleSuggestionsToJson(suggestions))
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return Success;
    }
    if (!suggestions.problem.isEmpty()) {
        out() << suggestions.problem << '\n';
        return Success;
    }
    printSuggestions(suggestions);
    return Success;
}

} // namespace escdesk::cli
