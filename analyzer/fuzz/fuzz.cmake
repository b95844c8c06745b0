# fuzz.cmake — the libFuzzer targets (included when SOCKLEAK_FUZZ=ON, which
# also compiles every library with -fsanitize=fuzzer-no-link,address,undefined).
# One executable per analyzer/fuzz/fuzz_<name>.c, each linked with the layers
# it exercises and fuzz_io.c; the target `fuzzers` builds them all.
# .ci/fuzz builds and runs them; README.md, "Fuzzing", says how.

set(SOCKLEAK_FUZZ_TARGETS)
file(GLOB SOCKLEAK_FUZZ_SRC CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/fuzz_*.c)
list(FILTER SOCKLEAK_FUZZ_SRC EXCLUDE REGEX "/fuzz_io\\.c$")
foreach(src ${SOCKLEAK_FUZZ_SRC})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src} ${CMAKE_CURRENT_LIST_DIR}/fuzz_io.c)
  target_link_libraries(${name} PRIVATE sockleak_cli)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  list(APPEND SOCKLEAK_FUZZ_TARGETS ${name})
endforeach()
add_custom_target(fuzzers DEPENDS ${SOCKLEAK_FUZZ_TARGETS})
