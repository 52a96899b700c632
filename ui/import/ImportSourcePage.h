#pragma once

// The wizard's first page: the files, their kind, the mapping (canonical
// layout, a helpdesk preset or a custom mapping file; for a history export
// a mapping file or the mapping editor of the next step), the source time
// zone and the day/month order of slash dates. A first file that looks like
// a change log (HistoryPreview.h) makes the kind history until the user
// chooses one.

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace escdesk::ui {

class ImportWizard;

class ImportSourcePage : public QWizardPage {
    Q_OBJECT
public:
    ImportSourcePage(ImportWizard& wizard, const QStringList& files);

    void setFiles(const QStringList& files);
    QStringList files() const;
    // kind: tickets, events, accounts, known-issues, history
    void setKind(const QString& kind);
    // A preset name (zendesk, ...), "" for the canonical layout.
    void setPreset(const QString& preset);
    void setMappingFile(const QString& path);
    void setSourceZone(const QByteArray& ianaId);
    QByteArray sourceZone() const;
    void setDateOrder(int order); // an import::DateOrder

    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    void addFiles();
    void updateMappingChoices();
    void guessKind();

    ImportWizard& m_wizard;
    QListWidget* m_files;
    QComboBox* m_kind;
    QComboBox* m_mapping;
    QLineEdit* m_mappingFile;
    QPushButton* m_browseMapping;
    QComboBox* m_zone;
    QComboBox* m_dateOrder;
    QLabel* m_problem;
    bool m_kindChosen = false; // by the user: no longer guessed from the files
};

} // namespace escdesk::ui
