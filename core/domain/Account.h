#pragma once

// A customer account from the CRM export (SPEC §4, accounts layout).

#include <QDate>
#include <QString>

#include <optional>

namespace escdesk {

struct Account {
    QString accountId;
    QString name;
    QString tier;    // Enterprise, Mid-Market, SMB
    QString segment; // industry or market segment
    QString region;
    std::optional<double> arr; // annual recurring revenue
    QString timezone;          // IANA name
    QDate renewalDate;         // invalid when unknown
    QString attributes;
};

} // namespace escdesk
