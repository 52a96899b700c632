#pragma once

// The command-line tool draws charts and lays out PDFs, which needs a
// QGuiApplication (fonts) but never a display: this one runs on Qt's
// offscreen platform unless QT_QPA_PLATFORM says otherwise.

#include <QGuiApplication>

#include <memory>

namespace escdesk::report {

std::unique_ptr<QGuiApplication> makeHeadlessGuiApplication(int& argc, char** argv);

} // namespace escdesk::report
