#include "MainWindow.h"

namespace escdesk::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("Escalation Desk"));
}

} // namespace escdesk::ui
