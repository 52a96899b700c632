#pragma once

// The user guide: the Markdown pages of docs/guide, bundled as resources,
// in a window with a contents list, a search box and a text browser.

#include <QWidget>

class QLineEdit;
class QListWidget;
class QTextBrowser;

namespace escdesk::ui {

class HelpWindow : public QWidget {
    Q_OBJECT
public:
    explicit HelpWindow(QWidget* parent = nullptr);

    // The guide's pages in reading order, as resource paths (":/guide/…md").
    static QStringList pageFiles();
    int pageCount() const;
    // Shows page `index` of pageFiles().
    void showPage(int index);
    int currentPage() const;
    // The title and plain text of the page shown.
    QString pageTitle() const;
    QString pageText() const;
    QTextBrowser* browser() const { return m_browser; }
    QLineEdit* searchBox() const { return m_search; }

private:
    void search(const QString& text);

    QLineEdit* m_search;
    QListWidget* m_contents;
    QTextBrowser* m_browser;
    QStringList m_files;
};

} // namespace escdesk::ui
