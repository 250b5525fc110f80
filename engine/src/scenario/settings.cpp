#include "memsim/scenario/settings.hpp"

#include <algorithm>

#include "memsim/core/text.hpp"

namespace memsim::scenario {

SettingsReader::SettingsReader(const toml::table& root, std::string section, std::vector<Error>& errors,
                               int line_offset)
    : section_(std::move(section)), errors_(errors), line_offset_(line_offset) {
    if (section_.empty()) {
        table_ = &root;
    } else if (const toml::node* node = root.get(section_)) {
        table_ = node->as_table();
        if (table_ == nullptr) error_at(node, "'" + section_ + "' must be a table: write [" + section_ + "] on its own line");
    }
}

SettingsReader SettingsReader::item(const toml::table& table, std::string label, std::vector<Error>& errors,
                                    int line_offset) {
    SettingsReader reader(table, "", errors, line_offset);
    reader.section_ = std::move(label);
    return reader;
}

std::string SettingsReader::where(const std::string& key) const {
    return section_.empty() ? key : section_ + "." + key;
}

const toml::node* SettingsReader::lookup(const std::string& key) {
    read_.push_back(key);
    return table_ == nullptr ? nullptr : table_->get(key);
}

void SettingsReader::error_at(const toml::node* node, const std::string& message) {
    int line = 0, column = 0;
    if (node != nullptr && node->source().begin) {
        line = static_cast<int>(node->source().begin.line) + line_offset_;
        column = static_cast<int>(node->source().begin.column);
    }
    errors_.push_back(Error{line, column, message});
}

std::uint64_t SettingsReader::integer(const std::string& key, std::uint64_t fallback, std::uint64_t min,
                                      std::uint64_t max) {
    const toml::node* node = lookup(key);
    if (node == nullptr) return fallback;
    const std::string range = "from " + std::to_string(min) + " to " + std::to_string(max);
    std::optional<std::uint64_t> value;
    if (const auto number = node->value_exact<std::int64_t>()) {
        if (*number >= 0) value = static_cast<std::uint64_t>(*number);
    } else if (const auto str = node->value_exact<std::string>()) {
        value = parse_size(*str);
    } else {
        error_at(node, where(key) + " must be a whole number " + range);
        return fallback;
    }
    if (!value || *value < min || *value > max) {
        error_at(node, where(key) + " must be a whole number " + range);
        return fallback;
    }
    return *value;
}

std::uint64_t SettingsReader::count(const std::string& key, std::uint64_t fallback, std::uint64_t min, std::uint64_t max) {
    const toml::node* node = lookup(key);
    if (node == nullptr) return fallback;
    if (node->value_exact<std::string>()) {
        error_at(node, where(key) + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                           " without quotes (a count takes no K/M/G suffix)");
        return fallback;
    }
    return integer(key, fallback, min, max);
}

std::string SettingsReader::text(const std::string& key, const std::string& fallback) {
    const toml::node* node = lookup(key);
    if (node == nullptr) return fallback;
    if (const auto str = node->value_exact<std::string>()) return *str;
    error_at(node, where(key) + " must be a string in quotes");
    return fallback;
}

namespace {
std::optional<std::string> scalar_text(const toml::node& node) {
    if (const auto str = node.value_exact<std::string>()) return *str;
    if (const auto number = node.value_exact<std::int64_t>()) return std::to_string(*number);
    if (const auto boolean = node.value_exact<bool>()) return std::string(*boolean ? "true" : "false");
    return std::nullopt;
}
}  // namespace

std::string SettingsReader::scalar(const std::string& key, const std::string& fallback) {
    const toml::node* node = lookup(key);
    if (node == nullptr) return fallback;
    if (auto value = scalar_text(*node)) return *value;
    error_at(node, where(key) + " must be a string, a whole number or true/false");
    return fallback;
}

std::vector<std::string> SettingsReader::texts(const std::string& key) {
    std::vector<std::string> values;
    const toml::node* node = lookup(key);
    if (node == nullptr) return values;
    const toml::array* array = node->as_array();
    if (array == nullptr) {
        error_at(node, where(key) + " must be a list, like [\"hit\", \"miss\"]");
        return values;
    }
    for (const toml::node& entry : *array) {
        auto value = scalar_text(entry);
        if (!value) {
            error_at(&entry, where(key) + " items must be strings or whole numbers");
            return {};
        }
        values.push_back(std::move(*value));
    }
    return values;
}

std::string SettingsReader::choice(const std::string& key, const std::string& fallback,
                                   const std::vector<std::string>& allowed) {
    const toml::node* node = lookup(key);
    if (node == nullptr) return fallback;
    std::string list;
    for (const auto& option : allowed) list += (list.empty() ? "" : ", ") + option;
    const auto str = node->value_exact<std::string>();
    if (!str) {
        error_at(node, where(key) + " must be one of: " + list);
        return fallback;
    }
    if (std::find(allowed.begin(), allowed.end(), *str) != allowed.end()) return *str;
    const std::string suggestion = nearest(*str, allowed);
    error_at(node, "unknown " + where(key) + " '" + *str + "'" +
                       (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)") + "; expected one of: " + list);
    return fallback;
}

bool SettingsReader::flag(const std::string& key, bool fallback) {
    const toml::node* node = lookup(key);
    if (node == nullptr) return fallback;
    if (const auto value = node->value_exact<bool>()) return *value;
    error_at(node, where(key) + " must be true or false");
    return fallback;
}

std::vector<std::uint64_t> SettingsReader::integers(const std::string& key, std::uint64_t min, std::uint64_t max) {
    std::vector<std::uint64_t> values;
    const toml::node* node = lookup(key);
    if (node == nullptr) return values;
    const toml::array* array = node->as_array();
    if (array == nullptr) {
        error_at(node, where(key) + " must be a list of whole numbers, like [1, 2, 3]");
        return values;
    }
    for (const toml::node& item : *array) {
        const auto number = item.value_exact<std::int64_t>();
        if (!number || *number < 0 || static_cast<std::uint64_t>(*number) < min || static_cast<std::uint64_t>(*number) > max) {
            error_at(&item, where(key) + " items must be whole numbers from " + std::to_string(min) + " to " +
                                std::to_string(max));
            return {};
        }
        values.push_back(static_cast<std::uint64_t>(*number));
    }
    return values;
}

bool SettingsReader::has(const std::string& key) { return lookup(key) != nullptr; }

std::uint64_t SettingsReader::power_of_two(const std::string& key, std::uint64_t fallback, std::uint64_t min,
                                           std::uint64_t max) {
    const std::size_t errors_before = errors_.size();
    const std::uint64_t value = integer(key, fallback, min, max);
    if (errors_.size() == errors_before && (value & (value - 1)) != 0) {
        error_at(table_ ? table_->get(key) : nullptr, where(key) + " must be a power of two, got " + std::to_string(value));
        return fallback;
    }
    return value;
}

void SettingsReader::reject(const std::string& key, const std::string& message) {
    error_at(table_ ? table_->get(key) : nullptr, message);
}

void SettingsReader::finish(const std::vector<std::string>& known_tables) {
    if (table_ == nullptr) return;
    std::vector<std::string> known = read_;
    known.insert(known.end(), known_tables.begin(), known_tables.end());
    for (const auto& [key, node] : *table_) {
        const std::string name(key.str());
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        const std::string suggestion = nearest(name, known);
        int line = 0, column = 0;
        if (key.source().begin) {
            line = static_cast<int>(key.source().begin.line) + line_offset_;
            column = static_cast<int>(key.source().begin.column);
        }
        errors_.push_back(Error{line, column, "unknown key '" + where(name) + "'" +
                                                  (suggestion.empty() ? "" : " (did you mean '" + where(suggestion) + "'?)")});
    }
}

}  // namespace memsim::scenario
