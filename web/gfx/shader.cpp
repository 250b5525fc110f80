#include "gfx/shader.hpp"

#include <vector>

#include "gfx/frame.hpp"
#include "gfx/gl.hpp"

namespace memsim::gfx {
namespace {

// The compile log of a shader or the link log of a program.
std::string info_log(GLuint object, bool is_program) {
    GLint length = 0;
    if (is_program) glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    else glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> buffer(static_cast<std::size_t>(length > 0 ? length : 1), '\0');
    if (is_program) glGetProgramInfoLog(object, length, nullptr, buffer.data());
    else glGetShaderInfoLog(object, length, nullptr, buffer.data());
    return buffer.data();
}

GLuint compile(GLenum type, const char* source, std::string& log) {
    const std::string full = std::string(glsl_version()) + "\n" + source;
    const char* text = full.c_str();
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        log += (type == GL_VERTEX_SHADER ? "vertex shader: " : "fragment shader: ") + info_log(shader, false);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

unsigned int build_program(const char* vertex_source, const char* fragment_source, std::string& log) {
    const GLuint vs = compile(GL_VERTEX_SHADER, vertex_source, log);
    const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_source, log);
    if (vs == 0 || fs == 0) {
        if (vs) glDeleteShader(vs);
        if (fs) glDeleteShader(fs);
        return 0;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        log += "link: " + info_log(program, true);
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

}  // namespace memsim::gfx
