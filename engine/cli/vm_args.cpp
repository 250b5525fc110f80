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

Result<vm::Trace> load_trace(const Args& args) {
    const auto refs = args.value("refs");
    const auto file = args.value("trace");
    if (refs.has_value() == file.has_value()) return fail("give exactly one of --refs \"7,0,1,...\" or --trace FILE");
    if (refs) return vm::parse_reference_string(*refs);
    const auto format = vm::parse_trace_format(args.value("format").value_or("refs"));
    if (!format) return tl::unexpected(format.error());
    const auto page_size = number_option(args, "page-size", 4096, 1, std::uint64_t{1} << 40);
    if (!page_size) return tl::unexpected(page_size.error());
    const auto checked = vm::check_page_size(*page_size);
    if (!checked) return tl::unexpected(checked.error());
    const auto text = read_file(*file);
    if (!text) return tl::unexpected(text.error());
    auto trace = vm::parse_trace(*text, *format, {.page_size = *page_size});
    if (!trace) return fail(*file + ":" + trace.error().to_string());
    return trace;
}

}  // namespace memsim::cli
