# Turns docs/dispute.1.scd into the manual page, at build time:
#   cmake -DSCDOC=scdoc -DGZIP=gzip -DIN=dispute.1.scd -DOUT=dispute.1 \
#         -DDISPUTE_DATADIR=/usr/share/dispute -P scdoc.cmake
# @DISPUTE_DATADIR@ in the source becomes the installed data folder. With GZIP set,
# OUT.gz is written too (gzip -9n, as Debian installs manual pages).
foreach(var SCDOC IN OUT DISPUTE_DATADIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "scdoc.cmake: ${var} is not set")
  endif()
endforeach()
configure_file(${IN} ${OUT}.scd @ONLY)
execute_process(COMMAND ${SCDOC} INPUT_FILE ${OUT}.scd OUTPUT_FILE ${OUT}.tmp
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE ${OUT}.tmp)
  message(FATAL_ERROR "scdoc failed on ${IN} (exit ${status})")
endif()
file(RENAME ${OUT}.tmp ${OUT})
if(GZIP)
  execute_process(COMMAND ${GZIP} -9n -c ${OUT} OUTPUT_FILE ${OUT}.gz.tmp
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    file(REMOVE ${OUT}.gz.tmp)
    message(FATAL_ERROR "gzip failed on ${OUT} (exit ${status})")
  endif()
  file(RENAME ${OUT}.gz.tmp ${OUT}.gz)
endif()
