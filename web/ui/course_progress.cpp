#include "ui/course_progress.hpp"

#include "memsim/core/text.hpp"

namespace memsim::ui {

std::string finished_list(const CourseProgress& progress) {
    std::string out;
    for (const std::string& name : progress.finished) out += (out.empty() ? "" : ",") + name;
    return out;
}

void read_finished_list(CourseProgress& progress, std::string_view list) {
    for (const std::string_view raw : split_any(list, ",")) {
        const std::string_view name = trim(raw);
        if (!name.empty() && name.size() <= 64) progress.finished.insert(std::string(name));
    }
}

}  // namespace memsim::ui
