// escalation-desk — the Escalation Desk desktop application.

#include "MainWindow.h"

#include <QApplication>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("escalation-desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Escalation Desk"));
    QApplication::setOrganizationName(QStringLiteral("escalation-desk"));
    QApplication::setApplicationVersion(QStringLiteral(ESCDESK_VERSION));
    escdesk::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
