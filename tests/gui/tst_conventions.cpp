// What a user expects of a desktop program, on the main window: the Welcome
// page while no workspace is open (the demo opens the Dashboard), the user
// guide (F1) with every page, Ctrl+1 … Ctrl+9 and Ctrl+0 for the pages (as
// the guide lists them), the command palette finding pages and tickets, the
// light and dark themes, the window remembering its page, period and theme,
// and an accessible name on every control without visible text.

#include "Appearance.h"
#include "CommandPalette.h"
#include "HelpWindow.h"
#include "MainWindow.h"
#include "pages/DashboardPage.h"
#include "pages/EscalationsPage.h"
#include "pages/TrendsPage.h"
#include "pages/WelcomePage.h"
#include "store/DataWriter.h"
#include "store/TicketReader.h"
#include "store/Workspace.h"
#include "widgets/KpiCard.h"
#include "widgets/PeriodPicker.h"
#include "widgets/TicketDetailPane.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace escdesk;
using namespace escdesk::ui;

namespace {

// Three tickets; W-2 is about a failed payment and escalated.
std::int64_t makeWorkspace(const QString& path) {
    store::Workspace workspace(path);
    store::DataWriter writer(workspace.db());
    std::int64_t paymentRow = -1;
    const QString subjects[] = {QStringLiteral("Password reset loop"),
                                QStringLiteral("Payment failed at checkout"),
                                QStringLiteral("Export is slow")};
    for (int i = 1; i <= 3; ++i) {
        Ticket t;
        t.ticketId = QStringLiteral("W-%1").arg(i);
        t.createdAt = 1'790'000'000 + i * 60;
        t.subject = subjects[i - 1];
        const auto row = writer.insertTicket(t);
        if (i == 2) {
            paymentRow = row;
            TicketEvent e;
            e.occurredAt = t.createdAt + 60;
            e.kind = EventKind::Escalated;
            e.fromTier = 1;
            e.toTier = 2;
            writer.insertEvent(row, e);
        }
    }
    return paymentRow;
}

void settle(int milliseconds = 100) {
    QTest::qWait(milliseconds);
}

// The text a user sees on a control, if any.
QString visibleText(const QWidget* widget) {
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
        return button->text();
    }
    return {};
}

// A control with a label pointing at it (QLabel::setBuddy) is named by it.
bool hasBuddyLabel(const QWidget* widget) {
    const QWidget* window = widget->window();
    const auto labels = window->findChildren<QLabel*>();
    return std::any_of(labels.begin(), labels.end(),
                       [widget](const QLabel* label) { return label->buddy() == widget; });
}

bool isInteractive(const QWidget* widget) {
    return qobject_cast<const QAbstractButton*>(widget) || qobject_cast<const QComboBox*>(widget) ||
           qobject_cast<const QLineEdit*>(widget) ||
           qobject_cast<const QAbstractSpinBox*>(widget) ||
           qobject_cast<const QAbstractSlider*>(widget) ||
           qobject_cast<const QAbstractItemView*>(widget) ||
           qobject_cast<const QChartView*>(widget) || qobject_cast<const KpiCard*>(widget);
}

// The controls under `root` a screen reader could not name.
QStringList unnamedControls(const QWidget* root) {
    QStringList unnamed;
    for (const QWidget* widget : root->findChildren<QWidget*>()) {
        if (!isInteractive(widget)) {
            continue;
        }
        // Parts of a composite control (a combo's list, a spin box's line
        // edit, a scroll bar, a header) are named by their owner.
        const QWidget* parent = widget->parentWidget();
        if (qobject_cast<const QAbstractSlider*>(widget) ||
            (parent &&
             (qobject_cast<const QComboBox*>(parent) ||
              qobject_cast<const QAbstractSpinBox*>(parent) ||
              qobject_cast<const QAbstractItemView*>(parent) ||
              parent->inherits("QComboBoxPrivateContainer") || parent->inherits("QTabBar") ||
              parent->inherits("QCalendarWidget") || parent->inherits("QToolBarExtension") ||
              parent->inherits("QLineEdit") || parent->inherits("QDateTimeEdit")))) {
            continue;
        }
        // Qt's own helpers (the menu bar's overflow button) are Qt's to name.
        if (widget->inherits("QCalendarWidget") || widget->window()->inherits("QMenu") ||
            widget->objectName().startsWith(QLatin1String("qt_"))) {
            continue;
        }
        if (!visibleText(widget).remove(QLatin1Char('&')).trimmed().isEmpty() ||
            !widget->accessibleName().isEmpty() || hasBuddyLabel(widget)) {
            continue;
        }
        unnamed << QStringLiteral("%1 %2 (in %3)")
                       .arg(QString::fromLatin1(widget->metaObject()->className()),
                            widget->objectName(),
                            parent ? QString::fromLatin1(parent->metaObject()->className())
                                   : QString());
    }
    return unnamed;
}

} // namespace

