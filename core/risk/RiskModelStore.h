#pragma once

// The trained risk model kept in the workspace's settings table (key
// `risk_model`, JSON) together with the data version it was trained on; a
// model whose version no longer matches the data is retrained on demand.

#include "risk/RiskModel.h"
#include "store/Database.h"

#include <mutex>
#include <optional>

namespace escdesk::risk {

inline constexpr const char* riskModelSetting = "risk_model";

// The stored model if it was trained on data of this version.
std::optional<RiskModel> storedRiskModel(store::Database& db, const QString& dataVersion);

void storeRiskModel(store::Database& db, const RiskModel& model);

struct CurrentRiskModel {
    RiskModel model;
    bool trained = false; // trained now rather than read from the settings
    double trainSeconds = 0.0;
    // Why its scores are not shown (scoresWithheldFor), for callers that
    // show them; empty when they may be, or when not asked.
    QString withheld;
};

// The model for the workspace as it is: the stored one when current, else
// trained on every ticket of `data` with a known outcome (and stored, when
// `save` and the connection can write). The latest model is also kept in
// memory per workspace file, so a read-only connection (the application's
// worker threads) trains once per data version, not once per view.
CurrentRiskModel currentRiskModel(store::Database& db, const RiskData& data,
                                  const QStringList& keywords, bool save);

// The same, reading every ticket's features (loadAllRiskData) only when
// the model has to be trained.
CurrentRiskModel currentRiskModel(store::Database& db, const QStringList& keywords, bool save);

// Trains the model when the data has changed since it was last trained and
// keeps it in the workspace, through a connection of its own that can write,
// reading the file as `db` does (its file map setting). For callers whose
// connection is read-only, the application's views: a model they train is
// only remembered in memory, so every start of the application trained it
// again from every ticket's features (half a gigabyte and tens of seconds on
// a million tickets). Does nothing when the workspace cannot be written now;
// the caller's read-only work then trains in memory, as before.
void keepRiskModel(store::Database& db);

// Held while a model is trained, so that two views of one workspace asking
// at once (the At risk page and a ticket's detail) train once: the second
// waits and finds the first one's model.
std::recursive_mutex& riskTrainingMutex();

// Drops the stored and remembered model, so the next call trains anew.
void forgetRiskModel(store::Database& db);

// The escalation keywords of the workspace's matrix.
QStringList workspaceKeywords(store::Database& db);

} // namespace escdesk::risk
