#pragma once

// Which tickets breached an SLA target (SPEC §7 sla_breach_rate): each ticket
// created in the window is run through the matrix's SLA engine as of a given
// instant, and marked breached when any of its targets is.

#include "matrix/TicketAssessment.h"
#include "metrics/TicketFacts.h"

namespace escdesk::metrics {

struct SlaAssessment {
    const matrix::MatrixEvaluator& evaluator;
    UtcSeconds asOf = 0;
};

void markSlaBreaches(MetricsInput& input, const Window& window, const SlaAssessment& sla);

} // namespace escdesk::metrics
