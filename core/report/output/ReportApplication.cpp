#include "report/output/ReportApplication.h"

#include <cstdio>

namespace escdesk::report {

namespace {

QtMessageHandler previousHandler = nullptr;

// The offscreen platform asks for a runtime directory it never uses; its
// warning about XDG_RUNTIME_DIR would only be noise on the tool's stderr.
void quietRuntimeDirWarning(QtMsgType type, const QMessageLogContext& context,
                            const QString& message) {
    if (type == QtWarningMsg &&
        message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR"))) {
        return;
    }
    if (previousHandler) {
        previousHandler(type, context, message);
    } else {
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
    }
}

} // namespace

std::unique_ptr<QGuiApplication> makeHeadlessGuiApplication(int& argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    previousHandler = qInstallMessageHandler(quietRuntimeDirWarning);
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace escdesk::report
