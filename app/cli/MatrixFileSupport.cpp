#include "cli/MatrixFileSupport.h"

#include "cli/CliSupport.h"

#include <QFile>
#include <QJsonObject>
#include <QSaveFile>

namespace escdesk::cli {

QByteArray readWholeFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw store::StoreError(
            QStringLiteral("%1: cannot be read (%2).").arg(path, file.errorString()));
    }
    return file.readAll();
}

bool writeMatrixText(const QString& path, const QByteArray& text) {
    if (path == QLatin1String("-")) {
        setJsonOutput(true);
        out() << QString::fromUtf8(text);
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        err() << "escdesk matrix: " << path << ": cannot be written (" << file.errorString()
              << ").\n";
        return false;
    }
    return true;
}

QString problemLocation(const QString& file, const matrix::FileProblem& problem) {
    QString location = file;
    if (problem.line > 0) {
        location += QStringLiteral(":%1").arg(problem.line);
        if (problem.column > 0) {
            location += QStringLiteral(":%1").arg(problem.column);
        }
    }
    return location;
}

void printProblems(const QString& file, const std::vector<matrix::FileProblem>& problems) {
    for (const matrix::FileProblem& problem : problems) {
        err() << problemLocation(file, problem) << ": " << (problem.error ? "error" : "warning")
              << ": " << problem.message << '\n';
    }
}

QJsonArray problemsJson(const std::vector<matrix::FileProblem>& problems) {
    QJsonArray array;
    for (const matrix::FileProblem& problem : problems) {
        array.append(
            QJsonObject{{QStringLiteral("severity"),
                         problem.error ? QStringLiteral("error") : QStringLiteral("warning")},
                        {QStringLiteral("line"), problem.line},
                        {QStringLiteral("column"), problem.column},
                        {QStringLiteral("path"), problem.path},
                        {QStringLiteral("message"), problem.message}});
    }
    return array;
}

} // namespace escdesk::cli
