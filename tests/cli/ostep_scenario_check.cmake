# Writes `memsim ostep SCRIPT ... --scenario` for a grid of scripts, policies, seeds and
# flags, then runs `memsim check` on each file: every answer the scenario states (the
# script's own, from its rules) must equal what memsim's engine computes.
set(failures 0)
set(count 0)
# SEEDS: the seeds of every grid, comma-separated (the caller's choice; all eight by default).
if(NOT DEFINED SEEDS)
  set(SEEDS "0,1,2,3,4,5,6,7")
endif()
string(REPLACE "," ";" seeds "${SEEDS}")

# One scenario: `memsim ostep ARGN --scenario` into FILE, which must contain MUST_MATCH
# (empty: anything), then `memsim check FILE`.
function(check_ostep_scenario file must_match)
  execute_process(COMMAND ${MEMSIM} ostep ${ARGN} --scenario
                  RESULT_VARIABLE code OUTPUT_FILE "${file}" ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "--scenario failed for ${ARGN}: ${err}")
  endif()
  file(READ "${file}" text)
  if(NOT must_match STREQUAL "" AND NOT text MATCHES "${must_match}")
    message(FATAL_ERROR "${file} does not contain ${must_match}")
  endif()
  execute_process(COMMAND ${MEMSIM} check "${file}" RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  math(EXPR count "${count} + 1")
  set(count ${count} PARENT_SCOPE)
  if(NOT code EQUAL 0)
    math(EXPR failures "${failures} + 1")
    set(failures ${failures} PARENT_SCOPE)
    message("FAIL ${file}: ${out}${err}")
  endif()
endfunction()

# paging-policy.py's FIFO, LRU, OPT and MRU: a memsim reference string (a cache of one
# page is never full before a miss, so it asks no victim question).
foreach(policy FIFO LRU OPT MRU)
  foreach(seed IN LISTS seeds)
    foreach(cache 1 3 4)
      set(victims "kind = \"victim_page\"")
      if(cache EQUAL 1)
        set(victims "")
      endif()
      check_ostep_scenario("${OUT_DIR}/ostep-${policy}-${seed}-${cache}.msim" "${victims}"
                           paging-policy.py -p ${policy} -s ${seed} -C ${cache} -n 30 -m 12)
    endforeach()
  endforeach()
endforeach()
# The script's own CLOCK (with 1 and 3 counter bits), RAND and UNOPT: kind = "ostep".
foreach(policy CLOCK RAND UNOPT)
  foreach(seed IN LISTS seeds)
    foreach(bits 1 3)
      check_ostep_scenario("${OUT_DIR}/ostep-${policy}-${seed}-b${bits}.msim" "kind = \"ostep\".*kind = \"victim_page\""
                           paging-policy.py -p ${policy} -s ${seed} -b ${bits} -C 3 -n 25 -m 8)
    endforeach()
  endforeach()
endforeach()
# The translation scripts and malloc.py: seeds 0..7 with their defaults and with a few
# flags; with -c (ignored: the scenario asks) and more addresses (or ops) than the default.
foreach(script relocation segmentation paging-linear-translate paging-multilevel-translate malloc)
  set(question "translation")
  set(more "-c;-n;12")
  if(script STREQUAL "malloc")
    set(question "returned")
    set(more "-c;-n;20;-p;FIRST;-l;SIZESORT+;-C;-H;4;-a;4")
  endif()
  foreach(seed IN LISTS seeds)
    foreach(flags "" "${more}")
      check_ostep_scenario("${OUT_DIR}/ostep-${script}-${seed}-${count}.msim" "kind = \"${question}\""
                           ${script}.py -s ${seed} ${flags})
    endforeach()
  endforeach()
endforeach()
if(failures GREATER 0)
  message(FATAL_ERROR "${failures} of ${count} OSTEP scenarios state answers the engine does not compute")
endif()
message(STATUS "all ${count} OSTEP scenarios pass memsim check")
