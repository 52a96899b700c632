#pragma once

// Test support for command-line suites that check exit codes and messages as
// well as output: run `escdesk` as a user does and keep all three.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace escdesk::testsupport {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

// `escdesk ARGUMENTS` (the suite's ESCDESK_CLI); the suite decides what its
// exit code means. Five minutes is room for a model trained under sanitizers.
inline CliRun runEscdesk(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(ESCDESK_CLI), arguments);
    process.waitForFinished(300000);
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

// The JSON object the run printed (empty when it printed none).
inline QJsonObject json(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace escdesk::testsupport
