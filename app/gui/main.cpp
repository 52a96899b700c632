// escalation-desk — the Escalation Desk desktop application.
//
//   escalation-desk [--db FILE] [--screenshots DIR] [--measure-startup] [FILE]
//
// FILE is the same as --db FILE (the desktop entry passes the file opened).
// Without either it opens the last workspace, or the per-user default one.
// --screenshots saves a PNG of every page and exits; --measure-startup
// prints the milliseconds from start until the Dashboard, the page users
// land on, has painted every figure (and the window, and the longest stall
// of the event loop meanwhile), and exits; --measure-memory visits every
// page and prints the peak memory of each (Measurements.h).
//
// The last workspace is one that still exists, and the per-user default one
// only if it exists: without any, the window shows the Welcome page.
// --theme system|light|dark picks the theme (else the one chosen last).

#include "Appearance.h"
#include "MainWindow.h"
#include "Measurements.h"
#include "store/Workspace.h"
#include "text/InertText.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace {

// The size screenshots are taken at, whatever the screen.
constexpr QSize screenshotSize(1360, 860);

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

QString workspaceToOpen(const QCommandLineParser& parser) {
    if (parser.isSet(QStringLiteral("db"))) {
        return parser.value(QStringLiteral("db"));
    }
    // A workspace file opened from the file manager or the desktop entry.
    if (!parser.positionalArguments().isEmpty()) {
        return parser.positionalArguments().constFirst();
    }
    // The last workspace that still exists, else the per-user default.
    for (const QString& recent : escdesk::ui::MainWindow::recentWorkspaces()) {
        if (QFileInfo::exists(recent)) {
            return recent;
        }
    }
    const QString fallback = escdesk::store::Workspace::defaultPath();
    return QFileInfo::exists(fallback) ? fallback : QString();
}

// Whether the arguments ask only for the help or the version text.
bool printsTextOnly(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" ||
            argument == "-v" || argument == "--version") {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char* argv[]) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    // --help and --version work without a display (over ssh, in scripts).
    if (printsTextOnly(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("escalation-desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Escalation Desk"));
    QApplication::setOrganizationName(QStringLiteral("escalation-desk"));
    QApplication::setApplicationVersion(QStringLiteral(ESCDESK_VERSION));
    // Ties the windows to the installed desktop entry (icon and name under Wayland).
    QApplication::setDesktopFileName(QStringLiteral(ESCDESK_APP_ID));
    escdesk::ui::applyAppearance(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Escalation Desk: escalation analytics and escalation policy for support teams."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"),
                      QApplication::translate("main", "Open the workspace FILE."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("screenshots"),
         QApplication::translate("main", "Save a PNG of every page into DIR, then exit."),
         QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("screenshot-import"),
         QApplication::translate("main", "With --screenshots, also save the import wizard's "
                                         "preview of the CSV FILE (nothing is imported)."),
         QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("screenshot-history"),
         QApplication::translate("main", "With --screenshots, also save the import wizard's "
                                         "mapping editor for the history export FILE (nothing "
                                         "is imported)."),
         QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("theme"),
         QApplication::translate("main", "Use the THEME: system (follow the desktop), light or "
                                         "dark. The default is the one chosen last."),
         QStringLiteral("THEME")});
    parser.addOption(
        {QStringLiteral("measure-startup"),
         QApplication::translate("main", "Print the milliseconds until the Dashboard shows "
                                         "every figure, then exit.")});
    parser.addOption(
        {QStringLiteral("measure-memory"),
         QApplication::translate("main", "Show every page in turn, print the peak memory of "
                                         "each, then exit.")});
    parser.addPositionalArgument(
        QStringLiteral("FILE"), QApplication::translate("main", "The workspace to open (as --db)."),
        QStringLiteral("[FILE]"));
    parser.process(app);

    const bool screenshots = parser.isSet(QStringLiteral("screenshots"));
    const bool measure = parser.isSet(QStringLiteral("measure-startup"));
    const bool measureMemory = parser.isSet(QStringLiteral("measure-memory"));
    const bool batch = screenshots || measure || measureMemory;
    const QString theme = parser.value(QStringLiteral("theme"));
    if (!theme.isEmpty() && theme != QLatin1String("system") && theme != QLatin1String("light") &&
        theme != QLatin1String("dark")) {
        err() << QApplication::translate("main", "--theme: use system, light or dark.") << Qt::endl;
        return 2;
    }
    escdesk::ui::MainWindow window(!batch);
    if (!theme.isEmpty()) {
        // Chosen on the command line: it wins over the remembered one.
        window.applyTheme(escdesk::ui::themeFromKey(theme));
    }
    if (batch) {
        window.resize(screenshotSize);
    }
    if (measure || measureMemory) {
        window.setCurrentPage(0); // the Dashboard, where users land
    }
    const QString path = workspaceToOpen(parser);
    if (batch && path.isEmpty()) {
        err() << QApplication::translate("main", "Name the workspace with --db FILE.") << Qt::endl;
        return 2;
    }
    // Without a workspace the window shows the Welcome page.
    const QString problem = path.isEmpty() ? QString() : window.openWorkspace(path, batch);
    if (batch && !problem.isEmpty()) {
        err() << escdesk::text::inert(problem) << Qt::endl; // it names the file
        return 1;
    }
    if (measure) {
        return escdesk::gui::measureStartup(window, sinceStart, out(), err());
    }
    if (measureMemory) {
        return escdesk::gui::measureMemory(window, out());
    }
    window.show();

    if (screenshots) {
        QApplication::processEvents();
        QStringList files = window.saveScreenshots(parser.value(QStringLiteral("screenshots")));
        int expected = window.screenshotCount();
        if (parser.isSet(QStringLiteral("screenshot-import"))) {
            ++expected;
            const QString shot = window.saveImportPreviewScreenshot(
                parser.value(QStringLiteral("screenshot-import")),
                parser.value(QStringLiteral("screenshots")));
            if (!shot.isEmpty()) {
                files << shot;
            }
        }
        if (parser.isSet(QStringLiteral("screenshot-history"))) {
            ++expected;
            const QString shot = window.saveHistoryMappingScreenshot(
                parser.value(QStringLiteral("screenshot-history")),
                parser.value(QStringLiteral("screenshots")));
            if (!shot.isEmpty()) {
                files << shot;
            }
        }
        out() << "window " << window.width() << "x" << window.height() << Qt::endl;
        for (const QString& file : files) {
            out() << "saved " << file << Qt::endl;
        }
        return files.size() == expected ? 0 : 1;
    }
    return QApplication::exec();
}
