#include "report/output/ReportApplication.h"

namespace escdesk::report {

std::unique_ptr<QGuiApplication> makeHeadlessGuiApplication(int& argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace escdesk::report
