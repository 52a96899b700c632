#pragma once

// The wizard's first page: the files, their kind, the mapping (canonical
// layout, a helpdesk preset or a custom mapping file), the source time zone
// and the day/month order of slash dates.

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

private:
    void addFiles();
    void updateMappingChoices();

    ImportWizard& m_wizard;
    QListWidget* m_files;
    QComboBox* m_kind;
    QComboBox* m_mapping;
    QLineEdit* m_mappingFile;
    QPushButton* m_browseMapping;
    QComboBox* m_zone;
    QComboBox* m_dateOrder;
    QLabel* m_problem;
};

} // namespace escdesk::ui
