#pragma once

// The AFINN-165 valence lexicon (3,382 English words and phrases rated from
// −5 to +5 by Finn Årup Nielsen), compiled into the library from
// resources/sentiment/afinn-165.json so the sentiment scorer needs no files
// at run time. Data licence: ODbL v1.0 (resources/sentiment/LICENSE.md).

#include <QByteArray>

namespace escdesk::risk {

// The lexicon as a JSON object {"word or phrase": valence, …}.
QByteArray afinnLexiconJson();

} // namespace escdesk::risk
