# Every emcc link runs the JS optimizer, which needs Debian's acorn on NODE_PATH.
set_property(GLOBAL PROPERTY RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs")
set(CMAKE_EXECUTABLE_SUFFIX ".js")
