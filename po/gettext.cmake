# The message catalogue tasks, run with `cmake -P` from the targets and tests at the end
# of CMakeLists.txt, so that the xgettext options are written in one place:
#
#   -DACTION=pot       regenerate po/dispute.pot from the files in po/POTFILES and merge
#                      it into every po/LANG.po of po/LINGUAS (target `pot`)
#   -DACTION=complete  fail unless po/LANG.po (-DPO_LANG=zh_CN) translates every message,
#                      with none fuzzy (test po/complete-LANG)
#   -DACTION=current   fail when po/dispute.pot or a po/LANG.po misses a message of the
#                      sources or holds one they no longer have, or when a source file
#                      that marks messages is missing from po/POTFILES (test po/current)
#
# Also needed: -DSOURCE_DIR (the top of the source tree), -DWORK_DIR (a scratch folder in
# the build tree), -DVERSION, and the programs -DXGETTEXT, -DMSGMERGE, -DMSGFMT, -DMSGCMP.
cmake_minimum_required(VERSION 3.25)

set(PO_DIR ${SOURCE_DIR}/po)

function(require_program var)
  if(NOT ${var} OR NOT EXISTS "${${var}}")
    message(FATAL_ERROR "dispute: ${var} is needed (apt-get install gettext, or sh tools/deps.sh)")
  endif()
endfunction()

# The languages of po/LINGUAS: one per line, '#' starts a comment.
function(read_linguas out)
  file(STRINGS ${PO_DIR}/LINGUAS lines)
  set(languages "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "#.*" "" line "${line}")
    string(REGEX MATCHALL "[^ \t]+" words "${line}")
    list(APPEND languages ${words})
  endforeach()
  set(${out} ${languages} PARENT_SCOPE)
endfunction()

# The template of every message the sources mark, written to OUTPUT.
function(extract_messages output)
  require_program(XGETTEXT)
  execute_process(
    COMMAND ${XGETTEXT} --language=C --keyword=_ --keyword=N_ --keyword=bag_add_problem:4
      --keyword=bag_add_problem_at:6 --keyword=bag_add_warning:5 --from-code=UTF-8
      --add-comments --package-name=dispute --package-version=${VERSION}
      --directory=${SOURCE_DIR} --files-from=${PO_DIR}/POTFILES --output=${output}
    RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "dispute: xgettext failed (${result})")
  endif()
endfunction()

# Runs msgcmp DEF REF: every message of REF must be in DEF (translated, unless
# ALLOW_UNTRANSLATED). Adds WHAT to the list of problems in LIST_VAR when not.
function(compare def ref what list_var)
  set(options "")
  if(ARGN STREQUAL "ALLOW_UNTRANSLATED")
    set(options --use-untranslated)
  endif()
  execute_process(COMMAND ${MSGCMP} ${options} ${def} ${ref}
    RESULT_VARIABLE result ERROR_VARIABLE errors)
  if(NOT result EQUAL 0)
    message("${errors}")
    set(${list_var} "${${list_var}}\n  ${what}" PARENT_SCOPE)
  endif()
endfunction()

if(ACTION STREQUAL "pot")
  require_program(MSGMERGE)
  extract_messages(${PO_DIR}/dispute.pot)
  read_linguas(languages)
  foreach(lang IN LISTS languages)
    execute_process(
      COMMAND ${MSGMERGE} --quiet --update --backup=none ${PO_DIR}/${lang}.po
        ${PO_DIR}/dispute.pot
      RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
      message(FATAL_ERROR "dispute: msgmerge failed for po/${lang}.po (${result})")
    endif()
  endforeach()
  message(STATUS "dispute: po/dispute.pot regenerated and merged into: ${languages}")

elseif(ACTION STREQUAL "complete")
  require_program(MSGFMT)
  execute_process(
    COMMAND ${MSGFMT} --check --statistics -o /dev/null ${PO_DIR}/${PO_LANG}.po
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  string(STRIP "${output}" output)
  message(STATUS "po/${PO_LANG}.po: ${output}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "dispute: po/${PO_LANG}.po does not pass msgfmt --check")
  endif()
  if(output MATCHES "fuzzy|untranslated")
    message(FATAL_ERROR "dispute: po/${PO_LANG}.po has fuzzy or untranslated messages; "
      "translate them and remove the fuzzy flags")
  endif()

elseif(ACTION STREQUAL "current")
  require_program(MSGCMP)
  file(MAKE_DIRECTORY ${WORK_DIR})
  set(fresh ${WORK_DIR}/sources.pot)
  extract_messages(${fresh})
  set(failures "")
  # The template holds exactly the messages of the sources...
  compare(${PO_DIR}/dispute.pot ${fresh}
    "po/dispute.pot lacks messages of the sources" failures ALLOW_UNTRANSLATED)
  compare(${fresh} ${PO_DIR}/dispute.pot
    "po/dispute.pot holds messages the sources no longer have" failures ALLOW_UNTRANSLATED)
  # ...and every translation translates all of them.
  read_linguas(languages)
  foreach(lang IN LISTS languages)
    compare(${PO_DIR}/${lang}.po ${fresh}
      "po/${lang}.po lacks, or has not translated, messages of the sources" failures)
  endforeach()
  # A source file that marks messages but is not listed would be missed by all of this.
  file(STRINGS ${PO_DIR}/POTFILES listed REGEX "^[^#]")
  file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/src/*.c)
  foreach(source IN LISTS sources)
    file(STRINGS ${SOURCE_DIR}/${source} marks REGEX "(^|[^A-Za-z0-9_])N?_\\(\"")
    if(marks AND NOT source IN_LIST listed)
      set(failures "${failures}\n  ${source} marks messages but is not in po/POTFILES")
    endif()
  endforeach()
  if(failures)
    message(FATAL_ERROR "dispute: the message catalogues are out of date:${failures}\n"
      "Run `cmake --build BUILD --target pot`, then translate what po/LANG.po lacks.")
  endif()
  message(STATUS "dispute: po/dispute.pot and ${languages} match the sources")

else()
  message(FATAL_ERROR "dispute: po/gettext.cmake: unknown ACTION \"${ACTION}\"")
endif()
