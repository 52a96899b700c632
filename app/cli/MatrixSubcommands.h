#pragma once

// The `escdesk matrix` actions that work on a draft beside the published
// matrix: `draft export|import|diff|publish|discard` and `replay`. The
// matrix command parses the options (all of its actions share one parser)
// and hands over the positional arguments after the action.

#include <QCommandLineParser>
#include <QStringList>

namespace escdesk::cli {

// Adds the options of the draft and replay actions: --force, --summary and
// the period options.
void addDraftOptions(QCommandLineParser& parser);

// `matrix draft ACTION [FILE]`; `arguments` starts with ACTION.
int runMatrixDraft(const QCommandLineParser& parser, const QStringList& arguments);

// `matrix replay DRAFT`; `arguments` holds DRAFT: a matrix file, or the word
// `draft` for the workspace's stored draft.
int runMatrixReplay(const QCommandLineParser& parser, const QStringList& arguments);

} // namespace escdesk::cli
