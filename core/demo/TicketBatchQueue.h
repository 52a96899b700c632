#pragma once

// Made tickets on their way from the demo generator's making thread to its
// writing thread: batches in a small bounded queue, so neither side runs far
// ahead of the other and memory stays flat however large the demo.

#include "domain/Ticket.h"
#include "domain/TicketEvent.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

namespace escdesk::demo {

// One item of a pre-escalation checklist the demo's agent ticked.
struct MadeTick {
    int checklist = 0; // index into the matrix's checklists
    int item = 0;      // index into that checklist's items
    QString by;
    UtcSeconds at = 0;
};

// A ticket, its event log and checklist, made and waiting to be written.
struct MadeTicket {
    Ticket ticket;
    std::vector<TicketEvent> events;
    std::vector<MadeTick> ticks;
};
using Batch = std::vector<MadeTicket>;

// A bounded hand-over of ticket batches from the thread that makes them to
// the one that writes them.
class BatchQueue {
public:
    static constexpr std::size_t batchSize = 512;

    // False when the writer has cancelled; the batch is dropped then.
    bool push(Batch batch) {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_batches.size() < capacity || m_cancelled; });
        if (m_cancelled) {
            return false;
        }
        m_batches.push_back(std::move(batch));
        m_notEmpty.notify_one();
        return true;
    }
    // The next batch; none once the maker has finished and all are taken.
    std::optional<Batch> pop() {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return !m_batches.empty() || m_finished; });
        if (m_batches.empty()) {
            return std::nullopt;
        }
        Batch batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_notFull.notify_one();
        return batch;
    }
    void finish() {
        const std::lock_guard lock(m_mutex);
        m_finished = true;
        m_notEmpty.notify_all();
    }
    void cancel() {
        const std::lock_guard lock(m_mutex);
        m_cancelled = true;
        m_notFull.notify_all();
    }

private:
    static constexpr std::size_t capacity = 8;
    std::mutex m_mutex;
    std::condition_variable m_notFull;
    std::condition_variable m_notEmpty;
    std::deque<Batch> m_batches;
    bool m_finished = false;
    bool m_cancelled = false;
};

} // namespace escdesk::demo
