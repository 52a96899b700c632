// Reads a CSV file through the importer's reader (detection, UTF-8 check,
// libcsv parsing, SHA-256) and nothing else: the floor under any import of
// that file. usage: read_csv FILE

#include "import/CsvReader.h"

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: read_csv FILE\n");
        return 2;
    }
    using namespace escdesk::import;
    const QString path = QString::fromLocal8Bit(argv[1]);
    CsvReader reader(path, sniffCsv(path).dialect);
    reader.setComputeSha256(true);
    long long records = 0;
    long long fields = 0;
    reader.read([&](const CsvRecord& record) {
        ++records;
        fields += static_cast<long long>(record.fields.size());
        return true;
    });
    std::printf("%lld records, %lld fields, sha256 %s\n", records, fields,
                reader.sha256Hex().constData());
    return 0;
}
