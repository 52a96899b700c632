#pragma once

#include <QMainWindow>

namespace escdesk::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace escdesk::ui
