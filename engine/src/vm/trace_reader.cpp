#include "memsim/vm/trace_reader.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

#include "trace_parse.hpp"

namespace memsim::vm {

// The parsers' sink: appends raw page numbers to the reader's compact arrays.
struct TraceReader::Store final : detail::PageSink {
    explicit Store(TraceReader& reader) : r(reader) {}

    void add(std::uint64_t page, bool write, std::uint32_t process) override {
        if (!r.wide_pages_ && page > 0xFFFFFFFFu) widen();
        const std::uint64_t count = references();
        if (r.wide_pages_) r.wide_.push_back(page);
        else r.narrow_.push_back(static_cast<std::uint32_t>(page));
        if (write && !r.any_write_) {
            r.any_write_ = true;
            r.writes_.assign(static_cast<std::size_t>(count), 0);  // the reads so far
        }
        if (r.any_write_) r.writes_.push_back(write ? 1 : 0);
        r.names_processes_ = r.names_processes_ || process != 0;
        r.max_page_ = std::max(r.max_page_, page);
    }
    std::uint64_t references() const override { return r.references(); }

    // A page number past 32 bits: the trace keeps 64-bit numbers from now on.
    void widen() {
        r.wide_.assign(r.narrow_.begin(), r.narrow_.end());
        r.narrow_ = {};
        r.wide_pages_ = true;
    }

    TraceReader& r;
};

TraceReader::TraceReader(TraceFormat format, const TraceOptions& options, std::uint64_t size_hint)
    : format_(format), options_(options), size_hint_(size_hint) {}

std::uint64_t TraceReader::references() const { return wide_pages_ ? wide_.size() : narrow_.size(); }

Result<bool> TraceReader::feed(std::string_view piece) {
    Store store(*this);
    const auto parsed = detail::parse_into(piece, format_, options_, lines_fed_, store);
    if (!parsed) return parsed;
    lines_fed_ += static_cast<int>(std::count(piece.begin(), piece.end(), '\n'));
    bytes_fed_ += piece.size();
    // Size the id array once from the first piece's density, so it grows at most once
    // more instead of doubling (and leaving up to half its capacity spare) all the way.
    if (!sized_ && size_hint_ > bytes_fed_ && bytes_fed_ > 0 && !wide_pages_) {
        sized_ = true;
        const double per_byte = static_cast<double>(narrow_.size()) / static_cast<double>(bytes_fed_);
        const auto expected = static_cast<std::uint64_t>(per_byte * static_cast<double>(size_hint_) * 1.02) + 1024;
        narrow_.reserve(static_cast<std::size_t>(std::min(expected, max_trace_references)));
    }
    return true;
}

namespace {

// Open addressing from page number to a value, for traces whose page numbers are sparse.
class PageIndex {
public:
    // The value of `page`, inserting it with value 0 (the table doubles when half full).
    std::uint64_t& at(std::uint64_t page) {
        if (2 * (used_ + 1) > keys_.size()) grow();
        const std::size_t i = where(page);
        if (keys_[i] == empty) {
            keys_[i] = page;
            ++used_;
        }
        return values_[i];
    }
    // Every page inserted, in table order.
    std::vector<std::uint64_t> pages() const {
        std::vector<std::uint64_t> out;
        out.reserve(used_);
        for (const auto p : keys_) {
            if (p != empty) out.push_back(p);
        }
        return out;
    }

private:
    static constexpr std::uint64_t empty = ~std::uint64_t{0};  // no page number is this large
    std::size_t where(std::uint64_t page) const {
        const std::size_t mask = keys_.size() - 1;
        auto i = static_cast<std::size_t>((page * 0x9E3779B97F4A7C15ull) >> 32) & mask;
        while (keys_[i] != empty && keys_[i] != page) i = (i + 1) & mask;
        return i;
    }
    void grow() {
        std::vector<std::uint64_t> old_keys = std::move(keys_), old_values = std::move(values_);
        keys_.assign(std::max<std::size_t>(1024, old_keys.size() * 2), empty);
        values_.assign(keys_.size(), 0);
        for (std::size_t i = 0; i < old_keys.size(); ++i) {
            if (old_keys[i] == empty) continue;
            const std::size_t j = where(old_keys[i]);
            keys_[j] = old_keys[i];
            values_[j] = old_values[i];
        }
    }

    std::vector<std::uint64_t> keys_{}, values_{};
    std::size_t used_ = 0;
};

// Dense ids in increasing page order, as densify() numbers sparse pages; 32-bit page
// numbers are replaced by their ids in place.
template <class Page>
void number_sparse(std::vector<Page>& raw, DenseTrace& dense) {
    PageIndex index;
    for (const Page p : raw) index.at(p);
    dense.pages = index.pages();
    std::sort(dense.pages.begin(), dense.pages.end());
    for (std::size_t id = 0; id < dense.pages.size(); ++id) index.at(dense.pages[id]) = id;
    if constexpr (sizeof(Page) == sizeof(std::uint32_t)) {
        for (auto& p : raw) p = static_cast<std::uint32_t>(index.at(p));
        dense.ids = std::move(raw);
    } else {
        dense.ids.resize(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) dense.ids[i] = static_cast<std::uint32_t>(index.at(raw[i]));
        raw = {};
    }
}

}  // namespace

Result<LoadedTrace> TraceReader::finish() && {
    const std::uint64_t count = references();
    if (count == 0) return fail("the trace has no references");
    LoadedTrace out{.names_processes = names_processes_};
    DenseTrace& dense = out.trace;
    dense.writes = std::move(writes_);
    // The same rule as densify(): identity for small page numbers.
    if (max_page_ < (std::uint64_t{1} << 20) || max_page_ < 2 * count) {
        dense.ids = std::move(narrow_);  // every page fits in 32 bits here
        dense.pages.resize(static_cast<std::size_t>(max_page_ + 1));
        std::iota(dense.pages.begin(), dense.pages.end(), std::uint64_t{0});
        return out;
    }
    if (wide_pages_) number_sparse(wide_, dense);
    else number_sparse(narrow_, dense);
    return out;
}

}  // namespace memsim::vm
