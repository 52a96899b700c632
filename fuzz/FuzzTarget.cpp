// libFuzzer's entry for one fuzz target: ESCDESK_FUZZ_ENTRY names the
// function of FuzzEntries.h that the target drives.

#include "FuzzEntries.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    escdesk::fuzz::ESCDESK_FUZZ_ENTRY(data, size);
    return 0;
}
