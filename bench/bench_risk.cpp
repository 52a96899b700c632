// Benchmarks of the escalation risk model (issue #7) on a workspace file:
//   bench_risk FILE
// - reading every ticket with its features (sentiment of subject and
//   description, subject stems, the account's recent tickets): scored
//   afresh, and read from the features kept in the workspace;
// - training the model on all of them (target: 1,000,000 tickets in under a
//   minute, reading included);
// - scoring one ticket already in memory, and one read from the store by id
//   (target: under a millisecond), averaged over many tickets.

#include "risk/RiskFeatureStore.h"
#include "risk/RiskModel.h"
#include "risk/RiskModelStore.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <ctime>
#include <numeric>

using namespace escdesk;

namespace {

double seconds(const QElapsedTimer& timer) {
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

// CPU seconds of the process (all threads): on a busy machine the wall time
// says more about the neighbours than about the code.
double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_risk WORKSPACE\n");
        return 2;
    }
    store::Workspace workspace(QString::fromLocal8Bit(argv[1]), store::Workspace::Access::ReadOnly);
    auto& db = workspace.db();
    const QStringList keywords = risk::workspaceKeywords(db);
    const auto sentiment = risk::SentimentScorer::withAfinn(keywords);

    QElapsedTimer timer;
    timer.start();
    double cpu = cpuSeconds();
    const std::size_t computed = risk::computeRiskData(db, sentiment).tickets.size();
    const double computeSeconds = seconds(timer);
    const double computeCpu = cpuSeconds() - cpu;

    // The kept features (kept first, through a writer of its own, when
    // some are missing: run twice to see the read alone).
    timer.restart();
    cpu = cpuSeconds();
    const bool wereKept = risk::keptRiskDataVersion(db, keywords).has_value();
    const risk::RiskData data = risk::loadRiskData(db, sentiment);
    const double loadSeconds = seconds(timer);
    const double loadCpu = cpuSeconds() - cpu;
    if (data.tickets.size() != computed) {
        std::fprintf(stderr, "kept %zu tickets, computed %zu\n", data.tickets.size(), computed);
        return 1;
    }

    std::vector<std::size_t> all(data.tickets.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    timer.restart();
    cpu = cpuSeconds();
    const risk::RiskModel model = risk::RiskModel::train(data, all, keywords);
    const double fitSeconds = seconds(timer);
    const double fitCpu = cpuSeconds() - cpu;

    const risk::RiskScorer scorer(model, data);
    const std::size_t step = std::max<std::size_t>(1, data.tickets.size() / 100000);
    std::size_t scored = 0;
    double sum = 0.0;
    timer.restart();
    cpu = cpuSeconds();
    for (std::size_t i = 0; i < data.tickets.size(); i += step) {
        sum += scorer.score(data.tickets[i]).probability;
        ++scored;
    }
    const double inMemory = seconds(timer) / static_cast<double>(scored);
    const double inMemoryCpu = (cpuSeconds() - cpu) / static_cast<double>(scored);

    // Reading one ticket from the store by id, then scoring it.
    const std::size_t readStep = std::max<std::size_t>(1, data.tickets.size() / 1000);
    std::size_t read = 0;
    timer.restart();
    cpu = cpuSeconds();
    for (std::size_t i = 0; i < data.tickets.size(); i += readStep) {
        const risk::RiskData one = risk::loadRiskData(db, sentiment, data.tickets[i].ticketId);
        sum += risk::RiskScorer(model, one).score(one.tickets.front()).probability;
        ++read;
    }
    const double fromStore = seconds(timer) / static_cast<double>(read);
    const double fromStoreCpu = (cpuSeconds() - cpu) / static_cast<double>(read);

    std::printf("tickets                     %zu (%lld with a known outcome, %zu features, "
                "%d Newton steps)\n",
                data.tickets.size(), static_cast<long long>(model.trainedTickets()), model.width(),
                model.logistic().iterations);
    std::printf("                            wall      CPU\n");
    std::printf("read + score text afresh    %6.2f s  %6.2f s\n", computeSeconds, computeCpu);
    std::printf("read kept features          %6.2f s  %6.2f s%s\n", loadSeconds, loadCpu,
                wereKept ? "" : "  (kept them first)");
    std::printf("fit                         %6.2f s  %6.2f s\n", fitSeconds, fitCpu);
    std::printf("training total              %6.2f s  %6.2f s  (target < 60 s for 1,000,000)\n",
                loadSeconds + fitSeconds, loadCpu + fitCpu);
    std::printf("score one ticket in memory  %6.1f µs %6.1f µs (%zu tickets)\n", inMemory * 1e6,
                inMemoryCpu * 1e6, scored);
    std::printf("score one ticket from store %6.1f µs %6.1f µs (%zu tickets; target < 1000 µs)\n",
                fromStore * 1e6, fromStoreCpu * 1e6, read);
    std::printf("(checksum %.3f)\n", sum);
    return 0;
}