class TestConventions : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("escalation-desk-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_conventions"));
        // Settings and the demo's data folder go to scratch places.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        applyAppearance(*qApp, Theme::Light);
    }

    void init() {
        QSettings().clear();
        setTheme(Theme::Light);
    }

    void welcomeShowsWithoutAWorkspace() {
        MainWindow window(false);
        QVERIFY(window.isWelcomeShown());
        QVERIFY(!window.workspace());
        // Pages need a workspace: their shortcuts are off until one is open.
        QVERIFY(!window.pageAction(0)->isEnabled());
        const QString path = m_dir.filePath(QStringLiteral("welcome.escdesk"));
        makeWorkspace(path);
        QVERIFY(window.openWorkspace(path, true).isEmpty());
        QVERIFY(!window.isWelcomeShown());
        QVERIFY(window.pageAction(0)->isEnabled());
        window.closeWorkspace();
        QVERIFY(window.isWelcomeShown());
        QVERIFY(!window.workspace());
    }

    void aRecentWorkspaceOpensFromTheWelcomePage() {
        const QString path = m_dir.filePath(QStringLiteral("recent.escdesk"));
        makeWorkspace(path);
        MainWindow window(false);
        window.welcomePage()->setRecentWorkspaces({path});
        auto* recent = window.welcomePage()->findChild<QListWidget*>(QStringLiteral("recentList"));
        QCOMPARE(recent->count(), 1);
        QVERIFY(recent->item(0)->text().startsWith(QStringLiteral("recent.escdesk\n")));
        emit recent->itemActivated(recent->item(0));
        QVERIFY(window.workspace());
        QCOMPARE(window.workspace()->path(), path);
        QVERIFY(!window.isWelcomeShown());
    }

    void demoCreatesAWorkspaceAndOpensTheDashboard() {
        const QString demoPath = WelcomePage::demoWorkspacePath();
        // XDG_DATA_HOME points into the scratch directory.
        QVERIFY2(demoPath.startsWith(m_dir.path()), qPrintable(demoPath));
        QVERIFY(!QFileInfo::exists(demoPath));
        MainWindow window(false);
        window.setCurrentPage(4); // the demo must land on the Dashboard anyway
        window.show();
        window.welcomePage()->demoButton()->click();
        QVERIFY(window.welcomePage()->isCreatingDemo());
        // Written on a worker thread: the window stays responsive meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(!window.welcomePage()->isCreatingDemo(), 120000);
        QTRY_VERIFY(window.workspace());
        QCOMPARE(window.workspace()->path(), demoPath);
        QVERIFY(!window.isWelcomeShown());
        QCOMPARE(window.currentPage(), 0);
        // DemoOptions' default: 20,000 tickets.
        QCOMPARE(store::countRecords(window.workspace()->db()).tickets, 20000);

        // A second start opens the same demo without writing it again.
        MainWindow again(false);
        again.welcomePage()->demoButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(again.workspace(), 60000);
        QCOMPARE(store::countRecords(again.workspace()->db()).tickets, 20000);
    }

    void helpWindowLoadsEveryGuidePage() {
        MainWindow window(false);
        HelpWindow* help = window.showHelp();
        QVERIFY(help->isVisible());
        // docs/guide holds six pages, in this order.
        const QStringList titles{QStringLiteral("Getting started"),
                                 QStringLiteral("Tiers, rules, SLAs and calendars"),
                                 QStringLiteral("Metrics and benchmarks"),
                                 QStringLiteral("The weekly 30-minute review"),
                                 QStringLiteral("Importing your helpdesk data"),
                                 QStringLiteral("The command line")};
        QCOMPARE(help->pageCount(), titles.size());
        for (int i = 0; i < help->pageCount(); ++i) {
            help->showPage(i);
            QCOMPARE(help->pageTitle(), titles[i]);
            // Rendered from Markdown: the heading's text, without its "#".
            QVERIFY2(help->pageText().startsWith(titles[i]), qPrintable(help->pageText().left(80)));
            QVERIFY(!help->pageText().contains(QStringLiteral("\n## ")));
            QVERIFY(help->pageText().size() > 1000);
        }
        // The metrics page gives SPEC §7's definitions and bands.
        help->showPage(2);
        QVERIFY(help->pageText().contains(QStringLiteral("Escalated ÷ tickets.")));
        QVERIFY(help->pageText().contains(QStringLiteral("below 10%")));
        // Importing names the presets' real columns.
        help->showPage(4);
        for (const char* column :
             {"Solved at", "Issue key", "Initial response time", "short_description"}) {
            QVERIFY2(help->pageText().contains(QLatin1String(column)), column);
        }
        // A link to another guide page opens it and selects it in the contents.
        help->showPage(0);
        help->browser()->setSource(QUrl(QStringLiteral("qrc:/guide/05-importing.md")));
        QCOMPARE(help->currentPage(), 4);
        QVERIFY(help->pageText().startsWith(titles[4]));
        // Search keeps the pages that mention the word.
        help->searchBox()->setText(QStringLiteral("bounceback"));
        auto* contents = help->findChild<QListWidget*>();
        QVERIFY(contents->item(0)->isHidden());  // getting started does not
        QVERIFY(!contents->item(2)->isHidden()); // metrics does
        help->searchBox()->clear();
        QVERIFY(!contents->item(0)->isHidden());
    }

    void f1OpensTheGuide() {
        MainWindow window(false);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_F1);
        auto* help = window.findChild<HelpWindow*>();
        QVERIFY(help);
        QVERIFY(help->isVisible());
    }

    void shortcutsSwitchPages() {
        const QString path = m_dir.filePath(QStringLiteral("shortcuts.escdesk"));
        makeWorkspace(path);
        MainWindow window(false);
        QVERIFY(window.openWorkspace(path, true).isEmpty());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        // Ten digit keys for ten pages: an eleventh page needs another kind of key.
        const int pages = window.pageCount();
        QCOMPARE(pages, 10);
        // From the last page backwards so that every key changes the page.
        for (int i = pages - 1; i >= 0; --i) {
            const int digit = (i + 1) % 10; // Ctrl+1 … Ctrl+9, then Ctrl+0
            QTest::keyClick(&window, Qt::Key(Qt::Key_0 + digit), Qt::ControlModifier);
            QCOMPARE(window.currentPage(), i);
            // The navigation's tooltip and the View menu name the key.
            const QString keys = QStringLiteral("Ctrl+%1").arg(digit);
            QVERIFY2(navigation->item(i)->toolTip().contains(keys),
                     qPrintable(navigation->item(i)->toolTip()));
            QCOMPARE(window.pageAction(i)->shortcut().toString(), keys);
        }
    }

    // The guide's table of pages (docs/guide/01-getting-started.md, as Help
    // shows it) lists every page with the key of its View menu action, and
    // nothing else; a guide page that names a page's key names the same one.
    void theGuideListsEveryPageWithItsShortcut() {
        MainWindow window(false);              // registers the guide's resources
        std::map<QString, QString> keysOfPage; // "Dashboard" → "Ctrl+1"
        const QString goTo = QStringLiteral("Go to ");
        for (int i = 0; i < window.pageCount(); ++i) {
            const QAction* show = window.pageAction(i);
            QVERIFY2(show->text().startsWith(goTo), qPrintable(show->text()));
            QVERIFY2(!show->shortcut().isEmpty(), qPrintable(show->text()));
            keysOfPage[show->text().mid(goTo.size())] =
                show->shortcut().toString(QKeySequence::PortableText);
        }
        QCOMPARE(int(keysOfPage.size()), window.pageCount());

        QFile file(QStringLiteral(":/guide/01-getting-started.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString guide = QString::fromUtf8(file.readAll());
        const QString pagesSection = guide.section(QStringLiteral("\n## The pages\n"), 1)
                                         .section(QStringLiteral("\n## "), 0, 0);
        // "| Dashboard | Ctrl+1 | Key figures … |", after the heading and its rule.
        static const QRegularExpression tableRow(
            QStringLiteral("^\\|\\s*([^|]+?)\\s*\\|\\s*([^|]+?)\\s*\\|"),
            QRegularExpression::MultilineOption);
        std::map<QString, QString> listed;
        for (auto rows = tableRow.globalMatch(pagesSection); rows.hasNext();) {
            const auto row = rows.next();
            if (row.captured(1) != QLatin1String("Page") && !row.captured(1).startsWith('-')) {
                listed[row.captured(1)] = row.captured(2);
            }
        }
        for (const auto& [page, keys] : keysOfPage) {
            QVERIFY2(listed.count(page) && listed[page] == keys,
                     qPrintable(QStringLiteral("The guide's table should list %1 with %2, not %3")
                                    .arg(page, keys, listed[page])));
        }
        for (const auto& [page, keys] : listed) {
            QVERIFY2(keysOfPage.count(page),
                     qPrintable(
                         QStringLiteral("The guide lists %1 (%2): no such page").arg(page, keys)));
        }

        // "the **Review** page (Ctrl+9)" anywhere in the guide.
        static const QRegularExpression mention(
            QStringLiteral("\\*\\*([^*]+)\\*\\* page \\((Ctrl\\+\\w+)\\)"));
        int mentions = 0;
        const QDir guidePages(QStringLiteral(":/guide"));
        for (const QString& name : guidePages.entryList(QDir::Files)) {
            QFile page(guidePages.filePath(name));
            QVERIFY(page.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(page.readAll());
            for (auto found = mention.globalMatch(text); found.hasNext(); ++mentions) {
                const auto match = found.next();
                QVERIFY2(keysOfPage[match.captured(1)] == match.captured(2),
                         qPrintable(QStringLiteral("%1 names %2 with %3, but its key is %4")
                                        .arg(name, match.captured(1), match.captured(2),
                                             keysOfPage[match.captured(1)])));
            }
        }
        QVERIFY(mentions >= 2); // the weekly review's and importing's
    }

    void paletteFindsAPageAndATicket() {
        const QString path = m_dir.filePath(QStringLiteral("palette.escdesk"));
        const std::int64_t paymentRow = makeWorkspace(path);
        MainWindow window(false);
        QVERIFY(window.openWorkspace(path, true).isEmpty());
        window.show();

        CommandPalette* palette = window.showCommandPalette();
        QVERIFY(palette->isVisible());
        QTest::keyClicks(palette->searchBox(), QStringLiteral("trends"));
        QVERIFY(palette->results()->count() >= 1);
        QVERIFY2(palette->results()->item(0)->text().startsWith(QStringLiteral("Go to Trends")),
                 qPrintable(palette->results()->item(0)->text()));
        QTest::keyClick(palette->searchBox(), Qt::Key_Return);
        QVERIFY(qobject_cast<TrendsPage*>(window.page(window.currentPage())) != nullptr);
        QVERIFY(!palette->isVisible());

        // "payment" is in W-2's subject only; no page or action has it.
        palette = window.showCommandPalette();
        QCOMPARE(palette->searchBox()->text(), QString());
        QTest::keyClicks(palette->searchBox(), QStringLiteral("payment"));
        QTRY_VERIFY(!palette->isSearching());
        QTRY_COMPARE(palette->results()->count(), 1);
        QVERIFY(palette->results()->item(0)->text().contains(QStringLiteral("W-2")));
        palette->activate(0);
        QCOMPARE(window.currentPage(), 1);
        QCOMPARE(window.escalationsPage()->detail()->ticketRow(), paymentRow);

        // Actions of submenus read with the submenu: "Theme › Dark".
        palette = window.showCommandPalette();
        QTest::keyClicks(palette->searchBox(), QStringLiteral("theme dark"));
        QVERIFY(palette->results()->count() >= 1);
        QVERIFY2(palette->results()->item(0)->text().startsWith(QStringLiteral("Theme › Dark")),
                 qPrintable(palette->results()->item(0)->text()));
        palette->activate(0);
        QVERIFY(darkThemeActive());
        window.applyTheme(Theme::Light);

        // By id as well.
        palette = window.showCommandPalette();
        QTest::keyClicks(palette->searchBox(), QStringLiteral("W-3"));
        QTRY_COMPARE(palette->results()->count(), 1);
        QVERIFY(palette->results()->item(0)->text().contains(QStringLiteral("Export is slow")));
        palette->close();
    }

    void themeSwitchChangesThePalette() {
        MainWindow window(false);
        window.applyTheme(Theme::Dark);
        QVERIFY(darkThemeActive());
        // Dark: a dark window behind light text.
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 60);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 200);
        // Charts follow: their background is the dark card colour.
        const auto charts = window.dashboardPage()->findChildren<QChartView*>();
        QVERIFY(!charts.isEmpty());
        for (const QChartView* chart : charts) {
            QVERIFY(chart->chart()->backgroundBrush().color().lightness() < 60);
        }
        window.applyTheme(Theme::Light);
        QVERIFY(!darkThemeActive());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        for (const QChartView* chart : charts) {
            QCOMPARE(chart->chart()->backgroundBrush().color(), QColor(Qt::white));
        }
    }

    void settingsRestoreThePagePeriodAndTheme() {
        const QString path = m_dir.filePath(QStringLiteral("settings.escdesk"));
        makeWorkspace(path);
        {
            MainWindow window(true);
            QVERIFY(window.openWorkspace(path, true).isEmpty());
            window.setCurrentPage(5);
            window.dashboardPage()->findChild<PeriodPicker*>()->setPreset(
                metrics::PeriodPreset::Last90Days);
            window.applyTheme(Theme::Dark);
            window.close();
        }
        setTheme(Theme::Light);
        MainWindow again(true);
        QCOMPARE(again.currentPage(), 5);
        QCOMPARE(again.dashboardPage()->findChild<PeriodPicker*>()->preset(),
                 metrics::PeriodPreset::Last90Days);
        QCOMPARE(currentTheme(), Theme::Dark);
        again.applyTheme(Theme::Light);
    }

    void everyKpiCardExplainsItself() {
        MainWindow window(false);
        const auto cards = window.dashboardPage()->findChildren<KpiCard*>();
        // Tickets, escalated, rate, the nine key figures and engineering time.
        QCOMPARE(cards.size(), 13);
        for (const KpiCard* card : cards) {
            QVERIFY2(card->toolTip().size() > 20, qPrintable(card->accessibleName()));
        }
        // SPEC §7: escalation_rate = escalated / tickets, with its benchmark.
        const auto rate = std::find_if(cards.begin(), cards.end(), [](const KpiCard* card) {
            return card->toolTip().startsWith(QStringLiteral("escalation_rate"));
        });
        QVERIFY(rate != cards.end());
        QVERIFY((*rate)->toolTip().contains(QStringLiteral("escalated / tickets")));
        QVERIFY((*rate)->toolTip().contains(QStringLiteral("below 10%")));
    }

    void everyControlHasANameOrText() {
        const QString path = m_dir.filePath(QStringLiteral("a11y.escdesk"));
        makeWorkspace(path);
        MainWindow window(false);
        window.show();
        QStringList unnamed = unnamedControls(&window); // the Welcome page
        QVERIFY(window.openWorkspace(path, true).isEmpty());
        for (int i = 0; i < window.pageCount(); ++i) {
            window.setCurrentPage(i);
            settle();
        }
        unnamed += unnamedControls(&window);
        unnamed += unnamedControls(window.showHelp());
        unnamed += unnamedControls(window.showCommandPalette());
        unnamed.removeDuplicates();
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestConventions)
#include "tst_conventions.moc"
