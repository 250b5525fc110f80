#include "gfx/cell_grid_renderer.hpp"

#include "gfx/gl.hpp"
#include "gfx/shader.hpp"

extern const unsigned char shader_cell_grid_vert[];
extern const unsigned char shader_cell_grid_frag[];

namespace memsim::gfx {
namespace {

void render_callback(const ImDrawList* /*list*/, const ImDrawCmd* command) {
    const auto* grid = static_cast<const CellGridRenderer::Grid*>(command->UserCallbackData);
    grid->owner->render(*grid);
}

}  // namespace

CellGridRenderer::~CellGridRenderer() {
    for (auto& [id, grid] : grids_) {
        if (grid.texture) glDeleteTextures(1, &grid.texture);
    }
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
}

bool CellGridRenderer::init() {
    program_ = build_program(reinterpret_cast<const char*>(shader_cell_grid_vert),
                             reinterpret_cast<const char*>(shader_cell_grid_frag), error_);
    if (program_ == 0) return false;
    glGenVertexArrays(1, &vao_);  // core profile draws need a bound VAO, even an empty one
    return true;
}

void CellGridRenderer::upload(Grid& grid, const ui::CellGridView& view) {
    if (grid.texture == 0) glGenTextures(1, &grid.texture);
    glBindTexture(GL_TEXTURE_2D, grid.texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8UI, view.columns, view.rows, 0, GL_RED_INTEGER, GL_UNSIGNED_BYTE,
                 view.states->data());
    grid.columns = view.columns;
    grid.rows = view.rows;
    grid.version = view.version;
}

void CellGridRenderer::draw(int id, const ui::CellGridView& view, ImVec2 min, ImVec2 max) {
    if (program_ == 0 || view.states == nullptr || view.columns <= 0 || view.rows <= 0) return;
    if (view.states->size() < static_cast<std::size_t>(view.columns) * static_cast<std::size_t>(view.rows)) return;
    Grid& grid = grids_[id];
    grid.owner = this;
    if (grid.version != view.version || grid.columns != view.columns || grid.rows != view.rows) upload(grid, view);
    grid.highlight = view.highlight;
    for (int i = 0; i < 16; ++i) {
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(view.palette[static_cast<std::size_t>(i)]);
        grid.palette[i * 4 + 0] = c.x;
        grid.palette[i * 4 + 1] = c.y;
        grid.palette[i * 4 + 2] = c.z;
        grid.palette[i * 4 + 3] = c.w;
    }
    grid.min = min;
    grid.max = max;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddCallback(render_callback, &grid);
    list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void CellGridRenderer::render(const Grid& grid) const {
    const ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 origin = data->DisplayPos;
    const ImVec2 size = data->DisplaySize;
    const auto ndc_x = [&](float x) { return 2.0f * (x - origin.x) / size.x - 1.0f; };
    const auto ndc_y = [&](float y) { return 1.0f - 2.0f * (y - origin.y) / size.y; };
    const ImVec2 scale = data->FramebufferScale;

    glUseProgram(program_);
    glBindVertexArray(vao_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, grid.texture);
    glUniform1i(glGetUniformLocation(program_, "u_states"), 0);
    glUniform4f(glGetUniformLocation(program_, "u_rect_ndc"), ndc_x(grid.min.x), ndc_y(grid.min.y), ndc_x(grid.max.x),
                ndc_y(grid.max.y));
    glUniform4fv(glGetUniformLocation(program_, "u_palette"), 16, grid.palette);
    glUniform2i(glGetUniformLocation(program_, "u_grid"), grid.columns, grid.rows);
    glUniform2f(glGetUniformLocation(program_, "u_cell_pixels"),
                (grid.max.x - grid.min.x) * scale.x / static_cast<float>(grid.columns),
                (grid.max.y - grid.min.y) * scale.y / static_cast<float>(grid.rows));
    glUniform1i(glGetUniformLocation(program_, "u_highlight"), grid.highlight);
    glUniform4f(glGetUniformLocation(program_, "u_line_colour"), 0.0f, 0.0f, 0.0f, 1.0f);
    glDisable(GL_BLEND);
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glEnable(GL_BLEND);
}

}  // namespace memsim::gfx
