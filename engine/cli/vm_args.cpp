#include "vm_args.hpp"

#include "memsim/core/text.hpp"

namespace memsim::cli {

Result<std::uint64_t> number_option(const Args& args, const std::string& name, std::uint64_t fallback,
                                    std::uint64_t min, std::uint64_t max) {
    const auto text = args.value(name);
    if (!text) return fallback;
    const auto value = parse_size(*text);
    if (!value) return fail("--" + name + " needs a whole number, not '" + *text + "'");
    if (*value < min || *value > max) {
        return fail("--" + name + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
                    ", not " + *text);
    }
    return *value;
}

Result<vm::PolicyConfig> policy_options(const Args& args, const std::string& fallback) {
    const auto kind = vm::parse_policy(args.value("policy").value_or(fallback));
    if (!kind) return tl::unexpected(kind.error());
    vm::PolicyConfig config{.kind = *kind};
    const auto bits = number_option(args, "aging-bits", config.aging_bits, 1, 32);
    const auto tick = number_option(args, "tick", config.tick, 1, ~std::uint64_t{0});
    const auto tau = number_option(args, "tau", config.tau, 1, ~std::uint64_t{0});
    const auto seed = number_option(args, "seed", config.seed, 0, ~std::uint64_t{0});
    for (const auto* r : {&bits, &tick, &tau, &seed}) {
        if (!*r) return tl::unexpected(r->error());
    }
    config.aging_bits = static_cast<std::uint32_t>(*bits);
    config.tick = *tick;
    config.tau = *tau;
    config.seed = *seed;
    return config;
}

namespace {

// Options of a --trace file: format and page size.
struct TraceFileOptions {
    vm::TraceFormat format = vm::TraceFormat::Refs;
    vm::TraceOptions options{};
};

Result<TraceFileOptions> trace_file_options(const Args& args) {
    const auto format = vm::parse_trace_format(args.value("format").value_or("refs"));
    if (!format) return tl::unexpected(format.error());
    const auto page_size = number_option(args, "page-size", 4096, 1, std::uint64_t{1} << 40);
    if (!page_size) return tl::unexpected(page_size.error());
    const auto checked = vm::check_page_size(*page_size);
    if (!checked) return tl::unexpected(checked.error());
    return TraceFileOptions{.format = *format, .options = {.page_size = *page_size}};
}

}  // namespace

Result<vm::Trace> load_trace(const Args& args) {
    const auto refs = args.value("refs");
    const auto file = args.value("trace");
    if (refs.has_value() == file.has_value()) return fail("give exactly one of --refs \"7,0,1,...\" or --trace FILE");
    if (refs) return vm::parse_reference_string(*refs);
    const auto how = trace_file_options(args);
    if (!how) return tl::unexpected(how.error());
    const auto text = read_file(*file);
    if (!text) return tl::unexpected(text.error());
    auto trace = vm::parse_trace(*text, how->format, how->options);
    if (!trace) return fail(*file + ":" + trace.error().to_string());
    return trace;
}

Result<vm::LoadedTrace> load_dense_trace(const Args& args) {
    const auto refs = args.value("refs");
    const auto file = args.value("trace");
    if (refs.has_value() == file.has_value()) return fail("give exactly one of --refs \"7,0,1,...\" or --trace FILE");
    if (refs) {
        const auto trace = vm::parse_reference_string(*refs);
        if (!trace) return tl::unexpected(trace.error());
        return vm::LoadedTrace{.trace = vm::densify(*trace), .names_processes = false};
    }
    const auto how = trace_file_options(args);
    if (!how) return tl::unexpected(how.error());
    vm::TraceReader reader(how->format, how->options, file_size(*file).value_or(0));
    const auto read = read_lines(*file, max_streamed_file_bytes, [&](std::string_view piece) -> Result<bool> {
        const auto fed = reader.feed(piece);
        if (!fed) return fail(*file + ":" + fed.error().to_string());
        return true;
    });
    if (!read) return tl::unexpected(read.error());
    auto loaded = std::move(reader).finish();
    if (!loaded) return fail(*file + ":" + loaded.error().to_string());
    return loaded;
}

Result<std::vector<std::uint64_t>> number_list(const std::string& option, const std::string& text) {
    std::vector<std::uint64_t> out;
    for (const auto piece : split_any(text, ", ")) {
        const auto value = parse_u64(piece);
        if (!value) return fail("--" + option + " needs numbers separated by commas, found '" + std::string(piece) + "'");
        out.push_back(*value);
    }
    if (out.empty()) return fail("--" + option + " needs at least one number");
    return out;
}

Result<vm::AddressLayout> layout_options(const Args& args) {
    if (!args.value("va-bits") && !args.value("levels")) return vm::layout_preset(args.value("layout").value_or("x86-32"));
    if (args.value("layout")) return fail("give --layout or a custom --va-bits/--page-size/--levels, not both");
    const auto bits = number_option(args, "va-bits", 32, 2, 64);
    if (!bits) return tl::unexpected(bits.error());
    const auto page_size = number_option(args, "page-size", 4096, 1, std::uint64_t{1} << 40);
    if (!page_size) return tl::unexpected(page_size.error());
    std::vector<std::uint32_t> levels;
    if (const auto text = args.value("levels")) {
        const auto list = number_list("levels", *text);
        if (!list) return tl::unexpected(list.error());
        for (const auto b : *list) levels.push_back(static_cast<std::uint32_t>(std::min<std::uint64_t>(b, 64)));
    }
    return vm::make_layout(static_cast<std::uint32_t>(*bits), *page_size, levels);
}

Result<vm::TlbConfig> tlb_options(const Args& args, std::uint32_t entries) {
    const auto count = number_option(args, "tlb-entries", entries, 0, 1u << 16);
    if (!count) return tl::unexpected(count.error());
    const auto ways = number_option(args, "tlb-ways", 0, 0, 1u << 16);
    if (!ways) return tl::unexpected(ways.error());
    const auto policy = vm::parse_tlb_replacement(args.value("tlb-policy").value_or("lru"));
    if (!policy) return tl::unexpected(policy.error());
    vm::TlbConfig config{.entries = static_cast<std::uint32_t>(*count), .ways = static_cast<std::uint32_t>(*ways),
                         .replacement = *policy};
    const auto checked = vm::Tlb::create(config);
    if (!checked) return tl::unexpected(checked.error());
    return config;
}

}  // namespace memsim::cli
