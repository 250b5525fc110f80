// Cell grid: one quad covering the grid's screen rectangle, built from gl_VertexID so no
// vertex buffer is needed. The gfx layer prepends the #version line.
uniform vec4 u_rect_ndc;   // x0, y0, x1, y1 in normalised device coordinates
out vec2 v_uv;             // 0..1 across the grid, y down

void main() {
    // Two triangles: (0,0) (1,0) (0,1) and (1,0) (1,1) (0,1).
    int id = gl_VertexID;
    vec2 corner = vec2((id == 1 || id == 3 || id == 4) ? 1.0 : 0.0,
                       (id == 2 || id == 4 || id == 5) ? 1.0 : 0.0);
    v_uv = corner;
    gl_Position = vec4(mix(u_rect_ndc.x, u_rect_ndc.z, corner.x),
                       mix(u_rect_ndc.y, u_rect_ndc.w, corner.y), 0.0, 1.0);
}
