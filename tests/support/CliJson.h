#pragma once

// Test support for suites that read escdesk's JSON as another tool would:
// run the command and take its standard output, and compare SPEC §7's
// duration statistics ({"mean", "n", "p50", "p90"}) with hand-worked ones.

#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include <cmath>

namespace escdesk::testsupport {

// The standard output of `escdesk ARGUMENTS` (the suite's ESCDESK_CLI);
// stops the suite when the command fails, naming it and its message.
inline QByteArray escdeskOutput(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(ESCDESK_CLI), arguments);
    if (!process.waitForFinished(120000)) {
        qFatal("escdesk %s did not finish", qPrintable(arguments.join(' ')));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qFatal("escdesk %s failed (%d): %s", qPrintable(arguments.join(' ')), process.exitCode(),
               process.readAllStandardError().constData());
    }
    return process.readAllStandardOutput();
}

// A duration statistic as the metrics JSON writes it.
inline QJsonObject durationStats(double mean, int n, double p50, double p90) {
    return QJsonObject{{"mean", mean}, {"n", n}, {"p50", p50}, {"p90", p90}};
}

// The same keys, and every value equal to within rounding.
inline bool sameStats(const QJsonObject& actual, const QJsonObject& expected) {
    for (const QString& key : expected.keys()) {
        if (std::abs(actual.value(key).toDouble() - expected.value(key).toDouble()) > 1e-9) {
            return false;
        }
    }
    return actual.keys() == expected.keys();
}

} // namespace escdesk::testsupport
