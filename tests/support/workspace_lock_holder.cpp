// Test helper: opens a workspace in its own process, takes the write lock,
// writes rows it never commits, says "locked" and waits to be closed or
// killed. The lock tests use it to stand for a second Escalation Desk process.

#include "store/Workspace.h"

#include <cstdio>
#include <iostream>
#include <string>

int main(int argc, char* argv[]) {
    if (argc != 2) {
        std::cerr << "usage: workspace_lock_holder WORKSPACE\n";
        return 2;
    }
    escdesk::store::Workspace workspace(QString::fromLocal8Bit(argv[1]));
    escdesk::store::Transaction transaction(workspace.db());
    workspace.db().exec("INSERT INTO tickets(ticket_id, created_at) VALUES ('UNCOMMITTED', 0)");
    std::cout << "locked" << std::endl;
    std::string line;
    std::getline(std::cin, line); // wait until the test closes our stdin
    return 0;                     // the transaction rolls back
}
