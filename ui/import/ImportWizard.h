#pragma once

// The import wizard (SPEC §11): pick files and say what they are, map the
// columns of a history export (HistoryMappingPage), preview the first rows
// as they will be stored, import on a worker thread with progress and
// Cancel, then the batch figures and rejected rows.

#include "import/ImportChoice.h"

#include <QWizard>

namespace escdesk::store {
class Workspace;
}

namespace escdesk::ui {

class HistoryMappingPage;
class ImportSourcePage;
class ImportPreviewPage;
class ImportRunPage;
class ImportResultPage;

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    // The mapping step comes after the source page; its id is last so that
    // the others keep theirs.
    enum PageId { SourcePageId, PreviewPageId, RunPageId, ResultPageId, HistoryMappingPageId };

    ImportWizard(store::Workspace& workspace, const QStringList& files, QWidget* parent = nullptr);
    ~ImportWizard() override;

    store::Workspace& workspace() const { return m_workspace; }
    ImportChoice& choice() { return m_choice; }

    ImportSourcePage* sourcePage() const { return m_source; }
    HistoryMappingPage* historyMappingPage() const { return m_historyMapping; }
    ImportPreviewPage* previewPage() const { return m_preview; }
    ImportRunPage* runPage() const { return m_run; }
    ImportResultPage* resultPage() const { return m_result; }

    // Whether an import wrote a batch (the main window then refreshes).
    bool storeChanged() const;

    int nextId() const override;

public slots:
    // While an import runs, Cancel stops it (it rolls back) instead of closing.
    void reject() override;

private:
    store::Workspace& m_workspace;
    ImportChoice m_choice;
    ImportSourcePage* m_source;
    HistoryMappingPage* m_historyMapping;
    ImportPreviewPage* m_preview;
    ImportRunPage* m_run;
    ImportResultPage* m_result;
};

} // namespace escdesk::ui
