// Cell grid: every cell's state is one byte in an integer texture; the palette turns it
// into a colour. Thin lines separate cells once they are big enough to see, and one cell
// can be outlined (the current page or frame).
precision highp float;
precision highp int;
precision highp usampler2D;

uniform usampler2D u_states;   // R8UI, one texel per cell, row-major
uniform vec4 u_palette[16];    // colour per state
uniform ivec2 u_grid;          // columns, rows
uniform vec2 u_cell_pixels;    // on-screen size of one cell in framebuffer pixels
uniform int u_highlight;       // cell index to outline, or -1
uniform vec4 u_line_colour;

in vec2 v_uv;
out vec4 frag_colour;

void main() {
    vec2 cell_pos = v_uv * vec2(u_grid);
    ivec2 cell = clamp(ivec2(floor(cell_pos)), ivec2(0), u_grid - ivec2(1));
    uint state = texelFetch(u_states, cell, 0).r;
    vec4 colour = u_palette[int(min(state, 15u))];

    // Grid lines: one framebuffer pixel wide, only when cells are at least 4 pixels.
    vec2 within = fract(cell_pos) * u_cell_pixels;
    bool big_enough = min(u_cell_pixels.x, u_cell_pixels.y) >= 4.0;
    if (big_enough && (within.x < 1.0 || within.y < 1.0)) colour = mix(colour, u_line_colour, 0.6);

    int index = cell.y * u_grid.x + cell.x;
    if (index == u_highlight) {
        vec2 edge = min(within, u_cell_pixels - within);
        float width = max(2.0, min(u_cell_pixels.x, u_cell_pixels.y) * 0.15);
        if (min(edge.x, edge.y) < width) colour = vec4(1.0, 0.85, 0.2, 1.0);
    }
    frag_colour = colour;
}
