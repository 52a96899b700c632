#pragma once

// The mapping editor of a history export (HistoryImporter.h): for each role
// — case id, change time, status, tier, group, priority and the other
// ticket fields — the file's column it is read from; for the selected role
// its value map (the values seen in the file's first rows, each stored as
// it stands or as another value), its own null tokens, and for the change
// time its form and day/month order; for the status, which statuses mean
// waiting, resolved or closed; null tokens for every field. It builds the
// HistoryMapping an import runs with; it reads no file itself.

#include "import/HistoryPreview.h"

#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace escdesk::ui {

class HistoryMappingEditor : public QWidget {
    Q_OBJECT
public:
    explicit HistoryMappingEditor(QWidget* parent = nullptr);

    // The file's columns and sampled values to choose from.
    void setSample(const import::HistorySample& sample);
    // Fills the editor from a mapping (a first guess or a mapping file).
    void setMapping(const import::HistoryMapping& mapping);
    import::HistoryMapping mapping() const;
    // What keeps the mapping from being used, or empty.
    QString problem() const;

    // The roles: case, time, status, tier, group, priority, then
    // historyTicketFields().
    QStringList roles() const;
    QComboBox* columnChoice(const QString& role) const;
    void selectRole(const QString& role);
    QString selectedRole() const;
    // The selected role's values: value in the file, stored as, and for
    // the status its meaning.
    QTableWidget* valueTable() const { return m_values; }
    QComboBox* statusMeaning(int row) const; // of the status role's value row
    QCheckBox* commonNull(const QString& token) const;

signals:
    void changed();

private:
    struct Role {
        QString key;
        QString label;
        QString column;                                  // empty: not mapped
        std::vector<std::pair<QString, QString>> values; // value in the file → stored as
        std::optional<QStringList> nulls;                // its own, replacing the mapping's
        std::vector<import::ValuePattern> patterns = {}; // as loaded; not edited here
    };
    enum class Meaning { Open, Waiting, Resolved, Closed };

    QWidget* createMappingWideRow();
    QWidget* createRolesTable();
    QGroupBox* createDetails();
    Role& role(const QString& key);
    const Role& role(const QString& key) const;
    void fillColumnChoices();
    void setRoleColumn(const QString& key, const QString& column);
    void showRole(int index);
    void fillValueTable(const Role& role);
    void addStatusMeaning(int row, const QString& status);
    void storeValues();
    void storeOwnNulls();
    void updateSummaries();
    QStringList sampledValues(const QString& column) const;
    Meaning meaningOf(const QString& status) const;
    void setMeaning(const QString& status, Meaning meaning);
    std::optional<import::FieldSource> sourceOf(const Role& role) const;
    void edited();

    std::vector<Role> m_roles;
    int m_current = -1;
    bool m_filling = false; // widgets being filled: not an edit
    import::HistorySample m_sample;
    QStringList m_waiting;
    QStringList m_resolved;
    QStringList m_closed;
    // A loaded mapping's "attributes": not edited here, written back as they came.
    std::vector<import::FieldSource> m_attributes;
    std::optional<import::TimestampForm> m_timeForm;

    QLineEdit* m_name;
    std::vector<QCheckBox*> m_commonNulls;
    QLineEdit* m_otherNulls;
    QTableWidget* m_rolesTable;
    std::vector<QComboBox*> m_columnChoices; // one per role
    QGroupBox* m_details;
    QLabel* m_detailsNote;
    QWidget* m_timeRow;
    QComboBox* m_timeFormChoice;
    QComboBox* m_dateOrderChoice;
    QTableWidget* m_values;
    QCheckBox* m_ownNulls;
    QLineEdit* m_ownNullTokens;
};

} // namespace escdesk::ui
