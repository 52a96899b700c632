#pragma once

// Lenient but exact readers for the typed columns of the canonical layouts:
// they accept the spellings helpdesks use and nothing that would need a
// guess. Each returns nullopt for a value it does not accept.

#include <optional>
#include <string>
#include <string_view>

namespace escdesk::import {

// true/false, yes/no, y/n, t/f, 1/0 in any case.
std::optional<bool> parseBoolean(std::string_view text);
// 1..4, optionally written T1, L1, Tier 1, Level 1.
std::optional<int> parseTier(std::string_view text);
// A decimal number with '.' as the decimal point; finite.
std::optional<double> parseNumber(std::string_view text);
// Critical, High, Medium, Low, and their usual synonyms (Urgent, P1..P4,
// Sev1..Sev4, Highest, Normal, Lowest); returns the canonical name.
std::optional<std::string_view> parsePriority(std::string_view text);
// A canonical event name (escalated, claimed, ...), in any case.
std::optional<std::string_view> parseEventName(std::string_view text);
// YYYY-MM-DD; returns the same text when it names a real date.
bool isIsoDate(std::string_view text);

std::string_view trimBlanks(std::string_view text);

// Header names compare case-insensitively, ignoring surrounding blanks and
// a BOM, and treating "Ticket ID" and "ticket-id" as ticket_id.
std::string normalizedHeader(std::string_view header);

} // namespace escdesk::import
