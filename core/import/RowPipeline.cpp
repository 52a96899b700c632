#include "import/RowPipeline.h"

namespace escdesk::import {

std::size_t StagedBatch::addText(std::string_view text) {
    const std::size_t offset = m_text.size();
    m_text.append(text);
    return offset;
}

void StagedBatch::addRow(std::int64_t line, const std::vector<Value>& values,
                         std::optional<std::uint64_t> sourceHash) {
    m_entries.push_back({line, Kind::Row, m_values.size(), values.size(), sourceHash});
    for (const Value& value : values) {
        StagedValue& staged = m_values.emplace_back();
        staged.kind = value.kind;
        switch (value.kind) {
        case Value::Kind::Null:
            break;
        case Value::Kind::Integer:
            staged.integer = value.integer;
            break;
        case Value::Kind::Real:
            staged.real = value.real;
            break;
        case Value::Kind::Text:
            staged.offset = addText(value.text);
            staged.length = value.text.size();
            break;
        }
    }
}

void StagedBatch::addRejected(std::int64_t line, const QString& column, std::string_view value,
                              const QString& reason, bool firstProblemOfRow) {
    if (firstProblemOfRow) {
        m_entries.push_back({line, Kind::Rejected, m_problems.size(), 0, std::nullopt});
    }
    ++m_entries.back().count;
    m_problems.push_back({column, addText(value), value.size(), reason});
}

void StagedBatch::addWarning(const QString& column, std::string_view value, const QString& reason) {
    Entry& row = m_entries.back();
    if (row.warningCount == 0) {
        row.firstWarning = m_problems.size();
    }
    ++row.warningCount;
    m_problems.push_back({column, addText(value), value.size(), reason});
}

void StagedBatch::addUnchanged(std::int64_t line, std::string_view id, std::int64_t rowid) {
    m_entries.push_back({line, Kind::Unchanged, addText(id), id.size(), std::nullopt, rowid});
}

void StagedBatch::valuesOf(const Entry& entry, std::vector<Value>& values) const {
    values.resize(entry.count);
    for (std::size_t i = 0; i < entry.count; ++i) {
        const StagedValue& staged = m_values[entry.first + i];
        switch (staged.kind) {
        case Value::Kind::Null:
            values[i] = Value{};
            break;
        case Value::Kind::Integer:
            values[i] = Value::ofInteger(staged.integer);
            break;
        case Value::Kind::Real:
            values[i] = Value::ofReal(staged.real);
            break;
        case Value::Kind::Text:
            values[i] = Value::ofText(text(staged.offset, staged.length));
            break;
        }
    }
}

void StagedBatch::clear() {
    m_entries.clear();
    m_values.clear();
    m_problems.clear();
    m_text.clear();
}

RowPipeline::RowPipeline(Writer writer)
    : m_writer(std::move(writer))
    , m_current(std::make_unique<StagedBatch>())
    , m_thread([this] { writeBatches(); }) {}

RowPipeline::~RowPipeline() {
    stop();
}

void RowPipeline::stop() {
    if (!m_thread.joinable()) {
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_abandon = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void RowPipeline::handOver() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queued.size() < maxQueued || m_failure; });
    if (m_failure) {
        std::rethrow_exception(m_failure);
    }
    m_queued.push_back(std::move(m_current));
    if (m_spare.empty()) {
        m_current = std::make_unique<StagedBatch>();
    } else {
        m_current = std::move(m_spare.back());
        m_spare.pop_back();
    }
    lock.unlock();
    m_changed.notify_all();
}

void RowPipeline::finish() {
    if (!m_current->empty()) {
        handOver();
    }
    {
        const std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_changed.notify_all();
    m_thread.join();
    if (m_failure) {
        std::rethrow_exception(m_failure);
    }
}

void RowPipeline::writeBatches() {
    for (;;) {
        std::unique_ptr<StagedBatch> batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queued.empty() || m_closing || m_abandon; });
            if (m_abandon || m_queued.empty()) {
                return; // abandoned, or closing with everything written
            }
            batch = std::move(m_queued.front());
            m_queued.pop_front();
        }
        m_changed.notify_all();
        try {
            m_writer(*batch);
        } catch (...) {
            {
                const std::lock_guard lock(m_mutex);
                m_failure = std::current_exception();
            }
            m_changed.notify_all();
            return;
        }
        batch->clear();
        {
            const std::lock_guard lock(m_mutex);
            m_spare.push_back(std::move(batch));
        }
    }
}

} // namespace escdesk::import
