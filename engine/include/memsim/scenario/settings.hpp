#pragma once
// Typed reading of one TOML table of a scenario's front matter, with errors that name
// the line, the column and what was expected. Every key read is remembered; finish()
// reports the keys nobody asked for, suggesting the nearest known one, so a typo such
// as `frmaes = 4` is an error instead of a silent default.
//
//   SettingsReader vm(front_matter, "vm", errors);
//   config.frames = vm.integer("frames", 8, 1, 65536);
//   config.policy = vm.choice("policy", "lru", {"fifo", "lru", "opt"});
//   vm.finish();
//   if (!errors.empty()) ... report errors.front()
#include <cstdint>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "memsim/core/result.hpp"


namespace memsim::scenario {

class SettingsReader {
public:
    // Reads `root[section]` (or root itself when section is empty). `line_offset` is added
    // to the TOML line numbers so errors name lines of the whole file.
    SettingsReader(const toml::table& root, std::string section, std::vector<Error>& errors, int line_offset = 0);
    // Reads one table that is not a named section (an item of an array of tables such as
    // [[question]]); `label` names it in errors ("question 2").
    static SettingsReader item(const toml::table& table, std::string label, std::vector<Error>& errors, int line_offset);

    // Whether the section exists in the file.
    bool present() const { return table_ != nullptr; }

    // An integer in [min, max]; sizes also accept strings with K/M/G suffixes ("8K").
    std::uint64_t integer(const std::string& key, std::uint64_t fallback, std::uint64_t min, std::uint64_t max);
    // A count in [min, max] (frames, processes, TLB entries): a plain number only, so
    // frames = "1K" is refused rather than read as 1024.
    std::uint64_t count(const std::string& key, std::uint64_t fallback, std::uint64_t min, std::uint64_t max);
    // A string, any value.
    std::string text(const std::string& key, const std::string& fallback);
    // A string, or a whole number or boolean given as its text ("12", "true").
    std::string scalar(const std::string& key, const std::string& fallback);
    // A list of strings or whole numbers, each as its text.
    std::vector<std::string> texts(const std::string& key);
    // A string that must be one of `allowed` (the error lists them).
    std::string choice(const std::string& key, const std::string& fallback, const std::vector<std::string>& allowed);
    // A boolean.
    bool flag(const std::string& key, bool fallback);
    // A list of integers, each in [min, max].
    std::vector<std::uint64_t> integers(const std::string& key, std::uint64_t min, std::uint64_t max);
    // Whether the key is present (counts as read).
    bool has(const std::string& key);
    // An integer as integer() reads it that must also be a power of two.
    std::uint64_t power_of_two(const std::string& key, std::uint64_t fallback, std::uint64_t min, std::uint64_t max);
    // Reports a problem with a key's value at that value's position (a rule no reader checks).
    void reject(const std::string& key, const std::string& message);
    // Reports unknown keys (with a "did you mean" hint). Sub-tables named in
    // `known_tables` are allowed and left to their own readers.
    void finish(const std::vector<std::string>& known_tables = {});

private:
    const toml::node* lookup(const std::string& key);
    void error_at(const toml::node* node, const std::string& message);
    std::string where(const std::string& key) const;

    const toml::table* table_ = nullptr;
    std::string section_;
    std::vector<Error>& errors_;
    int line_offset_ = 0;
    std::vector<std::string> read_;
};

}  // namespace memsim::scenario
