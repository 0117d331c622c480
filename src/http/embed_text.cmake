# Turns a text file into a C++ source defining `std::string_view FUNCTION()` in NAMESPACE,
# so static assets ship inside the binary without a generated file in the tree.
# Usage: cmake -DINPUT=file -DOUTPUT=file.cc -DHEADER=dir/x.h -DNAMESPACE=ns -DFUNCTION=Name
#        -P embed_text.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "(..)" "\\\\x\\1" escaped "${hex}")
string(LENGTH "${escaped}" length)
set(body "")
set(pos 0)
while(pos LESS length)
  string(SUBSTRING "${escaped}" ${pos} 128 chunk)
  string(APPEND body "    \"${chunk}\"\n")
  math(EXPR pos "${pos} + 128")
endwhile()
if(body STREQUAL "")
  set(body "    \"\"\n")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by embed_text.cmake; do not edit.\n"
  "#include \"${HEADER}\"\n\n"
  "namespace ${NAMESPACE} {\n\n"
  "namespace {\n"
  "constexpr char kText[] =\n${body};\n"
  "}  // namespace\n\n"
  "std::string_view ${FUNCTION}() { return {kText, sizeof(kText) - 1}; }\n\n"
  "}  // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
