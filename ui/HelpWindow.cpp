#include "HelpWindow.h"

#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QUrl>
#include <QVBoxLayout>

namespace escdesk::ui {

namespace {

const QString guideFolder = QStringLiteral(":/guide");

// Markdown tables arrive with doubled borders: give them one thin rule per
// cell and a shaded header row, as the rest of the application draws tables.
void styleTables(QTextDocument* document, const QPalette& palette) {
    for (QTextFrame* frame : document->rootFrame()->childFrames()) {
        auto* table = qobject_cast<QTextTable*>(frame);
        if (!table) {
            continue;
        }
        QTextTableFormat format = table->format();
        format.setBorderCollapse(true);
        format.setBorder(1);
        format.setBorderBrush(palette.color(QPalette::Mid));
        format.setCellSpacing(0);
        format.setCellPadding(5);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        table->setFormat(format);
        for (int column = 0; column < table->columns(); ++column) {
            QTextTableCell cell = table->cellAt(0, column);
            QTextCharFormat header = cell.format();
            header.setBackground(palette.color(QPalette::AlternateBase));
            cell.setFormat(header);
        }
    }
}

QString readPage(const QString& file) {
    QFile page(file);
    return page.open(QIODevice::ReadOnly) ? QString::fromUtf8(page.readAll()) : QString();
}

// A page's title is its first "# " heading.
QString titleOf(const QString& markdown) {
    for (const QString& line : markdown.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("# "))) {
            return line.mid(2).trimmed();
        }
    }
    return {};
}

} // namespace

HelpWindow::HelpWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_search(new QLineEdit(this))
    , m_contents(new QListWidget(this))
    , m_browser(new QTextBrowser(this))
    , m_files(pageFiles()) {
    setObjectName(QStringLiteral("helpWindow"));
    setWindowTitle(tr("Escalation Desk User Guide"));
    resize(1100, 760);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* side = new QWidget(this);
    side->setObjectName(QStringLiteral("helpContents"));
    side->setFixedWidth(300);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(12, 16, 12, 12);
    sideLayout->setSpacing(8);
    auto* title = new QLabel(tr("User Guide"), side);
    title->setObjectName(QStringLiteral("sectionTitle"));
    sideLayout->addWidget(title);
    m_search->setPlaceholderText(tr("Search the guide"));
    m_search->setAccessibleName(tr("Search the guide"));
    m_search->setClearButtonEnabled(true);
    sideLayout->addWidget(m_search);
    m_contents->setAccessibleName(tr("Guide contents"));
    m_contents->setFrameShape(QFrame::NoFrame);
    sideLayout->addWidget(m_contents, 1);
    layout->addWidget(side);

    m_browser->setAccessibleName(tr("Guide page"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->document()->setDocumentMargin(28);
    m_browser->document()->setDefaultStyleSheet(
        QStringLiteral("h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 18px; } "
                       "td, th { padding: 4px 8px; } code { font-family: monospace; }"));
    layout->addWidget(m_browser, 1);

    for (const QString& file : m_files) {
        auto* item = new QListWidgetItem(titleOf(readPage(file)), m_contents);
        item->setData(Qt::UserRole, file);
        item->setSizeHint(QSize(0, 30));
    }
    connect(m_contents, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) {
            m_browser->setSource(QUrl(QStringLiteral("qrc") + m_files[row]),
                                 QTextDocument::MarkdownResource);
            if (!m_search->text().isEmpty()) {
                m_browser->find(m_search->text());
            }
        }
    });
    // A link to another guide page selects it in the contents.
    connect(m_browser, &QTextBrowser::sourceChanged, this, [this](const QUrl& url) {
        styleTables(m_browser->document(), palette());
        const int row = int(m_files.indexOf(QLatin1Char(':') + url.path()));
        if (row >= 0 && row != m_contents->currentRow()) {
            const QSignalBlocker blocker(m_contents);
            m_contents->setCurrentRow(row);
        }
    });
    connect(m_search, &QLineEdit::textChanged, this, &HelpWindow::search);
    showPage(0);
}

QStringList HelpWindow::pageFiles() {
    QStringList files;
    // The file names start with their place in the reading order.
    const QStringList names =
        QDir(guideFolder).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        files << guideFolder + QLatin1Char('/') + name;
    }
    return files;
}

int HelpWindow::pageCount() const {
    return int(m_files.size());
}

void HelpWindow::showPage(int index) {
    m_contents->setCurrentRow(index);
}

int HelpWindow::currentPage() const {
    return m_contents->currentRow();
}

QString HelpWindow::pageTitle() const {
    const QListWidgetItem* item = m_contents->currentItem();
    return item ? item->text() : QString();
}

QString HelpWindow::pageText() const {
    return m_browser->toPlainText();
}

// Hides the pages that do not mention `text` and highlights it on the page shown.
void HelpWindow::search(const QString& text) {
    int firstMatch = -1;
    for (int row = 0; row < m_contents->count(); ++row) {
        const bool matches =
            text.isEmpty() || readPage(m_files[row]).contains(text, Qt::CaseInsensitive);
        m_contents->item(row)->setHidden(!matches);
        if (matches && firstMatch < 0) {
            firstMatch = row;
        }
    }
    if (text.isEmpty()) {
        return;
    }
    if (m_contents->currentItem() && m_contents->currentItem()->isHidden() && firstMatch >= 0) {
        m_contents->setCurrentRow(firstMatch);
    }
    m_browser->moveCursor(QTextCursor::Start);
    m_browser->find(text);
}

} // namespace escdesk::ui
