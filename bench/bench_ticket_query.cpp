// Times the core queries behind the Escalations table on a workspace:
// the ordered id list for each sort and the common filters, one page of
// display rows, and the filter choices.
//
//   bench_ticket_query FILE

#include "browse/TicketQuery.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <thread>

using namespace escdesk;

namespace {

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

template <typename Work> void timed(const QString& name, Work work) {
    QElapsedTimer timer;
    timer.start();
    const auto size = work();
    out() << qSetFieldWidth(34) << Qt::left << name << qSetFieldWidth(0) << " " << qSetFieldWidth(6)
          << Qt::right << timer.elapsed() << qSetFieldWidth(0) << " ms  (" << size << " rows)"
          << Qt::endl;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        QTextStream(stderr) << "usage: bench_ticket_query FILE" << Qt::endl;
        return 2;
    }
    store::Workspace workspace(QString::fromLocal8Bit(argv[1]), store::Workspace::Access::ReadOnly);
    store::Database& db = workspace.db();
    using browse::TicketColumn;
    const auto ids = [&](TicketColumn column, bool descending, browse::TicketFilter filter = {}) {
        return browse::ticketRowIds(db, filter, browse::TicketSort{column, descending}).size();
    };
    timed(QStringLiteral("ids, created desc (default)"),
          [&] { return ids(TicketColumn::Created, true); });
    timed(QStringLiteral("ids, ticket id asc"), [&] { return ids(TicketColumn::TicketId, false); });
    timed(QStringLiteral("ids, priority asc"), [&] { return ids(TicketColumn::Priority, false); });
    timed(QStringLiteral("ids, subject asc"), [&] { return ids(TicketColumn::Subject, false); });
    timed(QStringLiteral("ids, escalated desc"),
          [&] { return ids(TicketColumn::Escalated, true); });
    // A sort the user no longer wants is cancelled from another thread: how
    // long until it gives up, when cancelled 100 ms in?
    timed(QStringLiteral("ids, subject asc, cancelled at 100"), [&] {
        std::atomic<bool> cancelled{false};
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            cancelled = true;
        });
        const auto size =
            browse::ticketRowIds(db, {}, {TicketColumn::Subject, false}, &cancelled).size();
        canceller.join();
        return size;
    });
    browse::TicketFilter escalated;
    escalated.escalatedOnly = true;
    timed(QStringLiteral("ids, escalated only"),
          [&] { return ids(TicketColumn::Created, true, escalated); });
    browse::TicketFilter text;
    text.text = QStringLiteral("webhook");
    timed(QStringLiteral("ids, text \"webhook\""),
          [&] { return ids(TicketColumn::Created, true, text); });
    browse::TicketFilter critical;
    critical.priority = QStringLiteral("Critical");
    critical.status = QStringLiteral("open");
    timed(QStringLiteral("ids, Critical + open"),
          [&] { return ids(TicketColumn::Created, true, critical); });
    const std::vector<std::int64_t> all =
        browse::ticketRowIds(db, {}, browse::TicketSort{TicketColumn::Created, true});
    timed(QStringLiteral("one page (256 rows) far down"), [&] {
        const std::size_t first = all.size() / 2;
        const std::size_t count = std::min<std::size_t>(256, all.size() - first);
        return browse::ticketListRows(db, std::span(all).subspan(first, count)).size();
    });
    // Scrolling: the table model fetches a 256-row page whenever the view
    // reaches rows it has not cached; jumping around gives the worst case.
    timed(QStringLiteral("200 random pages (scrolling)"), [&] {
        std::size_t rows = 0;
        std::uint64_t state = 12345;
        for (int i = 0; i < 200; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            const std::size_t first = (state >> 33) % (all.size() - 256);
            rows += browse::ticketListRows(db, std::span(all).subspan(first, 256)).size();
        }
        return rows;
    });
    timed(QStringLiteral("filter choices"), [&] {
        const auto choices = browse::ticketFilterChoices(db);
        return std::size_t(choices.priorities.size() + choices.statuses.size() +
                           qsizetype(choices.tiers.size()));
    });
    return 0;
}
