#pragma once

// Words that carry no topic in support tickets: English function words and
// the courtesy and boilerplate of support mail ("hi", "thanks", "please",
// "ticket", "customer"). Text clustering leaves them out.

#include <QString>

namespace escdesk::text {

// Whether the lower-case word is a stop word.
bool isStopWord(const QString& lowerWord);

} // namespace escdesk::text
