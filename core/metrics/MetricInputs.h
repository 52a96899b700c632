#pragma once

// What the metrics take from the workspace's escalation matrix (SPEC §5): the
// cost rates the `cost` figures are priced at, and the SLA policies,
// calendars and targets that breaches are judged by. Every surface — the
// escdesk commands, the GUI's pages and the reports — builds its metric
// inputs here, so an edit of the matrix changes every figure alike and no
// surface keeps rates of its own.

#include "matrix/Matrix.h"
#include "matrix/TicketAssessment.h"
#include "metrics/MetricsEngine.h"
#include "metrics/SlaOutcomes.h"
#include "store/Database.h"

namespace escdesk::metrics {

struct MetricInputs {
    matrix::MatrixEvaluator evaluator; // SLA policies, calendars and targets
    CostParameters costs;
    QString currency; // of the cost rates, e.g. "USD"

    // The SLA verdicts as of `asOf`; valid while this object lives.
    SlaAssessment slaAsOf(UtcSeconds asOf) const { return SlaAssessment{evaluator, asOf}; }
};

// The matrix's cost parameters as the metrics engine takes them.
CostParameters costParametersOf(const matrix::CostParameters& cost);

MetricInputs metricInputsOf(const matrix::Matrix& matrix);

// The inputs of the matrix stored in the workspace now.
MetricInputs metricInputsOf(store::Database& db);

} // namespace escdesk::metrics
