#pragma once

// A page of the main window. Pages show the open workspace (or an empty
// state without one) and load their data lazily, when first shown, so that
// opening a large workspace costs only what the visible page needs.

#include <QSettings>
#include <QWidget>

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

class WorkspacePage : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual void setWorkspace(store::Workspace* workspace) = 0;
    // A file-name stem for screenshots, e.g. "dashboard".
    virtual QString screenshotName() const = 0;
    // Puts the page into a state worth a screenshot (e.g. a selection).
    virtual void prepareScreenshot() {}
    // A page with several views worth a screenshot (e.g. editor tabs) names
    // each; the main window saves one PNG per view, after showing it.
    virtual QStringList screenshotViews() const { return {}; }
    virtual void showScreenshotView(int index) { Q_UNUSED(index); }
    // After its views were saved: undoes what showing them needed.
    virtual void finishScreenshots() {}
    // Whether the page is still loading data in the background.
    virtual bool isBusy() const { return false; }
    virtual void saveSettings(QSettings& settings) const { Q_UNUSED(settings); }
    virtual void restoreSettings(QSettings& settings) { Q_UNUSED(settings); }

signals:
    // Something the status bar shows changed (e.g. the number of matches).
    void statusMessage(const QString& message);
};

} // namespace escdesk::ui
