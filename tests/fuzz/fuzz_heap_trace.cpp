// Any text as a malloc-lab trace and an OSTEP op list, replayed on an allocator with the
// heap checker after the run.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "memsim/core/assert.hpp"
#include "memsim/heap/heap.hpp"
#include "memsim/heap/trace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto kinds = memsim::heap::allocator_names();
    const auto& config = kinds[data[0] % kinds.size()].config;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    for (auto trace : {memsim::heap::parse_rep(text), memsim::heap::trace_from_op_list(text)}) {
        if (!trace || trace->ops.size() > 5000) continue;
        memsim::heap::Heap heap(config);
        std::vector<std::uint64_t> pointers(trace->ids + 1, 0);
        for (const auto& op : trace->ops) {
            if (op.id >= pointers.size()) continue;
            switch (op.kind) {
                case memsim::heap::TraceOpKind::Alloc: pointers[op.id] = heap.malloc(op.size); break;
                case memsim::heap::TraceOpKind::Realloc: pointers[op.id] = heap.realloc(pointers[op.id], op.size); break;
                case memsim::heap::TraceOpKind::Free: heap.free(pointers[op.id]); break;
                case memsim::heap::TraceOpKind::Calloc: pointers[op.id] = heap.calloc(1, op.size); break;
            }
        }
        MEMSIM_ASSERT(heap.check().empty());
    }
    return 0;
}
