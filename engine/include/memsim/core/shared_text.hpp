#pragma once
// Text that only grows (a program's output), cheap to copy: copies share one buffer and
// each remembers its own length, so a checkpoint of a run that has printed a lot costs a
// pointer and a number instead of a copy of everything printed.
//
// A copy that appends what the buffer already holds past its length (a replay from a
// checkpoint prints the same text again: the simulation is deterministic) only moves its
// length on; a copy that appends something else takes a private buffer first.
//
//   SharedText out;
//   out += "hello\n";
//   SharedText checkpoint = out;   // shares the buffer
//   out += "more";                 // checkpoint.view() is still "hello\n"
//
// A view() stays valid only until the next append to any copy.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace memsim {

class SharedText {
public:
    // The text of this copy.
    std::string_view view() const { return buffer_ ? std::string_view(buffer_->data(), length_) : std::string_view(); }
    std::size_t size() const { return length_; }
    bool empty() const { return length_ == 0; }
    // The last character (the text must not be empty).
    char back() const { return (*buffer_)[length_ - 1]; }

    SharedText& operator+=(std::string_view text) {
        if (text.empty()) return *this;
        if (!buffer_) buffer_ = std::make_shared<std::string>();
        if (buffer_->size() == length_) {
            buffer_->append(text);
        } else if (buffer_->size() - length_ < text.size() || buffer_->compare(length_, text.size(), text) != 0) {
            auto own = std::make_shared<std::string>(buffer_->data(), length_);
            own->append(text);
            buffer_ = std::move(own);
        }
        length_ += text.size();
        return *this;
    }
    SharedText& operator+=(char c) { return *this += std::string_view(&c, 1); }

    bool operator==(const SharedText& other) const { return view() == other.view(); }
    bool operator==(std::string_view other) const { return view() == other; }

private:
    std::shared_ptr<std::string> buffer_;
    std::size_t length_ = 0;
};

}  // namespace memsim
