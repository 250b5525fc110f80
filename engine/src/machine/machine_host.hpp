#pragma once
// Internal: the minic::Host a program sees, implemented by the Machine. It lives for one
// step; all state it changes is in the Machine and the ProgramImage.
#include "memsim/machine/machine.hpp"
#include "memsim/machine/program_session.hpp"
#include "memsim/minic/host.hpp"

namespace memsim::machine {

class MachineHost final : public minic::Host {
public:
    MachineHost(Machine& machine, ProgramImage& image, std::vector<Event>* sink)
        : machine_(machine), image_(image), sink_(sink) {}

    minic::LoadResult load(std::uint64_t vaddr, std::uint32_t size) override;
    minic::Report store(std::uint64_t vaddr, std::uint32_t size, std::uint64_t value) override;
    minic::CallResult call(const minic::CallRequest& request) override;
    minic::Report ret() override;
    minic::ValueResult push_array(const std::string& name, std::uint64_t bytes) override;
    minic::Report pop_array(std::uint64_t address) override;
    minic::ValueResult malloc(std::uint64_t size) override;
    minic::ValueResult calloc(std::uint64_t count, std::uint64_t size) override;
    minic::ValueResult realloc(std::uint64_t vaddr, std::uint64_t size) override;
    minic::Report free(std::uint64_t vaddr) override;
    std::uint64_t place_global(const minic::StaticData& data) override;
    std::optional<minic::ValueResult> place_arguments(const std::vector<std::string>& arguments) override;
    std::uint64_t place_string(const std::string& bytes) override;
    std::uint64_t code_address(int line) const override { return machine_.code_address(line); }
    void output(std::string_view text) override;
    minic::ValueResult fork() override;
    minic::Report yield() override;
    minic::Report touch(std::uint64_t vaddr, std::uint64_t bytes) override;
    minic::Report exit(int code) override;

    // What this step asked of the scheduler: a new child process, a yield.
    std::optional<std::uint32_t> forked_child() const { return forked_child_; }
    bool yielded() const { return yielded_; }

private:
    // The report after a machine operation: stop when the process ended, and end the
    // step when a page fault happened (so faults are steps of their own).
    minic::Report report_since(std::uint64_t faults_before, std::size_t events_before) const;

    Machine& machine_;
    ProgramImage& image_;
    std::vector<Event>* sink_;
    std::vector<Event> scratch_;  // events when the caller wants none but a reason is needed
    std::optional<std::uint32_t> forked_child_;
    bool yielded_ = false;
};

}  // namespace memsim::machine
