#include "memsim/core/result.hpp"

#include <iterator>

namespace memsim {

std::string Error::to_string() const {
    if (line <= 0) return message;
    std::string where = std::to_string(line);
    if (column > 0) where += ":" + std::to_string(column);
    return where + ": " + message;
}

std::vector<Error> all_errors(const Error& first) {
    std::vector<Error> list{Error{first.line, first.column, first.message}};
    if (first.also) list.insert(list.end(), first.also->begin(), first.also->end());
    return list;
}

Error joined_errors(std::vector<Error> errors) {
    Error first = std::move(errors.front());
    if (errors.size() > 1) {
        first.also = std::make_shared<const std::vector<Error>>(std::make_move_iterator(errors.begin() + 1),
                                                                std::make_move_iterator(errors.end()));
    }
    return first;
}

}  // namespace memsim
