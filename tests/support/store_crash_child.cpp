// Test helper: runs one store write — a matrix edit (saveMatrix) or opening
// an old workspace (the schema upgrade) — through the product's own code,
// and freezes it in the middle of its write transaction so that the test can
// kill it there (SIGKILL). Where it freezes is counted in SQLite virtual
// machine steps inside the first write transaction, so the test can pick
// points early, half-way and late in it.
//
//   store_crash_child matrix|upgrade WORKSPACE STOP
//   store_crash_child restore WORKSPACE BACKUP
//
// STOP 0 runs to the end and prints "steps N" (the length of the first write
// transaction); otherwise it prints "frozen" after STOP steps and waits to
// be killed. The restore freezes half-way through its last copy (the backup
// into the workspace, one write transaction): three quarters of its progress.

#include "matrix/MatrixStore.h"
#include "store/Backup.h"
#include "store/Workspace.h"

#include <sqlite3.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <unistd.h>

namespace {

long stopAt = 0;
long steps = 0;
int transactions = 0; // write transactions begun so far
bool inTransaction = false;
bool counting = true;

int onProgress(void* connection) {
    if (!counting) {
        return 0;
    }
    const bool open = sqlite3_get_autocommit(static_cast<sqlite3*>(connection)) == 0;
    if (open && !inTransaction) {
        ++transactions;
    }
    inTransaction = open;
    if (open && transactions == 1 && ++steps == stopAt) {
        std::cout << "frozen" << std::endl;
        for (;;) {
            pause(); // until SIGKILL
        }
    }
    return 0;
}

// Every connection the process opens gets the step counter.
int installCounter(sqlite3* db, const char**, const sqlite3_api_routines*) {
    sqlite3_progress_handler(db, 1, &onProgress, db);
    return SQLITE_OK;
}

void editMatrix(const QString& path) {
    escdesk::store::Workspace workspace(path);
    escdesk::matrix::Matrix matrix = escdesk::matrix::loadMatrix(workspace.db());
    // Touch several sections so the transaction writes several rows.
    for (auto& tier : matrix.tiers) {
        tier.owner = QStringLiteral("Owner after edit");
    }
    matrix.cost.agentCostPerHour += 7;
    matrix.cost.engineerCostPerHour += 11;
    escdesk::matrix::saveMatrix(workspace.db(), matrix, QStringLiteral("crash test"),
                                QStringLiteral("edit to be interrupted"), 1764000000);
}

} // namespace

int main(int argc, char* argv[]) {
    if (argc != 4) {
        std::cerr << "usage: store_crash_child matrix|upgrade WORKSPACE STOP\n";
        return 2;
    }
    const std::string mode = argv[1];
    const QString path = QString::fromLocal8Bit(argv[2]);
    if (mode == "restore") {
        // Progress runs over both copies (staging, then the workspace): the
        // second half is the write into the workspace.
        escdesk::store::restoreWorkspace(path, QString::fromLocal8Bit(argv[3]),
                                         [](int done, int total) {
                                             if (done * 4 >= total * 3 && done < total) {
                                                 std::cout << "frozen" << std::endl;
                                                 for (;;) {
                                                     pause();
                                                 }
                                             }
                                             return true;
                                         });
        std::cout << "restored" << std::endl;
        return 0;
    }
    stopAt = std::stol(argv[3]);
    sqlite3_auto_extension(reinterpret_cast<void (*)()>(&installCounter));
    try {
        if (mode == "matrix") {
            // Opening first (outside the count) so only the edit is counted.
            counting = false;
            { escdesk::store::Workspace warmUp(path); }
            counting = true;
            editMatrix(path);
        } else if (mode == "upgrade") {
            escdesk::store::Workspace upgraded(path);
        } else {
            std::cerr << "unknown mode\n";
            return 2;
        }
    } catch (const escdesk::store::StoreError& error) {
        std::cerr << error.what() << '\n';
        return 1;
    }
    std::cout << "steps " << steps << std::endl;
    return 0;
}
