#include "metrics/MetricInputs.h"

#include "matrix/MatrixStore.h"

namespace escdesk::metrics {

CostParameters costParametersOf(const matrix::CostParameters& cost) {
    CostParameters costs;
    costs.agentCostPerHour = cost.agentCostPerHour;
    costs.engineerCostPerHour = cost.engineerCostPerHour;
    costs.interruptionMinutes = cost.interruptionMinutes;
    costs.recoveryMinutes = cost.recoveryMinutes;
    return costs;
}

MetricInputs metricInputsOf(const matrix::Matrix& matrix) {
    return MetricInputs{matrix::MatrixEvaluator(matrix), costParametersOf(matrix.cost),
                        matrix.cost.currency};
}

MetricInputs metricInputsOf(store::Database& db) {
    return metricInputsOf(matrix::loadMatrix(db));
}

} // namespace escdesk::metrics
