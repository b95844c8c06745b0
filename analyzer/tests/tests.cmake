# tests.cmake — every test the suite has, registered with CTest.
#
#  - unit tests: analyzer/tests/test_*.c, one executable each, linked with the
#    core (IR, engine, rules table) and, where they need it, the JSON layer;
#    test_cfg also links the front end, since it lowers real C through libclang,
#    and so do the CLI tests that read compilation databases (front/cdb.h);
#  - testdata cases: every testdata/<area>/*.c outside cli/ and projects/ is one
#    test run by expect_check, which compares sockleak's JSON output with the
#    file's `// expect: RULE` annotations (any missing or extra finding fails);
#  - project cases: every directory testdata/projects/<name>/ is one test
#    `projects/<name>`, run by `expect_check --project`, which writes a
#    compile_commands.json for the project's .c files into a temporary
#    directory, runs `sockleak -p` on it and compares the findings in all of
#    the project's files with their annotations;
#  - CLI tests: testdata/cli/*.sh, one test each, run with the binary's path.

file(GLOB SOCKLEAK_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.c)
foreach(src ${SOCKLEAK_UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_include_directories(${name} PRIVATE ${CJSON_INCLUDE_DIRS})
  target_link_libraries(${name} PRIVATE sockleak_json sockleak_core ${CJSON_LIBRARIES})
  if(name MATCHES "^test_(cfg|cli_inputs|cli_exclude)$")
    # the CFG builder is tested through the real front end (libclang); the
    # CLI tests compile cli/compdb.c, which reads databases through it
    target_link_libraries(${name} PRIVATE sockleak_front)
  endif()
  target_compile_definitions(${name} PRIVATE
    SOCKLEAK_SOURCE_RULES_DIR="${SOCKLEAK_SOURCE_RULES_DIR}")
  add_test(NAME unit/${name} COMMAND ${name})
endforeach()

add_executable(expect_check ${CMAKE_CURRENT_LIST_DIR}/expect_check.c)
target_include_directories(expect_check PRIVATE ${CJSON_INCLUDE_DIRS})
target_link_libraries(expect_check PRIVATE ${CJSON_LIBRARIES})

file(GLOB_RECURSE SOCKLEAK_CASES CONFIGURE_DEPENDS
     RELATIVE ${CMAKE_SOURCE_DIR}/testdata ${CMAKE_SOURCE_DIR}/testdata/*.c)
foreach(rel ${SOCKLEAK_CASES})
  if(rel MATCHES "^(cli|projects)/")
    continue()
  endif()
  add_test(NAME testdata/${rel}
           COMMAND expect_check $<TARGET_FILE:sockleak> ${CMAKE_SOURCE_DIR}/testdata/${rel})
endforeach()

file(GLOB SOCKLEAK_PROJECTS CONFIGURE_DEPENDS LIST_DIRECTORIES true
     ${CMAKE_SOURCE_DIR}/testdata/projects/*)
foreach(dir ${SOCKLEAK_PROJECTS})
  if(NOT IS_DIRECTORY ${dir})
    continue()
  endif()
  get_filename_component(name ${dir} NAME)
  add_test(NAME projects/${name}
           COMMAND expect_check --project $<TARGET_FILE:sockleak> ${dir})
endforeach()

file(GLOB SOCKLEAK_CLI_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/testdata/cli/*.sh)
foreach(script ${SOCKLEAK_CLI_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME cli/${name}
           COMMAND bash ${script} $<TARGET_FILE:sockleak> $<TARGET_FILE:expect_check>
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/testdata/cli)
endforeach()

# fixit_apply: a test tool for testdata/cli/fixit_roundtrip.sh (applies a
# report's fixes to a file); the CLI scripts find it next to expect_check.
add_executable(fixit_apply ${CMAKE_CURRENT_LIST_DIR}/fixit_apply.c)
target_include_directories(fixit_apply PRIVATE ${CJSON_INCLUDE_DIRS})
target_link_libraries(fixit_apply PRIVATE ${CJSON_LIBRARIES})
