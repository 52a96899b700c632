#include "import/ImportWizard.h"

#include "import/HistoryMappingPage.h"
#include "import/ImportPreviewPage.h"
#include "import/ImportResultPage.h"
#include "import/ImportRunPage.h"
#include "import/ImportSourcePage.h"

namespace escdesk::ui {

ImportWizard::ImportWizard(store::Workspace& workspace, const QStringList& files, QWidget* parent)
    : QWizard(parent)
    , m_workspace(workspace)
    , m_source(new ImportSourcePage(*this, files))
    , m_historyMapping(new HistoryMappingPage(*this))
    , m_preview(new ImportPreviewPage(*this))
    , m_run(new ImportRunPage(*this))
    , m_result(new ImportResultPage(*this)) {
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import CSV Files"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(SourcePageId, m_source);
    setPage(PreviewPageId, m_preview);
    setPage(RunPageId, m_run);
    setPage(ResultPageId, m_result);
    setPage(HistoryMappingPageId, m_historyMapping);
    setButtonText(QWizard::CommitButton, tr("Import"));
    resize(1040, 700);
}

ImportWizard::~ImportWizard() = default;

bool ImportWizard::storeChanged() const {
    return m_run->batchesWritten() > 0;
}

int ImportWizard::nextId() const {
    // The mapping step, last by id, is reached from the source page only.
    return currentId() == ResultPageId ? -1 : QWizard::nextId();
}

void ImportWizard::reject() {
    if (m_run->isRunning()) {
        m_run->requestCancel();
        return;
    }
    QWizard::reject();
}

} // namespace escdesk::ui
