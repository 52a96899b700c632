#pragma once

// The application's look: the Fusion style with a calm light palette, one
// readable font, and the style sheet of the named widgets (page titles, KPI
// cards, the navigation list).

class QApplication;

namespace escdesk::ui {

void applyAppearance(QApplication& application);

} // namespace escdesk::ui
