#pragma once

// The weekly review: the 30-minute agenda as steps (KPIs, p90 regressions,
// root causes, deep dives, open actions, decisions) over the weekly review
// report, a countdown, and forms that record decisions and long-term actions
// as the meeting goes. The actions table shows every open action, marking
// those agreed at the previous review.

#include "pages/WorkspacePage.h"
#include "report/Report.h"
#include "review/ReviewRecord.h"

#include <QFutureWatcherBase>
#include <QPointer>

#include <memory>

class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QTextDocument;
class QTimer;

namespace escdesk::ui {

class ReviewPage : public WorkspacePage {
    Q_OBJECT
public:
    static constexpr int meetingSeconds = 30 * 60;

    explicit ReviewPage(QWidget* parent = nullptr);
    ~ReviewPage() override;

    void setAsynchronous(bool asynchronous) { m_asynchronous = asynchronous; }
    bool isBusy() const override { return m_loading; }
    void setWorkspace(store::Workspace* workspace) override;
    QString screenshotName() const override { return QStringLiteral("review"); }
    void prepareScreenshot() override;

    // The reviewed week: Monday to Sunday holding `day`.
    void setWeek(const QDate& day);
    void setStep(int step);
    int step() const;
    const report::Report& report() const { return m_report; }
    QTableWidget* actionsTable() const { return m_actions; }

    // Records from the forms; return an error message, empty on success.
    // On a read-only workspace the forms are disabled and these say why.
    QString recordDecision(const QString& type, const QString& owner, const QString& concerns,
                           const QString& note);
    QString addAction(const QString& title, const QString& about, const QString& owner,
                      const QDate& deadline);

    // "25:00", or "+02:10" past the half hour.
    static QString clockText(int secondsLeft);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* makeAgenda();
    QWidget* makeForms();
    void refresh();
    void showReport();
    void showStep();
    void showActions();
    void tick();

    store::Workspace* m_workspace = nullptr;
    bool m_stale = true;
    bool m_asynchronous = true;
    bool m_loading = false;
    quint64 m_generation = 0;
    QPointer<QFutureWatcherBase> m_watcher;
    report::Report m_report;
    QString m_error;
    std::vector<review::Action> m_actionRows;
    std::unique_ptr<QTextDocument> m_document;
    QDate m_weekStart;
    int m_secondsLeft = meetingSeconds;

    QDateEdit* m_week;
    QLabel* m_clock;
    QPushButton* m_startStop;
    QTimer* m_timer;
    QListWidget* m_steps;
    QTextBrowser* m_section;
    QPushButton* m_back;
    QPushButton* m_next;
    QGroupBox* m_decisionForm;
    QComboBox* m_decisionType;
    QLineEdit* m_decisionOwner;
    QLineEdit* m_decisionConcerns;
    QLineEdit* m_decisionNote;
    QGroupBox* m_actionForm;
    QLineEdit* m_actionTitle;
    QComboBox* m_actionAbout;
    QLineEdit* m_actionOwner;
    QDateEdit* m_actionDeadline;
    QTableWidget* m_actions;
    QLabel* m_feedback;
};

} // namespace escdesk::ui
