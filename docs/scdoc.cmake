# Turns docs/dispute.1.scd into the manual page, at build time:
#   cmake -DSCDOC=scdoc -DGZIP=gzip -DSCD_FILE=dispute.1.scd -DMAN_FILE=dispute.1 \
#         -DDISPUTE_DATADIR=/usr/share/dispute -DDISPUTE_LOCALEDIR=/usr/share/locale \
#         -DDISPUTE_HELPERDIR=/usr/libexec/dispute -P scdoc.cmake
# @DISPUTE_DATADIR@, @DISPUTE_LOCALEDIR@ and @DISPUTE_HELPERDIR@ in the source become the
# installed data, message catalogue and helper program folders. With GZIP set,
# MAN_FILE.gz is written too (gzip -9n, as Debian installs manual pages).
foreach(var SCDOC SCD_FILE MAN_FILE DISPUTE_DATADIR DISPUTE_LOCALEDIR DISPUTE_HELPERDIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "scdoc.cmake: ${var} is not set")
  endif()
endforeach()
configure_file(${SCD_FILE} ${MAN_FILE}.scd @ONLY)
execute_process(COMMAND ${SCDOC} INPUT_FILE ${MAN_FILE}.scd OUTPUT_FILE ${MAN_FILE}.tmp
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE ${MAN_FILE}.tmp)
  message(FATAL_ERROR "scdoc failed on ${SCD_FILE} (exit ${status})")
endif()
file(RENAME ${MAN_FILE}.tmp ${MAN_FILE})
if(GZIP)
  execute_process(COMMAND ${GZIP} -9n -c ${MAN_FILE} OUTPUT_FILE ${MAN_FILE}.gz.tmp
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    file(REMOVE ${MAN_FILE}.gz.tmp)
    message(FATAL_ERROR "gzip failed on ${MAN_FILE} (exit ${status})")
  endif()
  file(RENAME ${MAN_FILE}.gz.tmp ${MAN_FILE}.gz)
endif()
