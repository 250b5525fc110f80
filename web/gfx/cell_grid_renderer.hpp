#pragma once
// The shader implementation of ui::GridRenderer: each grid's states live in an R8UI
// texture (re-uploaded only when the view's version changes) and are drawn as one quad
// through an ImGui draw callback, so a million cells cost one draw call.
#include <map>
#include <string>
#include <vector>

#include "ui/grid_renderer.hpp"

namespace memsim::gfx {

class CellGridRenderer final : public ui::GridRenderer {
public:
    CellGridRenderer() = default;
    ~CellGridRenderer() override;
    CellGridRenderer(const CellGridRenderer&) = delete;
    CellGridRenderer& operator=(const CellGridRenderer&) = delete;

    // Compiles the shaders; false (with the log in error()) when the GPU refuses them.
    bool init();
    void draw(int id, const ui::CellGridView& view, ImVec2 min, ImVec2 max) override;
    const std::string& error() const { return error_; }

    // What one queued draw needs at render time (kept alive in grids_).
    struct Grid {
        unsigned int texture = 0;
        int columns = 0, rows = 0;
        std::uint64_t version = ~std::uint64_t{0};
        int highlight = -1;
        float palette[16 * 4] = {};
        ImVec2 min, max;
        CellGridRenderer* owner = nullptr;
    };
    void render(const Grid& grid) const;

private:
    void upload(Grid& grid, const ui::CellGridView& view);

    unsigned int program_ = 0;
    unsigned int vao_ = 0;
    std::map<int, Grid> grids_;
    std::string error_;
};

}  // namespace memsim::gfx
