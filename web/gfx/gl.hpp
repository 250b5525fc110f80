#pragma once
// The one place that includes OpenGL headers: OpenGL ES 3.0 (WebGL2) in the browser,
// desktop OpenGL 3.3 core elsewhere. MEMSIM_GLES3 is set by the build for the web.
#if defined(MEMSIM_GLES3)
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif
