#include "gfx/shader.hpp"

#include <vector>

#include "gfx/frame.hpp"
#include "gfx/gl.hpp"

namespace memsim::gfx {
namespace {

GLuint compile(GLenum type, const char* source, std::string& log) {
    const std::string full = std::string(glsl_version()) + "\n" + source;
    const char* text = full.c_str();
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint length = 0;
        glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
        std::vector<char> buffer(static_cast<std::size_t>(length > 0 ? length : 1));
        glGetShaderInfoLog(shader, length, nullptr, buffer.data());
        log += (type == GL_VERTEX_SHADER ? "vertex shader: " : "fragment shader: ") + std::string(buffer.data());
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
        GLint length = 0;
        glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
        std::vector<char> buffer(static_cast<std::size_t>(length > 0 ? length : 1));
        glGetProgramInfoLog(program, length, nullptr, buffer.data());
        log += "link: " + std::string(buffer.data());
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

}  // namespace memsim::gfx
